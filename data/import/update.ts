import { urlKey } from '../model/duplicates';
import type { Removed } from '../model/list-ops';
import { newPartId } from '../model/part-ops';
import { resourceRefOf } from '../model/refs';
import type { Note, Part, ProgressEntry, Resource, StudyDocument, StudyList } from '../model/schema';
import type { ImportedItem, ImportedResource, ImportPreview } from './imported';
import { stateFromFile } from './update-state';
import { importedTags } from '../model/tags';

/** A resource of the list that the new file no longer has, and whether the user's own data is on it. */
export interface MissingResource {
  title: string;
  progress: boolean;
  notes: boolean;
}

/** How an imported file differs from the list of the same title that is already there. */
export interface ListDiff {
  listId: string;
  added: string[];
  /** The titles of the resources the new file no longer has (kept unless the update is told to remove them). */
  removed: string[];
  /** The same resources, in the same order, with whether they carry progress or notes. */
  missing: MissingResource[];
  changed: Array<{ from: string; to: string }>;
  kept: number;
}

export interface UpdateOptions {
  /** Remove the resources the new file no longer has, with their progress and notes. Off by default: they stay. */
  removeMissing?: boolean;
}

/** What an update did: nothing at all (`changed: false`), and what it removed, to put back on undo. */
export interface UpdateOutcome {
  changed: boolean;
  removed: Array<Removed<Resource> & { listId: string }>;
}

const norm = (s: string | null | undefined) => (s ?? '').normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
/** An address as written by different tools (one rule with the add form's same-link warning). */
export { urlKey };

type Keyed = ImportedItem & { group?: string | null; parts?: ImportedItem[] };
const KEYS: Array<(item: Keyed) => string | null> = [
  // Exactly the same entry (its parts too): two copies that differ only in case pair with their own.
  (i) => JSON.stringify([i.url, i.title, i.group ?? null, (i.parts ?? []).map((p) => [p.title, p.url])]),
  (i) => (i.url ? `${urlKey(i.url)}\n${norm(i.title)}\n${norm(i.group)}` : null),
  (i) => (i.url ? `${urlKey(i.url)}\n\n${norm(i.group)}` : null),
  (i) => (i.url ? `${urlKey(i.url)}\n${norm(i.title)}` : null),
  (i) => (i.url ? urlKey(i.url) : null),
  (i) => `\n${norm(i.title)}\n${norm(i.group)}`,
  (i) => `\n${norm(i.title)}`,
];

/**
 * Pairs each incoming item with the existing one it is a version of (or undefined: it is new). The
 * link decides first, then the title; a closer match (the same entry; same link, title and group) wins over a
 * looser one. Among equals, the k-th in the file pairs with the k-th in the list, so duplicates and a
 * new order pair up the same way every time, and an extra duplicate is new rather than taking another's
 * match. Each existing item is paired at most once.
 */
export function pairUp<E extends Keyed, I extends Keyed>(existing: readonly E[], incoming: readonly I[]): Array<E | undefined> {
  const hits: Array<E | undefined> = new Array(incoming.length).fill(undefined);
  const used = new Set<E>();
  for (const key of KEYS) {
    if (used.size === existing.length || hits.every((h) => h)) break;
    const queues = new Map<string, { items: E[]; next: number }>();
    for (const item of existing) {
      const k = used.has(item) ? null : key(item);
      if (k === null) continue;
      const queue = queues.get(k);
      if (queue) queue.items.push(item);
      else queues.set(k, { items: [item], next: 0 });
    }
    incoming.forEach((item, i) => {
      const k = hits[i] ? null : key(item);
      const queue = k === null ? undefined : queues.get(k);
      if (!queue || queue.next >= queue.items.length) return;
      const hit = queue.items[queue.next++]!;
      hits[i] = hit;
      used.add(hit);
    });
  }
  return hits;
}

export function existingVersion(doc: StudyDocument, preview: ImportPreview): StudyList | undefined {
  return doc.lists.find((l) => norm(l.title) === norm(preview.title));
}

/** The resources of a list with progress (or notes) of their own or of one of their parts. */
function refsWith(entries: Record<string, unknown>, listId: string): Set<string> {
  const refs = new Set<string>();
  for (const key of Object.keys(entries)) if (key.startsWith(`${listId}/`)) refs.add(resourceRefOf(key));
  return refs;
}

export function diffList(doc: StudyDocument, list: StudyList, preview: ImportPreview): ListDiff {
  const hits = pairUp(list.resources, preview.resources);
  const added: string[] = [];
  const changed: Array<{ from: string; to: string }> = [];
  preview.resources.forEach((incoming, i) => {
    const hit = hits[i];
    if (!hit) added.push(incoming.title);
    else if (hit.title !== incoming.title || (hit.url ?? null) !== incoming.url) changed.push({ from: hit.title, to: incoming.title });
  });
  const matched = new Set(hits);
  const progress = refsWith(doc.progress, list.id);
  const notes = refsWith(doc.notes, list.id);
  const missing = list.resources
    .filter((r) => !matched.has(r))
    .map((r) => ({ title: r.title, progress: progress.has(`${list.id}/${r.id}`), notes: notes.has(`${list.id}/${r.id}`) }));
  return { listId: list.id, added, removed: missing.map((m) => m.title), missing, changed, kept: matched.size - (matched.has(undefined) ? 1 : 0) };
}

/**
 * The parts a file lists, with the ids of the ones the resource already had; a file with none keeps them
 * all. A part the file no longer lists stays (where it was) when it has progress: a tick is never lost.
 */
function partsOf(incoming: ImportedResource, hit: Resource | undefined, ticked: (part: Part) => boolean, given: string[]): Part[] {
  if (incoming.parts.length === 0) return hit?.parts ?? [];
  const old = hit?.parts ?? [];
  const hits = pairUp(old, incoming.parts);
  const taken = new Set(old.map((p) => p.id));
  const parts = incoming.parts.map((p, i) => {
    const same = hits[i];
    if (same) return { ...same, title: p.title, url: p.url };
    const id = newPartId(p.title, taken);
    taken.add(id);
    return { id, title: p.title, url: p.url };
  });
  given.push(...parts.map((p) => p.id));
  const paired = new Set(hits);
  return withMissing(old, parts, hits, (p) => paired.has(p) || ticked(p));
}

/** The imported version of a resource: what the file says, and what the user added that it does not (also a followed list's new resource, data/follow/review.ts). */
export function merged(incoming: ImportedResource, hit: Resource | undefined, ids: Set<string>, ticked: (resourceId: string, part: Part) => boolean, partIds: string[] = []): Resource {
  const id = hit ? hit.id : newPartId(incoming.title, ids);
  ids.add(id);
  const linkIds = new Set<string>();
  // A new resource takes the file's tags, as a fresh import does; one already here keeps the user's own.
  const tags = hit ? [] : importedTags(incoming.tags);
  return {
    ...hit,
    ...(tags.length > 0 ? { tags } : {}),
    id,
    title: incoming.title,
    url: incoming.url,
    author: incoming.author ?? hit?.author ?? null,
    kind: hit?.kind ?? (incoming.kind || 'link'),
    description: incoming.description || hit?.description || '',
    group: incoming.group,
    addedAt: hit?.addedAt ?? incoming.addedAt ?? null,
    links:
      hit?.links ??
      incoming.links.map((l) => {
        const linkId = newPartId(l.title, linkIds);
        linkIds.add(linkId);
        return { id: linkId, title: l.title, url: l.url, kind: 'link', description: '' };
      }),
    parts: partsOf(incoming, hit, (part) => ticked(id, part), partIds),
  };
}

/** The new items, with each old one the file no longer has (and `keep` keeps) put back after the one it followed. */
function withMissing<T>(old: readonly T[], next: T[], hits: Array<T | undefined>, keep: (item: T) => boolean = () => true): T[] {
  const at = new Map<T, number>();
  hits.forEach((hit, i) => hit && at.set(hit, i));
  const after = new Map<number, T[]>();
  let anchor = -1;
  for (const item of old) {
    const i = at.get(item);
    if (i !== undefined) anchor = i;
    else if (keep(item)) after.set(anchor, [...(after.get(anchor) ?? []), item]);
  }
  return [...(after.get(-1) ?? []), ...next.flatMap((r, i) => [r, ...(after.get(i) ?? [])])];
}

/** Deep equality of JSON-shaped values (a key set to undefined counts as absent). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Takes the entries of the removed resources (and their parts) out of `entries`; returns them per resource. */
function takeOut<T>(entries: Record<string, T>, refs: Set<string>): { rest: Record<string, T>; taken: Map<string, Record<string, T>> } {
  const rest: Record<string, T> = {};
  const taken = new Map<string, Record<string, T>>();
  for (const [key, value] of Object.entries(entries)) {
    const ref = resourceRefOf(key);
    if (!refs.has(ref)) rest[key] = value;
    else taken.set(ref, { ...taken.get(ref), [key]: value });
  }
  return { rest, taken };
}

/**
 * Makes the imported file the new version of a list. Resources (and parts) that stay keep their ids, so
 * their progress and notes stay. Those the file no longer has stay too, where they were, unless
 * `removeMissing` is set: then they go with their progress and notes, which the outcome returns for an
 * undo. Nested links, and parts when the file lists none, are kept; a part the file no longer lists stays
 * when it has progress. What the file says was done (Pocket's archive, a CSV's status) is brought in for
 * items with no progress yet, never over the user's own (update-state.ts). The same file again changes nothing
 * (and says so); the document's lists, progress and notes are replaced, never changed in place, so a
 * store can put the old ones back.
 */
export function updateListFrom(doc: StudyDocument, list: StudyList, preview: ImportPreview, options: UpdateOptions = {}, at = new Date().toISOString()): UpdateOutcome {
  const hits = pairUp(list.resources, preview.resources);
  // Ids already in the list or given in this update: one set, not one rebuilt for each new resource.
  const ids = new Set(list.resources.map((r) => r.id));
  const ticked = (resourceId: string, part: Part) => Object.hasOwn(doc.progress, `${list.id}/${resourceId}/${part.id}`);
  const partIds = preview.resources.map((): string[] => []);
  const next = preview.resources.map((incoming, i) => merged(incoming, hits[i], ids, ticked, partIds[i]));
  const matched = new Set(hits);
  const gone = list.resources.map((r, index) => ({ r, index })).filter(({ r }) => !matched.has(r));
  const remove = options.removeMissing === true && gone.length > 0;
  const resources = options.removeMissing ? next : withMissing(list.resources, next, hits);
  // What the file says was read or done (and, for a new resource, its note), where the user has said nothing yet.
  const items = preview.resources.map((incoming, i) => ({ incoming, resource: next[i]!, existed: hits[i] !== undefined, partIds: partIds[i]! }));
  const brought = stateFromFile(doc, list.id, items, at);
  if (!remove && !brought && same(resources, list.resources)) return { changed: false, removed: [] };

  doc.lists = doc.lists.map((l) => (l === list ? { ...list, resources, customized: true } : l));
  if (brought) {
    doc.progress = brought.progress;
    doc.notes = brought.notes;
    doc.activity = brought.activity;
  }
  if (!remove) return { changed: true, removed: [] };
  const refs = new Set(gone.map(({ r }) => `${list.id}/${r.id}`));
  const progress = takeOut<ProgressEntry>(doc.progress, refs);
  const notes = takeOut<Note>(doc.notes, refs);
  doc.progress = progress.rest;
  doc.notes = notes.rest;
  const removed = gone.map(({ r, index }) => {
    const ref = `${list.id}/${r.id}`;
    return { item: r, index, listId: list.id, progress: progress.taken.get(ref) ?? {}, notes: notes.taken.get(ref) ?? {} };
  });
  return { changed: true, removed };
}
