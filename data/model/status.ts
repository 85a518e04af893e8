import type { ProgressEntry, Resource, Status } from './schema';

/**
 * How done a resource is: its own status, or for a resource with parts that nobody set by hand, the
 * status its parts give it. Pure and free of dependencies, so the renderer uses these very functions.
 */
export type ProgressMap = Readonly<Record<string, ProgressEntry>>;

export function statusOf(progress: ProgressMap, ref: string): Status {
  return progress[ref]?.status ?? 'todo';
}

export function isDone(progress: ProgressMap, ref: string): boolean {
  return statusOf(progress, ref) === 'done';
}

export function partsProgress(progress: ProgressMap, listId: string, resource: Resource) {
  const statuses = resource.parts.map((p) => statusOf(progress, `${listId}/${resource.id}/${p.id}`));
  const counted = statuses.filter((s) => s !== 'skipped');
  return { done: counted.filter((s) => s === 'done').length, total: counted.length };
}

/** A resource with parts follows them unless its status was set by hand. */
export function derivedStatus(progress: ProgressMap, listId: string, resource: Resource): Status {
  const statuses = resource.parts.map((p) => statusOf(progress, `${listId}/${resource.id}/${p.id}`));
  const counted = statuses.filter((s) => s !== 'skipped');
  if (counted.length === 0) return statuses.length > 0 ? 'skipped' : 'todo';
  if (counted.every((s) => s === 'done')) return 'done';
  if (counted.some((s) => s === 'done' || s === 'in-progress')) return 'in-progress';
  return 'todo';
}

export function isExplicit(progress: ProgressMap, listId: string, resource: Resource): boolean {
  return progress[`${listId}/${resource.id}`] !== undefined;
}

export function effectiveStatus(progress: ProgressMap, listId: string, resource: Resource): Status {
  const explicit = progress[`${listId}/${resource.id}`];
  if (explicit || resource.parts.length === 0) return explicit?.status ?? 'todo';
  return derivedStatus(progress, listId, resource);
}
