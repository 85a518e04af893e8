import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StudySession } from '../../../data/model/schema';
import {
  elapsedMs,
  estimateFactor,
  formatClock,
  formatMinutes,
  goalStreak,
  interrupted,
  minutesLeft,
  pauseTimer,
  pomodoroPhase,
  resumeTimer,
  sessionOf,
  startTimer,
  studiedMs,
  weeklyMinutes,
} from '../../../data/model/study-time';

const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

describe('the focus timer, as a state machine', () => {
  it('a stopwatch counts the time it runs, not the time it is paused', () => {
    let timer = startTimer('l/r', 'stopwatch', at(0), 's-1');
    expect(elapsedMs(timer, at(10))).toBe(10 * 60_000);
    timer = pauseTimer(timer, at(10));
    expect(elapsedMs(timer, at(50))).toBe(10 * 60_000); // paused: the clock does not move
    timer = resumeTimer(timer, at(50));
    expect(elapsedMs(timer, at(55))).toBe(15 * 60_000);
    expect(sessionOf(timer, at(55))).toEqual({ id: 's-1', ref: 'l/r', startedAt: at(0), minutes: 15, updatedAt: at(55) });
  });

  it('pausing twice or resuming a running timer changes nothing', () => {
    const timer = startTimer('l/r', 'stopwatch', at(0), 's-1');
    expect(resumeTimer(timer, at(5))).toBe(timer);
    const paused = pauseTimer(timer, at(5));
    expect(pauseTimer(paused, at(9))).toBe(paused);
  });

  it('a clock that goes backwards counts as no time, never as negative time', () => {
    const timer = startTimer('l/r', 'stopwatch', at(10), 's-1');
    expect(elapsedMs(timer, at(5))).toBe(0);
  });

  it('Pomodoro: 25 minutes of work, 5 of break, again; only the work counts as study', () => {
    const timer = startTimer('l/r', 'pomodoro', at(0), 's-1');
    expect(pomodoroPhase(timer, at(0))).toEqual({ phase: 'work', round: 1, remainingMs: 25 * 60_000 });
    expect(pomodoroPhase(timer, at(24))).toMatchObject({ phase: 'work', round: 1, remainingMs: 60_000 });
    expect(pomodoroPhase(timer, at(25))).toMatchObject({ phase: 'break', round: 1, remainingMs: 5 * 60_000 });
    expect(pomodoroPhase(timer, at(30))).toMatchObject({ phase: 'work', round: 2 });
    expect(studiedMs(timer, at(28))).toBe(25 * 60_000); // in the break: the break does not count
    expect(sessionOf(timer, at(40)).minutes).toBe(35);
  });

  it('Pomodoro lengths come from the settings', () => {
    const timer = startTimer('l/r', 'pomodoro', at(0), 's-1', { workMinutes: 50, breakMinutes: 10 });
    expect(pomodoroPhase(timer, at(49))).toMatchObject({ phase: 'work' });
    expect(pomodoroPhase(timer, at(55))).toMatchObject({ phase: 'break', remainingMs: 5 * 60_000 });
  });

  it('Pomodoro study time never exceeds the time run, and grows with it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 200 }), (work, brk, m, more) => {
        const timer = startTimer('l/r', 'pomodoro', at(0), 's', { workMinutes: work, breakMinutes: brk });
        expect(studiedMs(timer, at(m))).toBeLessThanOrEqual(elapsedMs(timer, at(m)));
        expect(studiedMs(timer, at(m + more))).toBeGreaterThanOrEqual(studiedMs(timer, at(m)));
      }),
    );
  });

  it('crash recovery: a timer found running at start stops counting and waits for the user’s minutes', () => {
    const timer = startTimer('l/r', 'stopwatch', at(0), 's-1');
    const found = interrupted(timer);
    expect(found.interrupted).toBe(true);
    // Hours later, the app was closed all that time: nothing more is counted by itself.
    expect(elapsedMs(found, at(600))).toBe(0);
    expect(sessionOf(found, at(600), 40)).toMatchObject({ id: 's-1', startedAt: at(0), minutes: 40 });
    expect(interrupted(found)).toBe(found);
  });

  it('a session is at most a day, even for a timer left running over a weekend', () => {
    const timer = startTimer('l/r', 'stopwatch', at(0), 's-1');
    expect(sessionOf(timer, at(3 * 24 * 60)).minutes).toBe(24 * 60);
  });
});

describe('time spent, shown', () => {
  it('sums minutes per week, the weeks starting on Monday', () => {
    const today = new Date(2026, 10, 4, 12); // Wednesday 4 Nov 2026, local time
    const session = (day: Date, minutes: number): StudySession => ({ id: `s-${day.getTime()}`, ref: 'l/r', startedAt: day.toISOString(), minutes, updatedAt: day.toISOString() });
    const weeks = weeklyMinutes([session(new Date(2026, 10, 2, 8), 30), session(new Date(2026, 10, 4, 8), 15), session(new Date(2026, 10, 1, 20), 50), session(new Date(2025, 1, 1), 99)], today, 3);
    expect(weeks.map((w) => w.minutes)).toEqual([0, 50, 45]);
    expect(weeks[2]!.week).toBe('2026-11-02');
  });

  it('formats minutes and a running clock in plain words and digits', () => {
    expect(formatMinutes(25)).toBe('25 min');
    expect(formatMinutes(65)).toBe('1 h 05 min');
    expect(formatMinutes(120)).toBe('2 h');
    expect(formatClock(65_000)).toBe('1:05');
    expect(formatClock(3_725_000)).toBe('1:02:05');
  });
});

describe('the weekly goal', () => {
  it('counts the weeks in a row the goal was met; this week counts once met, and does not break the streak before', () => {
    const weeks = (...m: number[]) => m.map((minutes) => ({ minutes }));
    expect(goalStreak(weeks(300, 100, 300, 320, 0), 300)).toBe(2);
    expect(goalStreak(weeks(300, 100, 300, 320, 310), 300)).toBe(3);
    expect(goalStreak(weeks(300, 300, 100), 300)).toBe(2);
    expect(goalStreak(weeks(300, 300), 0)).toBe(0);
  });
});

describe('the estimate correction', () => {
  it('is 1 with nothing to compare, and the ratio of actual to estimated time otherwise', () => {
    expect(estimateFactor([])).toBe(1);
    expect(estimateFactor([{ estimateMinutes: 60, actualMinutes: 90 }, { estimateMinutes: 40, actualMinutes: 60 }])).toBe(1.5);
    expect(minutesLeft([60, 30], 1.5)).toBe(135);
  });

  it('ignores resources without an estimate or without time, and stays within 1/4 and 4', () => {
    expect(estimateFactor([{ estimateMinutes: 0, actualMinutes: 90 }, { estimateMinutes: 30, actualMinutes: 0 }])).toBe(1);
    expect(estimateFactor([{ estimateMinutes: 10, actualMinutes: 1000 }])).toBe(4);
    expect(estimateFactor([{ estimateMinutes: 1000, actualMinutes: 1 }])).toBe(0.25);
  });
});
