import { dueNow } from './model/review';
import type { StudyDocument } from './model/schema';
import { formatMinutes, liveSessions, weeklyMinutes } from './model/study-time';

/**
 * The optional daily reminder (off by default): what it says and whether it is time for it, as pure
 * functions given the time. Main asks `reminderStep` every minute or so; the clock may be wrong, jump
 * back, or the computer may sleep past the time: at most one reminder comes of it, never a burst.
 */

const DAY_MS = 86_400_000;
/** However the wall clock moves, two reminders are at least this far apart in the app's own running time. */
export const MIN_GAP_MS = 12 * 60 * 60 * 1000;
export const REMINDER_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** What the reminder state file holds: the time it was set for, and when it last counted as shown. */
export interface ReminderState {
  time: string | null;
  lastAt: string | null;
}

const plural = new Intl.PluralRules('en');
const reviews = (n: number) => `${n} ${plural.select(n) === 'one' ? 'review' : 'reviews'} due`;

/** "2 reviews due, 40 min left on this week's goal"; null when there is nothing to say. */
export function reminderText(dueReviews: number, goalMinutesLeft: number): string | null {
  const parts: string[] = [];
  if (dueReviews > 0) parts.push(reviews(dueReviews));
  if (goalMinutesLeft > 0) parts.push(`${formatMinutes(goalMinutesLeft)} left on this week’s goal`);
  return parts.length === 0 ? null : parts.join(', ');
}

/** The reminder's text for a document at a moment: its due reviews and what is left of the weekly goal. */
export function reminderTextOf(doc: StudyDocument, now: Date): string | null {
  const goal = doc.study?.settings?.weeklyGoalMinutes ?? 0;
  const thisWeek = weeklyMinutes(liveSessions(doc), now, 1)[0]!.minutes;
  return reminderText(dueNow(doc, now.toISOString()).length, Math.max(0, goal - thisWeek));
}

/** The last moment, at or before `now`, the local clock showed `time` ("19:30"). */
export function lastOccurrence(time: string, now: Date): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate(), h, m).getTime();
  if (today <= now.getTime()) return today;
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1, h, m).getTime();
  return yesterday;
}

export interface ReminderCheck {
  /** The reminder time set (null: off). */
  time: string | null;
  now: Date;
  /** The app's own running time since it last showed one in this run (a monotonic clock); null: none yet. */
  sinceShownMs: number | null;
}

/**
 * Whether to remind now, and the state to keep. A time newly set (or changed) starts from its next
 * occurrence. Asleep past the time, or off for days: one reminder for the latest occurrence. A last
 * reminder more than a day ahead of the clock means a clock that was (or is) wrong: one reminder, and
 * the state follows the clock again. Whatever the wall clock does, never two within MIN_GAP_MS of
 * running time.
 */
export function reminderStep(state: ReminderState, check: ReminderCheck): { show: boolean; state: ReminderState } {
  const { time, now } = check;
  if (time === null || !REMINDER_TIME.test(time)) return { show: false, state: { time: null, lastAt: state.lastAt } };
  const stamp = now.toISOString();
  if (state.time !== time) return { show: false, state: { time, lastAt: stamp } };
  if (check.sinceShownMs !== null && check.sinceShownMs < MIN_GAP_MS) return { show: false, state };
  const last = state.lastAt === null ? Number.NEGATIVE_INFINITY : Date.parse(state.lastAt);
  const clockWasWrong = Number.isFinite(last) && last > now.getTime() + DAY_MS;
  if (lastOccurrence(time, now) > last || clockWasWrong || Number.isNaN(last)) return { show: true, state: { time, lastAt: stamp } };
  return { show: false, state };
}
