import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_GAP_MS, reminderStep, reminderText, reminderTextOf, type ReminderState } from '../../../data/reminder';
import type { StudyDocument } from '../../../data/model/schema';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Local time, as the user picks the reminder's time. */
const local = (day: number, h: number, m = 0) => new Date(2026, 11, day, h, m);

/** Main's loop, as a test drives it: each check at a wall-clock time, with the app's running time. */
function run(time: string | null, checks: Array<{ wall: Date; mono: number }>, start: ReminderState = { time, lastAt: null }) {
  let state = start;
  let shownMono: number | null = null;
  const shown: Date[] = [];
  for (const { wall, mono } of checks) {
    const step = reminderStep(state, { time, now: wall, sinceShownMs: shownMono === null ? null : mono - shownMono });
    state = step.state;
    if (step.show) {
      shown.push(wall);
      shownMono = mono;
    }
  }
  return { shown, state };
}

/** Checks every `everyMin` minutes of running time, the wall clock moving along with it from `from`. */
const minutes = (from: Date, count: number, everyMin = 1) => Array.from({ length: count }, (_, i) => ({ wall: new Date(from.getTime() + i * everyMin * MIN), mono: i * everyMin * MIN }));

describe('the reminder’s text', () => {
  it('says what is due and what is left of the week’s goal, with plurals from Intl.PluralRules', () => {
    expect(reminderText(2, 40)).toBe('2 reviews due, 40 min left on this week’s goal');
    expect(reminderText(1, 0)).toBe('1 review due');
    expect(reminderText(0, 90)).toBe('1 h 30 min left on this week’s goal');
  });

  it('is nothing when there is nothing to say', () => {
    expect(reminderText(0, 0)).toBeNull();
  });

  it('is read from the document: due reviews, and the goal less this week’s study', () => {
    const now = local(9, 19);
    const doc: StudyDocument = {
      schemaVersion: 2,
      lists: [{ id: 'l', title: 'L', author: null, description: '', source: null, bundledVersion: null, customized: false, resources: ['a', 'b'].map((id) => ({ id, title: id, url: null, author: null, kind: 'link', description: '', group: null, addedAt: null, links: [], parts: [], formerUrls: [], tags: [] })) }],
      progress: {
        'l/a': { status: 'done', startedAt: null, doneAt: new Date(now.getTime() - 2 * DAY).toISOString(), updatedAt: new Date(now.getTime() - 2 * DAY).toISOString() },
        'l/b': { status: 'done', startedAt: null, doneAt: new Date(now.getTime() - 3 * DAY).toISOString(), updatedAt: new Date(now.getTime() - 3 * DAY).toISOString() },
      },
      notes: {},
      activity: [],
      study: { sessions: [{ id: 's', ref: 'l/a', startedAt: new Date(now.getTime() - HOUR).toISOString(), minutes: 20, updatedAt: now.toISOString() }], settings: { weeklyGoalMinutes: 60, updatedAt: now.toISOString() } },
    } as StudyDocument;
    expect(reminderTextOf(doc, now)).toBe('2 reviews due, 40 min left on this week’s goal');
    doc.study!.settings!.weeklyGoalMinutes = 20;
    doc.progress = {};
    expect(reminderTextOf(doc, now)).toBeNull();
  });
});

describe('when to remind (the clock seam)', () => {
  it('off: never', () => {
    expect(run(null, minutes(local(2, 18), 3 * 24 * 60, 1)).shown).toEqual([]);
  });

  it('once a day at the time picked; a time newly set starts with its next occurrence', () => {
    // Set at 20:00 for 19:00: not tonight, then each evening at 19:00.
    const { shown } = run('19:00', minutes(local(2, 20), 3 * 24 * 60), { time: null, lastAt: null });
    expect(shown).toEqual([local(3, 19), local(4, 19), local(5, 19)]);
  });

  it('asleep past the time, for days: one reminder on waking, never a burst', () => {
    const state: ReminderState = { time: '19:00', lastAt: local(2, 19).toISOString() };
    // Asleep from 22:00 on the 2nd to 08:00 on the 6th: the app's running time barely moved.
    const checks = [{ wall: local(2, 22), mono: 0 }, ...minutes(local(6, 8), 60).map((c) => ({ wall: c.wall, mono: MIN + c.mono }))];
    expect(run('19:00', checks, state).shown).toEqual([local(6, 8)]);
  });

  it('the clock jumps back after a reminder: none again for the same evening', () => {
    const state: ReminderState = { time: '19:00', lastAt: local(2, 19).toISOString() };
    const { shown } = run('19:00', [
      { wall: local(2, 19, 1), mono: 0 },
      { wall: local(2, 17), mono: MIN }, // set back two hours
      ...minutes(local(2, 17, 1), 4 * 60).map((c) => ({ wall: c.wall, mono: 2 * MIN + c.mono })),
    ], state);
    expect(shown).toEqual([]);
  });

  it('a clock that was wrong (a year ahead) when it reminded: once when it is put right, then daily again', () => {
    const state: ReminderState = { time: '19:00', lastAt: new Date(2027, 11, 2, 19).toISOString() };
    const { shown } = run('19:00', minutes(local(2, 20), 2 * 24 * 60), state);
    expect(shown).toEqual([local(2, 20), local(3, 19), local(4, 19)]);
  });

  it('a clock swinging back and forth between two dates: at most one reminder per 12 hours of running time', () => {
    const wrong = new Date(2029, 0, 1, 12).getTime();
    const checks = Array.from({ length: 24 * 60 }, (_, i) => ({ wall: new Date(i % 2 === 0 ? local(2, 20).getTime() + i * MIN : wrong + i * MIN), mono: i * MIN }));
    expect(run('19:00', checks, { time: '19:00', lastAt: local(1, 19).toISOString() }).shown).toHaveLength(2);
  });

  it('property: whatever the wall clock does, two reminders are never closer than 12 hours of running time', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ jump: fc.integer({ min: -30 * DAY, max: 30 * DAY }), wait: fc.integer({ min: 1, max: 3 * HOUR }) }), { maxLength: 200 }),
        fc.constantFrom('00:00', '07:30', '19:00', '23:59'),
        (moves, time) => {
          let wall = local(2, 12).getTime();
          let mono = 0;
          const checks = moves.map(({ jump, wait }) => {
            wall += jump;
            mono += wait;
            return { wall: new Date(wall), mono };
          });
          let state: ReminderState = { time, lastAt: null };
          let last: number | null = null;
          for (const c of checks) {
            const step = reminderStep(state, { time, now: c.wall, sinceShownMs: last === null ? null : c.mono - last });
            state = step.state;
            if (step.show) {
              if (last !== null && c.mono - last < MIN_GAP_MS) return false;
              last = c.mono;
            }
          }
          return true;
        },
      ),
    );
  });
});
