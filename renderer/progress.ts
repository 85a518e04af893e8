import type { ProgressEntry, Resource, StudyList } from '../data/schema';

export type ProgressMap = Readonly<Record<string, ProgressEntry>>;

export function isDone(progress: ProgressMap, ref: string): boolean {
  return progress[ref]?.status === 'done';
}

export function partsProgress(progress: ProgressMap, listId: string, resource: Resource) {
  const done = resource.parts.filter((p) => isDone(progress, `${listId}/${resource.id}/${p.id}`)).length;
  return { done, total: resource.parts.length };
}

/** A resource counts as done when it is ticked, or when every one of its parts is. */
export function resourceDone(progress: ProgressMap, listId: string, resource: Resource): boolean {
  if (isDone(progress, `${listId}/${resource.id}`)) return true;
  const parts = partsProgress(progress, listId, resource);
  return parts.total > 0 && parts.done === parts.total;
}

export function listProgress(progress: ProgressMap, list: StudyList) {
  const done = list.resources.filter((r) => resourceDone(progress, list.id, r)).length;
  return { done, total: list.resources.length };
}

export function percent(done: number, total: number): number {
  return total === 0 ? 0 : Math.round((done / total) * 100);
}
