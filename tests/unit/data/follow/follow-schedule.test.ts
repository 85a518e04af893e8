import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLOCK_SLACK_MS, FOLLOW_SCHEDULE_FILE_NAME, FollowSchedule, followCheckDue } from '../../../../data/follow/follow-schedule';
import { WEEK_MS } from '../../../../data/links/link-checks';
import type { TestServer } from '../../../support/link-servers';
import { readJson, removeTempDirs, tempDir } from '../../helpers';
import { followerOver, servePage } from './pages';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await removeTempDirs();
});

const T0 = new Date('2026-03-01T10:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('when the weekly check of followed lists is due (pure, with a clock)', () => {
  const on = (lastAutoRun: string | null) => ({ autoCheck: true, lastAutoRun });
  it('never before the user turns it on, never offline, at once the first time', () => {
    expect(followCheckDue({ autoCheck: false, lastAutoRun: null }, T0, true)).toBe(false);
    expect(followCheckDue(on(null), T0, false)).toBe(false);
    expect(followCheckDue(on(null), T0, true)).toBe(true);
  });
  it('a week after the last one, and a month asleep is due (once: the run is recorded)', () => {
    expect(followCheckDue(on(T0.toISOString()), at(6 * DAY), true)).toBe(false);
    expect(followCheckDue(on(T0.toISOString()), at(WEEK_MS), true)).toBe(true);
    expect(followCheckDue(on(T0.toISOString()), at(30 * DAY), true)).toBe(true);
    expect(followCheckDue(on(at(30 * DAY).toISOString()), at(30 * DAY + 1000), true)).toBe(false);
  });
  it('a last run in the future (a wrong clock, a clock that jumped back): due once rather than for years never; a small step back is waited out', () => {
    expect(followCheckDue(on(at(365 * DAY).toISOString()), T0, true)).toBe(true);
    expect(followCheckDue(on(at(CLOCK_SLACK_MS + 1000).toISOString()), T0, true)).toBe(true);
    expect(followCheckDue(on(at(60 * 60 * 1000).toISOString()), T0, true)).toBe(false);
    expect(followCheckDue(on('not a date'), T0, true)).toBe(true);
  });
});

const MD = `# Things\n\n- [Alpha guide](https://example.com/alpha)\n- [Beta book](https://example.com/beta)\n`;

async function setUp() {
  const { server, set } = await servePage(servers, 'text/markdown', MD);
  let now = T0;
  let online = true;
  const app = followerOver('things.md', MD, { now: () => now, run: { isOnline: () => online } });
  await app.follower.follow(app.listId, `${server.origin}/things.md`);
  const dir = await tempDir();
  const schedule = () => new FollowSchedule({ path: join(dir, FOLLOW_SCHEDULE_FILE_NAME), checkAll: () => app.follower.checkAll(), now: () => now, isOnline: () => online });
  return { app, server, set, dir, schedule, clock: (d: Date) => (now = d), network: (up: boolean) => (online = up) };
}

describe('the weekly check of followed lists, against a page on loopback', () => {
  it('nothing is contacted before the user turns it on; then one check a week, and the header says the author changed the list', async () => {
    const t = await setUp();
    const schedule = t.schedule();
    await schedule.load();
    expect(await schedule.tick()).toBe(false);
    expect(t.server.requests).toHaveLength(0);

    await schedule.setAutoCheck(true);
    expect(await schedule.tick()).toBe(true);
    expect(t.server.requests).toHaveLength(1);
    expect(await schedule.tick()).toBe(false);
    expect(t.server.requests).toHaveLength(1);

    t.set(MD + '- [Gamma talk](https://example.com/gamma)\n');
    t.clock(at(3 * DAY));
    expect(await schedule.tick()).toBe(false);
    // Asleep for a month: the timer fires several times on waking; one check, not a burst.
    t.clock(at(33 * DAY));
    expect(await Promise.all([schedule.tick(), schedule.tick(), schedule.tick()])).toEqual([true, false, false]);
    expect(t.server.requests).toHaveLength(2);
    const state = t.app.follower.states()[t.app.listId]!;
    expect(state.message).toBe('The author changed this list: 1 change to review.');
    expect(state.review!.changes.map((c) => c.words)).toEqual(['Added “Gamma talk” after “Beta book”.']);
    expect(await readJson(join(t.dir, FOLLOW_SCHEDULE_FILE_NAME))).toEqual({ version: 1, autoCheck: true, lastAutoRun: at(33 * DAY).toISOString() });

    // A week later the changes still wait for review: the review the user may have open is left as it is.
    t.set(MD);
    t.clock(at(41 * DAY));
    expect(await schedule.tick()).toBe(true);
    expect(t.server.requests).toHaveLength(2);
    expect(t.app.follower.states()[t.app.listId]!.review!.changes).toHaveLength(1);
  });

  it('offline nothing is tried and the week is not used up; the clock going back a year gives one check, not none', async () => {
    const t = await setUp();
    const schedule = t.schedule();
    await schedule.setAutoCheck(true);
    t.network(false);
    expect(await schedule.tick()).toBe(false);
    expect(t.server.requests).toHaveLength(0);
    expect(schedule.settings().lastAutoRun).toBeNull();
    t.network(true);
    expect(await schedule.tick()).toBe(true);
    expect(t.server.requests).toHaveLength(1);

    t.clock(at(-365 * DAY));
    expect(await schedule.tick()).toBe(true);
    expect(await schedule.tick()).toBe(false);
    expect(t.server.requests).toHaveLength(2);
  });

  it('the setting is this computer’s, kept across restarts; a damaged file reads as off', async () => {
    const t = await setUp();
    await t.schedule().setAutoCheck(true);
    const again = t.schedule();
    expect((await again.load()).autoCheck).toBe(true);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(t.dir, FOLLOW_SCHEDULE_FILE_NAME), '{"version":1,"autoCheck":"yes"');
    const damaged = t.schedule();
    expect((await damaged.load()).autoCheck).toBe(false);
    expect(await damaged.tick()).toBe(false);
    expect(t.server.requests).toHaveLength(0);
  });
});
