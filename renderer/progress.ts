import type { Note, ProgressEntry, Resource, Status, StudyList } from '../data/schema';

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

export function resourceDone(progress: ProgressMap, listId: string, resource: Resource): boolean {
  return effectiveStatus(progress, listId, resource) === 'done';
}

/** Skipped resources do not count against progress. */
export function listProgress(progress: ProgressMap, list: StudyList) {
  const statuses = list.resources.map((r) => effectiveStatus(progress, list.id, r)).filter((s) => s !== 'skipped');
  return { done: statuses.filter((s) => s === 'done').length, total: statuses.length };
}

export function percent(done: number, total: number): number {
  return total === 0 ? 0 : Math.round((done / total) * 100);
}

/** When the user last did anything with a resource: its status, a part's, or its note. */
export function lastTouched(progress: ProgressMap, notes: Readonly<Record<string, Note>>, listId: string, resource: Resource): string {
  const ref = `${listId}/${resource.id}`;
  const times = [progress[ref]?.updatedAt, notes[ref]?.updatedAt, ...resource.parts.map((p) => progress[`${ref}/${p.id}`]?.updatedAt)];
  return times.reduce<string>((latest, t) => (t && t > latest ? t : latest), '');
}

/** What to continue (in progress, touched last) and what to start (first to do, in list order). */
export function whatNext(progress: ProgressMap, notes: Readonly<Record<string, Note>>, list: StudyList) {
  const inProgress = list.resources
    .filter((r) => effectiveStatus(progress, list.id, r) === 'in-progress')
    .sort((a, b) => lastTouched(progress, notes, list.id, b).localeCompare(lastTouched(progress, notes, list.id, a)));
  const next = list.resources.find((r) => effectiveStatus(progress, list.id, r) === 'todo');
  return { resume: inProgress[0] ?? null, next: next ?? null };
}

export const STATUS_LABELS: Record<Status, string> = {
  todo: 'To do',
  'in-progress': 'In progress',
  done: 'Done',
  skipped: 'Skipped',
};

/** The statuses in the order people move through them (the keys of STATUS_LABELS, which covers them all). */
export const STATUS_ORDER = Object.keys(STATUS_LABELS) as Status[];
