import MiniSearch from 'minisearch';
import type { Note, ProgressEntry, Resource, Status, StudyList } from '../data/schema';
import { effectiveStatus, lastTouched } from './progress';

export interface Filters {
  query: string;
  status: Status | 'all';
  kind: string | 'all';
  hasNotes: boolean;
  sort: 'list' | 'touched' | 'title';
}

export const NO_FILTERS: Filters = { query: '', status: 'all', kind: 'all', hasNotes: false, sort: 'list' };

export interface Match {
  resource: Resource;
  /** The words of the resource that matched the query, to highlight. */
  terms: string[];
  /** Where the query matched the note, a line of it to show. */
  noteSnippet: string | null;
}

/** Search reads this much of each note: a note of many megabytes would make every save re-index it. */
export const INDEXED_NOTE_CHARS = 100_000;

/**
 * A full-text index of one list: titles, authors, descriptions, part titles, notes and "where I
 * stopped". Prefix and light fuzzy matching, every word of the query required.
 */
export function buildIndex(list: StudyList, notes: Readonly<Record<string, Note>>) {
  const index = new MiniSearch<{ id: string; title: string; author: string; description: string; parts: string; note: string }>({
    fields: ['title', 'author', 'description', 'parts', 'note'],
    searchOptions: { prefix: true, fuzzy: 0.15, combineWith: 'AND', boost: { title: 3, author: 2 } },
  });
  index.addAll(
    list.resources.map((r) => {
      const note = notes[`${list.id}/${r.id}`];
      return {
        id: r.id,
        title: r.title,
        author: r.author ?? '',
        description: r.description,
        parts: [...r.parts, ...r.links].map((p) => p.title).join(' \n '),
        note: note ? `${note.whereStopped}\n${note.body.slice(0, INDEXED_NOTE_CHARS)}` : '',
      };
    }),
  );
  return index;
}

export function applyFilters(
  list: StudyList,
  progress: Readonly<Record<string, ProgressEntry>>,
  notes: Readonly<Record<string, Note>>,
  filters: Filters,
  index: ReturnType<typeof buildIndex> | null,
): Match[] {
  const query = filters.query.trim();
  let matches: Match[];
  if (query && index) {
    const byId = new Map(list.resources.map((r) => [r.id, r]));
    matches = index.search(query).map((hit) => {
      const note = notes[`${list.id}/${hit.id}`]?.body ?? '';
      return { resource: byId.get(hit.id as string)!, terms: hit.terms, noteSnippet: snippet(note, hit.terms) };
    });
    if (filters.sort === 'list') {
      const order = new Map(list.resources.map((r, i) => [r.id, i]));
      matches.sort((a, b) => order.get(a.resource.id)! - order.get(b.resource.id)!);
    }
  } else {
    matches = list.resources.map((resource) => ({ resource, terms: [], noteSnippet: null }));
  }
  matches = matches.filter(({ resource }) => {
    const ref = `${list.id}/${resource.id}`;
    if (filters.status !== 'all' && effectiveStatus(progress, list.id, resource) !== filters.status) return false;
    if (filters.kind !== 'all' && resource.kind !== filters.kind) return false;
    if (filters.hasNotes && !notes[ref]) return false;
    return true;
  });
  if (filters.sort === 'title') matches.sort((a, b) => a.resource.title.localeCompare(b.resource.title));
  if (filters.sort === 'touched') {
    matches.sort((a, b) =>
      lastTouched(progress, notes, list.id, b.resource).localeCompare(lastTouched(progress, notes, list.id, a.resource)),
    );
  }
  return matches;
}

function snippet(text: string, terms: string[]): string | null {
  if (!text || terms.length === 0) return null;
  const lower = text.toLowerCase();
  const at = Math.min(...terms.map((t) => lower.indexOf(t.toLowerCase())).filter((i) => i >= 0));
  if (!Number.isFinite(at)) return null;
  const start = Math.max(0, text.lastIndexOf('\n', at) + 1, at - 60);
  const end = Math.min(text.length, at + 100);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ').trim()}${end < text.length ? '…' : ''}`;
}

/** Splits text into plain and matched pieces, for <mark>. */
export function highlight(text: string, terms: string[]): Array<{ text: string; match: boolean }> {
  const words = terms.filter((t) => t.length > 0).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (words.length === 0) return [{ text, match: false }];
  const alternatives = words.sort((a, b) => b.length - a.length).join('|');
  const splitter = new RegExp(`(${alternatives})`, 'i');
  const whole = new RegExp(`^(?:${alternatives})$`, 'i');
  return text
    .split(new RegExp(splitter.source, 'gi'))
    .filter((piece) => piece !== '')
    .map((piece) => ({ text: piece, match: whole.test(piece) }));
}
