import type { StudyDocument, StudySession, StudyTimer } from './schema';

/**
 * The focus timer and the time spent, as pure functions over plain data (no clock: every function is
 * given the time). The window imports them to show a running timer; main's store applies them, so the
 * running timer is in the data file — durable from the moment it starts, and still there after a crash.
 */

export const DEFAULT_WORK_MINUTES = 25;
export const DEFAULT_BREAK_MINUTES = 5;
/** One session is at most a day: a timer left running over a weekend is not 60 hours of study. */
export const MAX_SESSION_MINUTES = 24 * 60;

export type TimerMode = StudyTimer['mode'];

const ms = (iso: string) => Date.parse(iso);

export function startTimer(ref: string, mode: TimerMode, at: string, sessionId: string, config: { workMinutes?: number; breakMinutes?: number } = {}): StudyTimer {
  return {
    ref,
    sessionId,
    mode,
    startedAt: at,
    runningSince: at,
    elapsedMs: 0,
    workMinutes: config.workMinutes ?? DEFAULT_WORK_MINUTES,
    breakMinutes: config.breakMinutes ?? DEFAULT_BREAK_MINUTES,
  };
}

/** Wall time the timer has run (pauses left out). A clock that went backwards counts as no time. */
export function elapsedMs(timer: StudyTimer, at: string): number {
  const running = timer.runningSince === null ? 0 : Math.max(0, ms(at) - ms(timer.runningSince));
  return timer.elapsedMs + running;
}

export function pauseTimer(timer: StudyTimer, at: string): StudyTimer {
  if (timer.runningSince === null) return timer;
  return { ...timer, elapsedMs: elapsedMs(timer, at), runningSince: null };
}

export function resumeTimer(timer: StudyTimer, at: string): StudyTimer {
  if (timer.runningSince !== null) return timer;
  return { ...timer, runningSince: at };
}

export interface PomodoroPhase {
  phase: 'work' | 'break';
  /** 1 for the first work period, 2 for the second, … */
  round: number;
  /** Until the phase ends. */
  remainingMs: number;
}

/** Where a Pomodoro timer is: work and break periods follow each other while it runs. */
export function pomodoroPhase(timer: StudyTimer, at: string): PomodoroPhase {
  const work = timer.workMinutes * 60_000;
  const cycle = work + timer.breakMinutes * 60_000;
  const elapsed = elapsedMs(timer, at);
  const position = elapsed % cycle;
  const round = Math.floor(elapsed / cycle) + 1;
  return position < work ? { phase: 'work', round, remainingMs: work - position } : { phase: 'break', round, remainingMs: cycle - position };
}

/** The study time a timer has counted: all of a stopwatch's, a Pomodoro's work periods only. */
export function studiedMs(timer: StudyTimer, at: string): number {
  const elapsed = elapsedMs(timer, at);
  if (timer.mode === 'stopwatch') return elapsed;
  const work = timer.workMinutes * 60_000;
  const cycle = work + timer.breakMinutes * 60_000;
  return Math.floor(elapsed / cycle) * work + Math.min(elapsed % cycle, work);
}

export function minutesOf(msCount: number): number {
  return Math.min(MAX_SESSION_MINUTES, Math.round(msCount / 60_000));
}

/** The session a stopped timer leaves; `minutes` when the user said how long it really was (after a crash). */
export function sessionOf(timer: StudyTimer, at: string, minutes?: number): StudySession {
  return {
    id: timer.sessionId,
    ref: timer.ref,
    startedAt: timer.startedAt,
    minutes: minutes ?? minutesOf(studiedMs(timer, at)),
    updatedAt: at,
  };
}

/** A timer found running when the app starts was running when it last closed or crashed: the user is asked. */
export function interrupted(timer: StudyTimer): StudyTimer {
  return timer.interrupted ? timer : { ...pauseTimerAtStart(timer), interrupted: true };
}

/** What it had counted until its last saved moment is unknown; it stops counting, the user says how long. */
function pauseTimerAtStart(timer: StudyTimer): StudyTimer {
  return { ...timer, runningSince: null };
}

/** Sessions not deleted. */
export function liveSessions(doc: Pick<StudyDocument, 'study'>): StudySession[] {
  return (doc.study?.sessions ?? []).filter((s) => !s.deleted);
}

/** Minutes studied per resource ref (a part's sessions count for its resource too). */
export function minutesByResource(sessions: readonly StudySession[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of sessions) {
    const key = s.ref.split('/').slice(0, 2).join('/');
    out.set(key, (out.get(key) ?? 0) + s.minutes);
  }
  return out;
}

export function minutesByList(sessions: readonly StudySession[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of sessions) {
    const key = s.ref.split('/')[0]!;
    out.set(key, (out.get(key) ?? 0) + s.minutes);
  }
  return out;
}

/** The Monday (local time) starting the week a moment is in, as YYYY-MM-DD. */
export function weekStart(date: Date): string {
  const d = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Minutes per week for the `weeks` weeks up to the one `today` is in, oldest first. */
export function weeklyMinutes(sessions: readonly StudySession[], today: Date, weeks: number): Array<{ week: string; minutes: number }> {
  const starts: string[] = [];
  for (let i = weeks - 1; i >= 0; i--) starts.push(weekStart(new Date(today.getFullYear(), today.getMonth(), today.getDate() - 7 * i)));
  const totals = new Map(starts.map((w) => [w, 0]));
  for (const s of sessions) {
    const week = weekStart(new Date(s.startedAt));
    if (totals.has(week)) totals.set(week, totals.get(week)! + s.minutes);
  }
  return starts.map((week) => ({ week, minutes: totals.get(week)! }));
}

/**
 * Weeks in a row the goal was met, counted back from this week (this week counts once it is met; until
 * then the streak runs up to last week). `weeks` oldest first, as weeklyMinutes gives them.
 */
export function goalStreak(weeks: ReadonlyArray<{ minutes: number }>, goalMinutes: number): number {
  if (goalMinutes <= 0) return 0;
  let streak = 0;
  for (let i = weeks.length - 1; i >= 0; i--) {
    if (weeks[i]!.minutes >= goalMinutes) streak++;
    else if (i < weeks.length - 1) break;
  }
  return streak;
}

/** "1 h 05 min", "25 min": time as the window shows it. */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')} min`;
}

/** "12:05" or "1:02:05" for a running timer. */
export function formatClock(msCount: number): string {
  const total = Math.floor(Math.max(0, msCount) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/**
 * The estimate correction: how long the user's finished work really took against its estimates (1 when
 * there is nothing to compare yet), bounded so one odd resource cannot make the forecast absurd.
 */
export function estimateFactor(pairs: ReadonlyArray<{ estimateMinutes: number; actualMinutes: number }>): number {
  const usable = pairs.filter((p) => p.estimateMinutes > 0 && p.actualMinutes > 0);
  if (usable.length === 0) return 1;
  const estimated = usable.reduce((sum, p) => sum + p.estimateMinutes, 0);
  const actual = usable.reduce((sum, p) => sum + p.actualMinutes, 0);
  return Math.min(4, Math.max(0.25, actual / estimated));
}

/** Minutes left in a list: the estimates of what is not done, corrected by the factor. */
export function minutesLeft(estimatesNotDone: readonly number[], factor: number): number {
  return Math.round(estimatesNotDone.reduce((sum, e) => sum + e, 0) * factor);
}
