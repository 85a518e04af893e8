import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { AppState } from '../../electron/api/contract';
import type { ReviewAnswer, StudyDocument, StudyTimer } from '../../data/model/schema';
import { formatClock, minutesByResource, pomodoroPhase, studiedMs } from '../../data/model/study-time';
import { api } from '../api';

type Replace = (result: { ok: true; value: AppState } | { ok: false; error: { message: string } }, success: string) => boolean;

/** Stable between a timer's ticks: the cards use it, and must not re-render every second. */
export interface StudyTime {
  /** What the timer runs on, if one does. */
  timerRef: string | null;
  /** Minutes studied per resource ref. */
  spent: ReadonlyMap<string, number>;
  start: (ref: string, title: string) => Promise<boolean>;
  pause: () => Promise<boolean>;
  resume: () => Promise<boolean>;
  stop: (minutes?: number) => Promise<boolean>;
  editSession: (id: string, minutes: number | null) => Promise<boolean>;
  answer: (ref: string, title: string, answer: ReviewAnswer, recalled: string) => Promise<boolean>;
  setSettings: (change: Parameters<ReturnType<typeof api>['setStudySettings']>[0]) => Promise<boolean>;
}

/** A clock that ticks once a second while `running` (or every `slowMs` otherwise, if given): for what the window shows. */
export function useNow(running: boolean, slowMs?: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = () => setNow(Date.now());
    // At once when it starts or stops running (a timer resumed after an hour shows the right time).
    const first = setTimeout(tick, 0);
    const every = running ? 1000 : slowMs;
    const id = every ? setInterval(tick, every) : undefined;
    return () => {
      clearTimeout(first);
      clearInterval(id);
    };
  }, [running, slowMs]);
  return now;
}

/** The timer as the window title and the sidebar show it: "12:05" or "Break 3:10". */
export function timerText(timer: StudyTimer, now: number): string {
  const at = new Date(now).toISOString();
  if (timer.mode === 'pomodoro') {
    const phase = pomodoroPhase(timer, at);
    return `${phase.phase === 'work' ? 'Focus' : 'Break'} ${formatClock(phase.remainingMs)} left`;
  }
  return formatClock(studiedMs(timer, at));
}

export function useStudyTime(document: StudyDocument | null | undefined, replaceState: Replace): StudyTime {
  const timerRef = document?.study?.timer?.ref ?? null;
  const sessions = document?.study?.sessions;
  const spent = useMemo(() => minutesByResource((sessions ?? []).filter((x) => !x.deleted)), [sessions]);
  const mode = document?.study?.settings?.timerMode ?? 'stopwatch';
  const start = useCallback(
    async (ref: string, title: string) => replaceState(await api().startTimer(ref, mode), `Timer started on “${title}”.`),
    [mode, replaceState],
  );
  const pause = useCallback(async () => replaceState(await api().pauseTimer(), ''), [replaceState]);
  const resume = useCallback(async () => replaceState(await api().resumeTimer(), ''), [replaceState]);
  const stop = useCallback(async (minutes?: number) => replaceState(await api().stopTimer(minutes), 'Timer stopped; the session is saved.'), [replaceState]);
  const editSession = useCallback(
    async (id: string, minutes: number | null) => replaceState(await api().editSession(id, minutes), minutes === null ? 'Session removed.' : 'Session changed.'),
    [replaceState],
  );
  const answer = useCallback(
    async (ref: string, title: string, value: ReviewAnswer, recalled: string) =>
      replaceState(await api().answerReview(ref, value, recalled), value === 'forgot' ? `“${title}” comes back tomorrow.` : `Reviewed “${title}”.`),
    [replaceState],
  );
  const setSettings = useCallback<StudyTime['setSettings']>(async (change) => replaceState(await api().setStudySettings(change), 'Saved.'), [replaceState]);
  return useMemo(() => ({ timerRef, spent, start, pause, resume, stop, editSession, answer, setSettings }), [timerRef, spent, start, pause, resume, stop, editSession, answer, setSettings]);
}

export const StudyTimeContext = createContext<StudyTime | null>(null);

export function useStudyTimeContext(): StudyTime | null {
  return useContext(StudyTimeContext);
}

/** Keeps the window title saying what the timer runs on and its time, once a second while it runs. */
export function TimerTitle({ base, timer, title }: { base: string; timer: StudyTimer | null | undefined; title: string }) {
  const now = useNow(!!timer && timer.runningSince !== null && !timer.interrupted);
  useEffect(() => {
    document.title = timer && !timer.interrupted ? `${timerText(timer, now)} · ${title} — ${base}` : base;
  }, [base, timer, title, now]);
  return null;
}
