import { effectiveStatus, partsProgress, type ProgressMap } from '../data/model/status';
import type { Note, Resource, Status, StudyList } from '../data/model/schema';

// Status rules are the data's: the progress shown here and the counts main reports (e.g. in the
// Backups view) come from the same functions.
export { derivedStatus, effectiveStatus, isDone, isExplicit, partsProgress, statusOf, type ProgressMap } from '../data/model/status';

export function resourceDone(progress: ProgressMap, listId: string, resource: Resource): boolean {
  return effectiveStatus(progress, listId, resource) === 'done';
}

/**
 * Resources done of those counted (skipped ones do not count against progress), and `share`: how much
 * of the list is done, where a resource not done yet counts for the share of its parts done (3 of 9
 * lectures: a third of a resource). The bars and percentages show the share.
 */
export function listProgress(progress: ProgressMap, list: StudyList): { done: number; total: number; share: number } {
  let done = 0;
  let total = 0;
  let share = 0;
  for (const resource of list.resources) {
    const status = effectiveStatus(progress, list.id, resource);
    if (status === 'skipped') continue;
    total++;
    if (status === 'done') {
      done++;
      share++;
    } else if (resource.parts.length > 0) {
      const parts = partsProgress(progress, list.id, resource);
      if (parts.total > 0) share += parts.done / parts.total;
    }
  }
  return { done, total, share };
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
