import { StudyError } from './errors';
import { resolveOrThrow } from './doc-ops';
import { answerReview as nextReview } from './review';
import type { ReviewAnswer, Study, StudyDocument, StudySession, StudyTimer } from './schema';
import { interrupted, pauseTimer as pause, resumeTimer as resume, sessionOf, startTimer as start, type TimerMode } from './study-time';

/**
 * The study changes the API makes, over a document. The store saves each with a whole write (they are
 * rare: a timer starts or stops a few times an hour), and each replaces `doc.study` rather than editing
 * inside it, so a refused change is undone by putting the old one back. Each checks before it changes.
 */

function study(doc: StudyDocument): Study {
  return doc.study ?? {};
}

function setStudy(doc: StudyDocument, change: Partial<Study>): void {
  doc.study = { ...study(doc), ...change };
}

function runningTimer(doc: StudyDocument): StudyTimer {
  const timer = study(doc).timer;
  if (!timer) throw new StudyError('invalid-argument', 'No timer is running.');
  return timer;
}

function titleOf(doc: StudyDocument, ref: string): string {
  const found = resolveOrThrow(doc, ref);
  return found.kind === 'resource' ? found.resource.title : `${found.resource.title}: ${found.kind === 'part' ? found.part.title : found.link.title}`;
}

/** Adds a finished session and logs it as study activity. */
function addSession(doc: StudyDocument, session: StudySession): void {
  setStudy(doc, { sessions: [...(study(doc).sessions ?? []), session], timer: null });
  if (session.minutes > 0) doc.activity.push({ at: session.updatedAt, ref: session.ref, action: 'studied' });
}

/** Starts a timer on a resource or part; one already running is stopped first and its time kept. */
export function startTimer(doc: StudyDocument, ref: string, mode: TimerMode, at: string, sessionId: string): StudyTimer {
  resolveOrThrow(doc, ref);
  const current = study(doc).timer;
  if (current?.interrupted) {
    throw new StudyError('invalid-argument', `First say how long you studied “${titleOf(doc, current.ref)}” when Studyshelf closed.`);
  }
  if (current) addSession(doc, sessionOf(current, at));
  const settings = study(doc).settings;
  const timer = start(ref, mode, at, sessionId, { workMinutes: settings?.workMinutes, breakMinutes: settings?.breakMinutes });
  setStudy(doc, { timer });
  return timer;
}

export function pauseTimer(doc: StudyDocument, at: string): StudyTimer {
  const timer = pause(runningTimer(doc), at);
  setStudy(doc, { timer });
  return timer;
}

export function resumeTimer(doc: StudyDocument, at: string): StudyTimer {
  const current = runningTimer(doc);
  if (current.interrupted) throw new StudyError('invalid-argument', 'Say how long you studied before the timer starts again.');
  const timer = resume(current, at);
  setStudy(doc, { timer });
  return timer;
}

/** Stops the timer and keeps its session; `minutes` when the user says how long it really was. */
export function stopTimer(doc: StudyDocument, at: string, minutes?: number): StudySession {
  const timer = runningTimer(doc);
  const session = sessionOf(timer, at, minutes);
  addSession(doc, session);
  return session;
}

/** A timer found running at start was running when the app closed or crashed: it waits for the user. */
export function markInterrupted(doc: StudyDocument): boolean {
  const timer = study(doc).timer;
  if (!timer || timer.interrupted) return false;
  setStudy(doc, { timer: interrupted(timer) });
  return true;
}

/** Changes a session's minutes, or removes it (null): a removed one stays as a marker for sync. */
export function editSession(doc: StudyDocument, id: string, minutes: number | null, at: string): StudySession {
  const sessions = study(doc).sessions ?? [];
  const index = sessions.findIndex((s) => s.id === id && !s.deleted);
  if (index < 0) throw new StudyError('unknown-ref', 'That study session is no longer there.');
  const edited: StudySession = minutes === null ? { ...sessions[index]!, minutes: 0, deleted: true, updatedAt: at } : { ...sessions[index]!, minutes, updatedAt: at };
  setStudy(doc, { sessions: sessions.map((s, i) => (i === index ? edited : s)) });
  return edited;
}

/** Records a review answer; the next review moves further out or back (review.ts). */
export function answerReview(doc: StudyDocument, ref: string, answer: ReviewAnswer, recalled: string, at: string) {
  const found = resolveOrThrow(doc, ref);
  if (found.kind !== 'resource') throw new StudyError('invalid-argument', 'Reviews are of a resource, not of one of its parts.');
  const reviews = study(doc).reviews ?? {};
  const previous = Object.hasOwn(reviews, ref) ? reviews[ref] : undefined;
  const entry = nextReview(previous, answer, at, recalled);
  setStudy(doc, { reviews: { ...reviews, [ref]: entry } });
  doc.activity.push({ at, ref, action: 'reviewed' });
  return entry;
}

export interface StudySettingsChange {
  timerMode?: TimerMode;
  workMinutes?: number;
  breakMinutes?: number;
  weeklyGoalMinutes?: number;
  /** The daily reminder's time ("19:30"), or null to turn it off. */
  reminderTime?: string | null;
  /** Turns reviews on or off for one list. */
  review?: { listId: string; on: boolean };
}

export function setStudySettings(doc: StudyDocument, change: StudySettingsChange, at: string): NonNullable<Study['settings']> {
  const current = study(doc).settings;
  const next: NonNullable<Study['settings']> = { ...current, updatedAt: at };
  if (change.timerMode !== undefined) next.timerMode = change.timerMode;
  if (change.workMinutes !== undefined) next.workMinutes = change.workMinutes;
  if (change.breakMinutes !== undefined) next.breakMinutes = change.breakMinutes;
  if (change.weeklyGoalMinutes !== undefined) next.weeklyGoalMinutes = change.weeklyGoalMinutes;
  if (change.reminderTime !== undefined) next.reminderTime = change.reminderTime;
  if (change.review) {
    const { listId, on } = change.review;
    if (!doc.lists.some((l) => l.id === listId)) throw new StudyError('unknown-ref', 'That list is no longer there.');
    const off = new Set(current?.reviewOff ?? []);
    if (on) off.delete(listId);
    else off.add(listId);
    next.reviewOff = [...off];
  }
  setStudy(doc, { settings: next });
  return next;
}
