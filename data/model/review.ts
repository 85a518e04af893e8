import type { ReviewAnswer, ReviewEntry, StudyDocument } from './schema';

/**
 * The review queue: a resource marked done comes back for review at growing intervals. The first
 * review follows from the progress itself (done → due a day after `doneAt`), so marking done needs no
 * second write and a sync merge cannot lose an item from the queue; only answers are stored.
 */

export const REVIEW_INTERVALS_DAYS = [1, 3, 7, 21, 60] as const;
/** Beyond the last interval, each "remembered" doubles it, up to about ten years. */
export const MAX_INTERVAL_DAYS = 3650;
export const MAX_REVIEW_STEP = 40;
const DAY_MS = 86_400_000;

/** The interval, in days, before the review after step `step` (0: the first review). */
export function intervalDays(step: number): number {
  if (step < REVIEW_INTERVALS_DAYS.length) return REVIEW_INTERVALS_DAYS[step]!;
  const last = REVIEW_INTERVALS_DAYS[REVIEW_INTERVALS_DAYS.length - 1]!;
  return Math.min(MAX_INTERVAL_DAYS, last * 2 ** (step - REVIEW_INTERVALS_DAYS.length + 1));
}

function addDays(at: string, days: number): string {
  return new Date(Date.parse(at) + days * DAY_MS).toISOString();
}

/**
 * The next state after an answer: remembered moves one step further out, fuzzy repeats the interval,
 * forgot starts over with tomorrow.
 */
export function answerReview(previous: ReviewEntry | undefined, answer: ReviewAnswer, at: string, recalled?: string): ReviewEntry {
  const step = previous?.step ?? 0;
  const next = answer === 'remembered' ? Math.min(MAX_REVIEW_STEP, step + 1) : answer === 'fuzzy' ? step : 0;
  const entry: ReviewEntry = { step: next, dueAt: addDays(at, intervalDays(next)), answeredAt: at, answer };
  if (recalled !== undefined && recalled.trim() !== '') entry.recalled = recalled;
  return entry;
}

export interface DueReview {
  ref: string;
  listId: string;
  dueAt: string;
  /** How far along the intervals it is (0: the first, or back to the start after "forgot"). */
  step: number;
  /** The answer the last time it was reviewed, if it was. */
  lastAnswer?: ReviewAnswer;
}

/** Done resources with review on for their list, with when each is due. */
export function reviewQueue(doc: StudyDocument): DueReview[] {
  const off = new Set(doc.study?.settings?.reviewOff ?? []);
  const out: DueReview[] = [];
  for (const list of doc.lists) {
    if (off.has(list.id)) continue;
    for (const resource of list.resources) {
      const ref = `${list.id}/${resource.id}`;
      const progress = doc.progress[ref];
      if (progress?.status !== 'done' || !progress.doneAt) continue;
      const answered = doc.study?.reviews?.[ref];
      // Done again after the last answer (undone and redone): it starts over.
      if (answered && Date.parse(answered.answeredAt) >= Date.parse(progress.doneAt)) out.push({ ref, listId: list.id, dueAt: answered.dueAt, step: answered.step, lastAnswer: answered.answer });
      else out.push({ ref, listId: list.id, dueAt: addDays(progress.doneAt, intervalDays(0)), step: 0 });
    }
  }
  return out.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
}

export function dueNow(doc: StudyDocument, at: string): DueReview[] {
  return reviewQueue(doc).filter((r) => Date.parse(r.dueAt) <= Date.parse(at));
}
