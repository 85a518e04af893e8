import MiniSearch from 'minisearch';
import type { Note, ProgressEntry, Resource, Status, StudyList } from '../data/model/schema';
import { effectiveStatus, lastTouched } from './progress';
import { tagKey } from '../data/model/tags';
import { FUZZY, searchScoreless, type ScorelessHits } from './search-match';

export interface Filters {
  query: string;
  status: Status | 'all';
  kind: string | 'all';
  hasNotes: boolean;
  sort: 'list' | 'touched' | 'title';
  /** Only resources with this tag (whatever its case); null: any. */
  tag: string | null;
}

export const NO_FILTERS: Filters = { query: '', status: 'all', kind: 'all', hasNotes: false, sort: 'list', tag: null };

/** Two tags are one tag whatever their case: the data's own rule. */
export { tagKey } from '../data/model/tags';

/**
 * A query's `#words` (tags: a resource must have a tag starting with each, as search matches prefixes)
 * and the rest of it (words searched in every field, tags included).
 */
export function parseQuery(query: string): { text: string; tags: string[] } {
  const tags: string[] = [];
  const text = query
    .replace(/(^|\s)#(\S*)/g, (_all, space: string, tag: string) => {
      if (tag) tags.push(tagKey(tag));
      return space;
    })
    .trim();
  return { text, tags };
}

function hasTag(resource: Resource, key: string, prefix: boolean): boolean {
  return (resource.tags ?? []).some((tag) => (prefix ? tagKey(tag).startsWith(key) : tagKey(tag) === key));
}

export interface Match {
  resource: Resource;
  /** The words of the resource that matched the query, to highlight. */
  terms: string[];
}

/** Search reads this much of each note: a note of many megabytes would make every save re-index it. */
export const INDEXED_NOTE_CHARS = 100_000;

type Indexed = { id: string; title: string; author: string; description: string; tags: string; parts: string; note: string };
export type SearchIndex = MiniSearch<Indexed>;

function newIndex(): SearchIndex {
  return new MiniSearch<Indexed>({
    fields: ['title', 'author', 'description', 'tags', 'parts', 'note'],
    searchOptions: { prefix: true, fuzzy: FUZZY, combineWith: 'AND', boost: { title: 3, author: 2, tags: 2 } },
  });
}

/** What search reads of one resource. */
export function indexedFields(listId: string, r: Resource, notes: Readonly<Record<string, Note>>): Indexed {
  const note = notes[`${listId}/${r.id}`];
  return {
    id: r.id,
    title: r.title,
    author: r.author ?? '',
    description: r.description,
    tags: (r.tags ?? []).join(' \n '),
    parts: [...r.parts, ...r.links].map((p) => p.title).join(' \n '),
    note: note ? `${note.whereStopped}\n${note.body.slice(0, INDEXED_NOTE_CHARS)}` : '',
  };
}

/**
 * A full-text index of one list: titles, authors, descriptions, tags, part titles, notes and "where I
 * stopped". Prefix and light fuzzy matching, every word of the query required.
 */
export function buildIndex(list: StudyList, notes: Readonly<Record<string, Note>>): SearchIndex {
  const index = newIndex();
  index.addAll(list.resources.map((r) => indexedFields(list.id, r, notes)));
  return index;
}

/**
 * The same index, built a few milliseconds at a time: between slices the page paints, scrolls and
 * takes keys as if nothing were running.
 */
export async function buildIndexInSlices(list: StudyList, notes: Readonly<Record<string, Note>>, cancelled: () => boolean): Promise<SearchIndex | null> {
  const index = newIndex();
  let i = 0;
  while (i < list.resources.length) {
    if (cancelled()) return null;
    const sliceStarted = performance.now();
    while (i < list.resources.length && performance.now() - sliceStarted < 6) index.add(indexedFields(list.id, list.resources[i++]!, notes));
    if (i < list.resources.length) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  if (cancelled()) return null;
  // The list's order, which every query reads, made now rather than by the first typed character.
  orderOf(list);
  return index;
}

/** Re-indexes only the resources whose note changed (a save, a "where I stopped"): not the whole list. */
export function updateNotes(index: SearchIndex, list: StudyList, before: Readonly<Record<string, Note>>, after: Readonly<Record<string, Note>>): number {
  let changed = 0;
  for (const r of list.resources) {
    const ref = `${list.id}/${r.id}`;
    if (before[ref] === after[ref]) continue;
    index.replace(indexedFields(list.id, r, after));
    changed++;
  }
  return changed;
}

/**
 * Where each resource sits in its list (0 for the first), kept per list object: search results are put in
 * list order with it, and the cards are numbered with it.
 */
const orders = new WeakMap<StudyList, Map<string, number>>();
export function positionsIn(list: StudyList): ReadonlyMap<string, number> {
  return orderOf(list);
}
function orderOf(list: StudyList): Map<string, number> {
  let found = orders.get(list);
  if (!found) {
    found = new Map(list.resources.map((r, i) => [r.id, i]));
    orders.set(list, found);
  }
  return found;
}

/** A hit of the search: its words matched are worked out when a card reads them, once. */
class FoundMatch implements Match {
  #terms: string[] | undefined;
  constructor(
    readonly resource: Resource,
    private readonly hits: ScorelessHits,
    private readonly hit: number,
    private readonly tags: string[],
  ) {}

  get terms(): string[] {
    // Kept: memoised cards get the same array on every render.
    this.#terms ??= this.tags.length > 0 ? [...this.hits.termsOf(this.hit), ...this.tags] : this.hits.termsOf(this.hit);
    return this.#terms;
  }
}

/** MiniSearch's own search, for an index the scoreless one cannot read. */
function scored(index: SearchIndex, query: string): ScorelessHits {
  const results = index.search(query);
  return { ids: results.map((hit) => hit.id as unknown), termsOf: (i) => results[i]!.terms };
}

/** The hits of the query in list order: each put in its resource's slot, then read in order (no sort of thousands). */
function searchInListOrder(list: StudyList, index: SearchIndex, query: string, tags: string[]): Match[] {
  const order = orderOf(list);
  // Unscored when the index is one it can read (the window never orders by score); else MiniSearch's own.
  const hits = searchScoreless(index, query) ?? scored(index, query);
  const slots = new Array<Match | undefined>(list.resources.length);
  hits.ids.forEach((id, i) => {
    const at = order.get(id as string);
    if (at === undefined) return; // an index a moment behind an edit of the list
    slots[at] = new FoundMatch(list.resources[at]!, hits, i, tags);
  });
  const matches: Match[] = [];
  for (const match of slots) if (match) matches.push(match);
  return matches;
}

export function applyFilters(
  list: StudyList,
  progress: Readonly<Record<string, ProgressEntry>>,
  notes: Readonly<Record<string, Note>>,
  filters: Filters,
  index: SearchIndex | null,
): Match[] {
  const { text: query, tags } = parseQuery(filters.query);
  let matches: Match[] = query && index ? searchInListOrder(list, index, query, tags) : list.resources.map((resource) => ({ resource, terms: tags }));
  const tag = filters.tag === null ? null : tagKey(filters.tag);
  const filtered = filters.status !== 'all' || filters.kind !== 'all' || filters.hasNotes || tag !== null || tags.length > 0;
  if (filtered) {
    matches = matches.filter(({ resource }) => {
      if (filters.status !== 'all' && effectiveStatus(progress, list.id, resource) !== filters.status) return false;
      if (filters.kind !== 'all' && resource.kind !== filters.kind) return false;
      if (filters.hasNotes && !notes[`${list.id}/${resource.id}`]) return false;
      if (tag !== null && !hasTag(resource, tag, false)) return false;
      return tags.every((key) => hasTag(resource, key, true));
    });
  }
  if (filters.sort === 'title') matches.sort((a, b) => a.resource.title.localeCompare(b.resource.title));
  if (filters.sort === 'touched') {
    matches.sort((a, b) =>
      lastTouched(progress, notes, list.id, b.resource).localeCompare(lastTouched(progress, notes, list.id, a.resource)),
    );
  }
  return matches;
}

/** Where the query matched a note, a line of it to show; worked out only for the cards on screen. */
export function snippet(text: string, terms: string[]): string | null {
  if (!text || terms.length === 0) return null;
  const lower = text.toLowerCase();
  const at = Math.min(...terms.map((t) => lower.indexOf(t.toLowerCase())).filter((i) => i >= 0));
  if (!Number.isFinite(at)) return null;
  const start = Math.max(0, text.lastIndexOf('\n', at) + 1, at - 60);
  const end = Math.min(text.length, at + 100);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ').trim()}${end < text.length ? '…' : ''}`;
}

/**
 * The two expressions for one set of terms. Every field of every card on screen is highlighted with the
 * same terms, so they are compiled once per query, not once per field (a tenth of a keystroke's render).
 */
const expressions = new Map<string, { splitter: RegExp; whole: RegExp } | null>();
function expressionsFor(terms: string[]): { splitter: RegExp; whole: RegExp } | null {
  const key = terms.join('\u0000');
  let found = expressions.get(key);
  if (found === undefined) {
    const words = terms.filter((t) => t.length > 0).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const alternatives = words.sort((a, b) => b.length - a.length).join('|');
    found = words.length === 0 ? null : { splitter: new RegExp(`(${alternatives})`, 'gi'), whole: new RegExp(`^(?:${alternatives})$`, 'i') };
    if (expressions.size >= 256) expressions.clear();
    expressions.set(key, found);
  }
  return found;
}

/** Splits text into plain and matched pieces, for <mark>. */
export function highlight(text: string, terms: string[]): Array<{ text: string; match: boolean }> {
  const compiled = expressionsFor(terms);
  if (!compiled) return [{ text, match: false }];
  return text
    .split(compiled.splitter)
    .filter((piece) => piece !== '')
    .map((piece) => ({ text: piece, match: compiled.whole.test(piece) }));
}
