import { resourceOrThrow } from './doc-ops';
import { StudyError } from './errors';
import { cleanTitle, newPartId } from './part-ops';
import { resolveRef } from './refs';
import type { Note, ProgressEntry, Resource, StudyDocument, StudyList } from './schema';
import { normaliseTags, setTags } from './tags';

/** Everything a deleted list or resource took with it, so an undo puts back exactly that. */
export interface Removed<T> {
  item: T;
  index: number;
  progress: Record<string, ProgressEntry>;
  notes: Record<string, Note>;
}

export interface ResourceFields {
  title: string;
  url: string | null;
  author: string | null;
  description: string;
  /** What it is (a book, a video…); left as it is when absent (an older window), 'link' when blank. */
  kind?: string;
  /** Its tags, cleaned here (tags.ts); left as they are when absent, refused with a message when they cannot be kept. */
  tags?: string[];
  /** How long it takes, in minutes, as the user typed it (estimate.ts); null clears it, absent leaves it as it is. */
  estimateMinutes?: number | null;
  /**
   * The new resource's id, chosen by the window (its title and a random suffix), so two computers that
   * each add a resource of the same title get two resources, not one; and so the command replays the
   * same. Without it (or when taken) the id comes from the title.
   */
  id?: string;
}

function listOrThrow(doc: StudyDocument, listId: string): StudyList {
  const list = doc.lists.find((l) => l.id === listId);
  if (!list) throw new StudyError('unknown-ref', `There is no list “${listId}”.`);
  return list;
}

/** The resource a ref names (doc-ops resolves refs for every operation), with its place in its list. */
function locateResource(doc: StudyDocument, ref: string): { list: StudyList; resource: Resource; index: number } {
  const { list, resource } = resourceOrThrow(doc, ref);
  return { list, resource, index: list.resources.indexOf(resource) };
}

/** Takes out every progress and note entry under a prefix (a list, or a resource and its parts). */
function takeEntries(doc: StudyDocument, prefix: string) {
  const progress: Record<string, ProgressEntry> = {};
  const notes: Record<string, Note> = {};
  for (const key of Object.keys(doc.progress)) {
    if (key === prefix || key.startsWith(`${prefix}/`)) {
      progress[key] = doc.progress[key]!;
      delete doc.progress[key];
    }
  }
  for (const key of Object.keys(doc.notes)) {
    if (key === prefix || key.startsWith(`${prefix}/`)) {
      notes[key] = doc.notes[key]!;
      delete doc.notes[key];
    }
  }
  return { progress, notes };
}

function rekey(entries: { progress: Record<string, ProgressEntry>; notes: Record<string, Note> }, from: string, to: string) {
  const move = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).map(([k, v]) => [to + k.slice(from.length), v]));
  return { progress: move(entries.progress), notes: move(entries.notes) };
}

function clamp(index: number, length: number): number {
  return Math.max(0, Math.min(index, length));
}

export function createList(doc: StudyDocument, title: string, description: string): StudyList {
  const clean = cleanTitle(title, 'A list');
  const list: StudyList = {
    id: newPartId(clean, new Set(doc.lists.map((l) => l.id))),
    title: clean,
    author: null,
    description: description.trim(),
    source: null,
    bundledVersion: null,
    customized: false,
    resources: [],
  };
  doc.lists.push(list);
  return list;
}

export function updateList(doc: StudyDocument, listId: string, fields: { title: string; description: string }): StudyList {
  const list = listOrThrow(doc, listId);
  list.title = cleanTitle(fields.title, 'A list');
  list.description = fields.description.trim();
  // The user's own from now on: a newer shipped version does not replace it, and a merge keeps it.
  list.customized = true;
  return list;
}

export function moveList(doc: StudyDocument, listId: string, toIndex: number): void {
  const list = listOrThrow(doc, listId);
  doc.lists.splice(doc.lists.indexOf(list), 1);
  doc.lists.splice(clamp(toIndex, doc.lists.length), 0, list);
}

export function deleteList(doc: StudyDocument, listId: string): Removed<StudyList> {
  const list = listOrThrow(doc, listId);
  const index = doc.lists.indexOf(list);
  doc.lists.splice(index, 1);
  return { item: list, index, ...takeEntries(doc, list.id) };
}

export function restoreList(doc: StudyDocument, removed: Removed<StudyList>): StudyList {
  if (doc.lists.some((l) => l.id === removed.item.id)) throw new StudyError('invalid-argument', 'That list is already there.');
  doc.lists.splice(clamp(removed.index, doc.lists.length), 0, removed.item);
  Object.assign(doc.progress, removed.progress);
  Object.assign(doc.notes, removed.notes);
  return removed.item;
}

/** A list as it is now, with its progress and notes (a copy): what takes back a change to it (putBackList). */
export function listSnapshot(doc: StudyDocument, listId: string): Removed<StudyList> {
  const list = listOrThrow(doc, listId);
  const under = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).filter(([key]) => key.startsWith(`${listId}/`)));
  return structuredClone({ item: list, index: doc.lists.indexOf(list), progress: under(doc.progress), notes: under(doc.notes) });
}

export { putBackList, type ListPutBack } from './put-back-list';

/** A kind as typed: trimmed, 'link' when blank. */
const kindOf = (kind: string) => kind.trim().slice(0, 100) || 'link';

export function addResource(doc: StudyDocument, listId: string, fields: ResourceFields): Resource {
  const list = listOrThrow(doc, listId);
  const tags = normaliseTags(fields.tags ?? []);
  const title = cleanTitle(fields.title, 'A resource');
  // The window's id is almost always free: looked up without building a set of every id in the list.
  const free = fields.id && !list.resources.some((r) => r.id === fields.id);
  const resource: Resource = {
    id: free ? fields.id! : newPartId(title, new Set(list.resources.map((r) => r.id))),
    title,
    url: fields.url,
    author: fields.author?.trim() || null,
    kind: kindOf(fields.kind ?? ''),
    description: fields.description.trim(),
    group: null,
    addedAt: null,
    links: [],
    parts: [],
  };
  setTags(resource, tags);
  if (fields.estimateMinutes) resource.estimateMinutes = fields.estimateMinutes;
  list.resources.push(resource);
  list.customized = true;
  return resource;
}

export function updateResource(doc: StudyDocument, ref: string, fields: ResourceFields): Resource {
  const { list, resource } = locateResource(doc, ref);
  // Checked before anything changes: refused tags leave the resource as it was.
  const tags = fields.tags === undefined ? undefined : normaliseTags(fields.tags);
  resource.title = cleanTitle(fields.title, 'A resource');
  resource.url = fields.url;
  resource.author = fields.author?.trim() || null;
  resource.description = fields.description.trim();
  if (fields.kind !== undefined) resource.kind = kindOf(fields.kind);
  if (tags !== undefined) setTags(resource, tags);
  // A typed estimate replaces the page's; the resource is no longer as pasted, so no page fill writes over it.
  if (fields.estimateMinutes === null) delete resource.estimateMinutes;
  else if (fields.estimateMinutes !== undefined) resource.estimateMinutes = fields.estimateMinutes;
  list.customized = true;
  return resource;
}

export function deleteResource(doc: StudyDocument, ref: string): Removed<Resource> & { listId: string } {
  const { list, resource, index } = locateResource(doc, ref);
  list.resources.splice(index, 1);
  list.customized = true;
  return { item: resource, index, listId: list.id, ...takeEntries(doc, ref) };
}

export function restoreResource(doc: StudyDocument, removed: Removed<Resource> & { listId: string }): Resource {
  const list = listOrThrow(doc, removed.listId);
  if (list.resources.some((r) => r.id === removed.item.id)) throw new StudyError('invalid-argument', 'That resource is already there.');
  list.resources.splice(clamp(removed.index, list.resources.length), 0, removed.item);
  Object.assign(doc.progress, removed.progress);
  Object.assign(doc.notes, removed.notes);
  list.customized = true;
  return removed.item;
}

/**
 * Moves a resource within its list or to another one. Its progress and notes go with it: they are
 * keyed by list and resource, so the keys are rewritten (and the id changed if the target has it).
 * Returns the resource's new ref.
 */
export function moveResource(doc: StudyDocument, ref: string, toListId: string, toIndex: number): string {
  const { list, resource, index } = locateResource(doc, ref);
  const target = listOrThrow(doc, toListId);
  list.resources.splice(index, 1);
  if (target !== list) resource.id = newPartId(resource.id, new Set(target.resources.map((r) => r.id)));
  target.resources.splice(clamp(toIndex, target.resources.length), 0, resource);
  const to = `${target.id}/${resource.id}`;
  if (to !== ref) {
    const moved = rekey(takeEntries(doc, ref), ref, to);
    Object.assign(doc.progress, moved.progress);
    Object.assign(doc.notes, moved.notes);
  }
  list.customized = true;
  target.customized = true;
  return to;
}

/** A bundled list back to its published content; progress and notes stay (same ids). */
export function resetList(doc: StudyDocument, listId: string, shipped: readonly StudyList[]): StudyList {
  const index = doc.lists.findIndex((l) => l.id === listId);
  const published = shipped.find((l) => l.id === listId);
  if (index === -1) throw new StudyError('unknown-ref', `There is no list “${listId}”.`);
  if (!published) throw new StudyError('invalid-argument', 'Only a list that ships with Studyshelf has a published version.');
  const fresh = structuredClone(published);
  doc.lists[index] = fresh;
  return fresh;
}

/**
 * Points an item (a resource, a part or a nested link) at the address its link moved to, keeping the
 * old address in its history. Only when the item still has `from`: a stale click changes nothing.
 */
export function useNewAddress(doc: StudyDocument, ref: string, from: string, to: string, at: string): Resource {
  const found = resolveRef(doc, ref);
  if (!found) throw new StudyError('unknown-ref', `There is no resource “${ref}”.`);
  const item = found.kind === 'resource' ? found.resource : found.kind === 'part' ? found.part : found.link;
  if (item.url !== from) throw new StudyError('invalid-argument', 'This link was changed since it was checked; check it again.');
  item.formerUrls = [...(item.formerUrls ?? []), { url: from, until: at }].slice(-50);
  item.url = to;
  found.list.customized = true;
  return found.resource;
}
