import { describe, expect, it } from 'vitest';
import { startApp } from '../../../electron/api/app-core';
import { liveSessions } from '../../../data/model/study-time';
import { dueNow } from '../../../data/model/review';
import { PBTS, savedState, tempDir } from '../helpers';

const PEPS = `${PBTS}/peps`;
const T0 = Date.UTC(2026, 10, 2, 9);
const MIN = 60_000;

async function start(dir: string, clock: { t: number }) {
  return startApp({
    appDir: dir,
    env: {},
    nativeDialogs: false,
    send: () => undefined,
    openExternal: async () => undefined,
    openPath: async () => undefined,
    relaunch: () => undefined,
    store: { now: () => new Date(clock.t) },
  });
}

describe('study time through the API and the store', () => {
  it('a started timer is on disk at once; stopping keeps the session, logged as study', async () => {
    const dir = await tempDir();
    const clock = { t: T0 };
    const app = await start(dir, clock);
    await app.handlers.startTimer(PEPS, 'stopwatch');
    // Durable as soon as it starts: what the next start would read already holds it.
    expect((await savedState(dir)).study?.timer).toMatchObject({ ref: PEPS, mode: 'stopwatch', startedAt: new Date(T0).toISOString() });
    clock.t += 20 * MIN;
    await app.handlers.pauseTimer();
    clock.t += 60 * MIN;
    await app.handlers.resumeTimer();
    clock.t += 5 * MIN;
    const state = await app.handlers.stopTimer(undefined);
    expect(state.document!.study?.timer).toBeNull();
    expect(liveSessions(state.document!)).toMatchObject([{ ref: PEPS, minutes: 25 }]);
    expect(state.document!.activity.at(-1)).toMatchObject({ ref: PEPS, action: 'studied' });
    await app.close();
    expect(liveSessions(await savedState(dir))).toMatchObject([{ ref: PEPS, minutes: 25 }]);
  });

  it('a timer running when the app closed is found interrupted at the next start; the user’s minutes are kept', async () => {
    const dir = await tempDir();
    const clock = { t: T0 };
    const first = await start(dir, clock);
    await first.handlers.startTimer(PEPS, 'pomodoro');
    await first.close();
    clock.t += 8 * 60 * MIN;
    const again = await start(dir, clock);
    const timer = (await again.handlers.getState()).document!.study!.timer!;
    expect(timer).toMatchObject({ ref: PEPS, interrupted: true, runningSince: null });
    // It waits for an answer: no new timer, no resuming, until the user says how long it was.
    await expect(again.handlers.startTimer(`${PBTS}/python-documentation`, 'stopwatch')).rejects.toThrow(/how long you studied “PEPs”/);
    await expect(again.handlers.resumeTimer()).rejects.toThrow(/how long/);
    const state = await again.handlers.stopTimer(40);
    expect(liveSessions(state.document!)).toMatchObject([{ ref: PEPS, minutes: 40 }]);
    await again.close();
  });

  it('sessions can be corrected and removed; bad minutes are refused with a sentence and change nothing', async () => {
    const dir = await tempDir();
    const clock = { t: T0 };
    const app = await start(dir, clock);
    await app.handlers.startTimer(PEPS, 'stopwatch');
    clock.t += 10 * MIN;
    const id = liveSessions((await app.handlers.stopTimer(undefined)).document!)[0]!.id;
    expect(liveSessions((await app.handlers.editSession(id, 45)).document!)[0]!.minutes).toBe(45);
    await expect(app.handlers.editSession('s-nothing', 5)).rejects.toThrow('That study session is no longer there.');
    const removed = await app.handlers.editSession(id, null);
    expect(liveSessions(removed.document!)).toEqual([]);
    // Kept as a marker, so a sync merge does not bring it back.
    expect(removed.document!.study!.sessions).toMatchObject([{ id, deleted: true }]);
    await app.close();
  });

  it('marking done puts a resource in the review queue a day later; an answer moves it and counts as activity', async () => {
    const dir = await tempDir();
    const clock = { t: T0 };
    const app = await start(dir, clock);
    await app.handlers.setDone(PEPS, true);
    clock.t += 86_400_000;
    const doc = (await app.handlers.getState()).document!;
    expect(dueNow(doc, new Date(clock.t).toISOString()).map((r) => r.ref)).toEqual([PEPS]);
    const after = (await app.handlers.answerReview(PEPS, 'remembered', 'PEP 8 is the style guide')).document!;
    expect(dueNow(after, new Date(clock.t).toISOString())).toEqual([]);
    expect(after.study!.reviews![PEPS]).toMatchObject({ step: 1, answer: 'remembered', recalled: 'PEP 8 is the style guide' });
    expect(after.activity.at(-1)).toMatchObject({ ref: PEPS, action: 'reviewed' });
    const off = (await app.handlers.setStudySettings({ review: { listId: PBTS, on: false } })).document!;
    clock.t += 100 * 86_400_000;
    expect(dueNow(off, new Date(clock.t).toISOString())).toEqual([]);
    await app.close();
    expect((await savedState(dir)).study!.reviews![PEPS]!.step).toBe(1);
  });
});
