import { StudyError } from './errors';
import type { Removed } from './list-ops';
import type { Note, ProgressEntry, Resource, StudyDocument, StudyList } from './schema';

/**
 * What the undo of an import into a list takes back: the list before the import (with its progress and
 * notes) and, since the import could be undone long after, the list as the import left it — so that
 * only what is still as the import left it is put back, and nothing the user did since is lost.
 */
export interface ListPutBack extends Removed<StudyList> {
  /** Absent in entries journaled before it was recorded: then the list is put back as it was, whole. */
  after?: { item: StudyList; progress: Record<string, ProgressEntry>; notes: Record<string, Note> };
}

/** Deep equality of plain JSON data (the document's values); `undefined` equals only itself. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const under = (prefix: string) => (key: string) => key === prefix || key.startsWith(`${prefix}/`);

/**
 * Puts a list back as a snapshot had it (the undo of an import into it). With `after`, three-way: a
 * resource, field, tick or note still as the import left it goes back to how it was before; one the user
 * changed, added or wrote since stays as it is (a note on an imported resource keeps that resource).
 */
export function putBackList(doc: StudyDocument, snapshot: ListPutBack): StudyList {
  const list = doc.lists.find((l) => l.id === snapshot.item.id);
  if (!list) throw new StudyError('unknown-ref', 'That list is no longer here, so the import into it cannot be undone.');
  const { after } = snapshot;
  if (!after) return putBackWhole(doc, list, snapshot);
  const prefix = (r: Resource) => `${list.id}/${r.id}`;
  const afterById = new Map(after.item.resources.map((r) => [r.id, r]));
  const beforeById = new Map(snapshot.item.resources.map((r) => [r.id, r]));
  const records = [doc.progress, doc.notes, after.progress, after.notes] as Record<string, unknown>[];
  const keysUnder = (p: string) => new Set(records.flatMap((record) => Object.keys(record).filter(under(p))));
  const changedSince = (r: Resource) =>
    !sameValue(r, afterById.get(r.id)) || [...keysUnder(prefix(r))].some((k) => !sameValue(doc.progress[k], after.progress[k]) || !sameValue(doc.notes[k], after.notes[k]));
  const dropped = new Set<string>();
  const resources: Resource[] = [];
  for (const r of list.resources) {
    if (changedSince(r)) resources.push(r);
    else if (beforeById.has(r.id)) resources.push(beforeById.get(r.id)!);
    else dropped.add(prefix(r));
  }
  const putBack = structuredClone({ ...list, resources }) as StudyList & Record<string, unknown>;
  for (const field of Object.keys({ ...list, ...snapshot.item }) as (keyof StudyList)[]) {
    if (field === 'resources' || !sameValue(list[field], after.item[field])) continue;
    if (snapshot.item[field] === undefined) delete putBack[field];
    else putBack[field] = structuredClone(snapshot.item[field]) as never;
  }
  doc.lists[doc.lists.indexOf(list)] = putBack;
  for (const [current, was, before] of [
    [doc.progress, after.progress, snapshot.progress],
    [doc.notes, after.notes, snapshot.notes],
  ] as [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>][]) {
    for (const key of new Set([...Object.keys(current), ...Object.keys(was), ...Object.keys(before)].filter(under(list.id)))) {
      const resourceKey = key.split('/').slice(0, 2).join('/');
      if (dropped.has(resourceKey)) delete current[key];
      else if (sameValue(current[key], was[key])) {
        if (Object.hasOwn(before, key)) current[key] = structuredClone(before[key]);
        else delete current[key];
      }
    }
  }
  return putBack;
}

/** The undo as journaled before `after` was recorded: the list, its progress and its notes as they were. */
function putBackWhole(doc: StudyDocument, list: StudyList, snapshot: Removed<StudyList>): StudyList {
  doc.lists[doc.lists.indexOf(list)] = snapshot.item;
  const kept = new Set(snapshot.item.resources.map((r) => `${list.id}/${r.id}`));
  for (const key of Object.keys(doc.progress)) if (key.startsWith(`${list.id}/`)) delete doc.progress[key];
  Object.assign(doc.progress, snapshot.progress);
  for (const key of Object.keys(doc.notes)) if (key.startsWith(`${list.id}/`) && !kept.has(key.split('/').slice(0, 2).join('/'))) delete doc.notes[key];
  return snapshot.item;
}
