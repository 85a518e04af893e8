import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openStore } from '../../../data/storage/store';
import { channelOf } from '../../../electron/api/channels';
import { dispatch } from '../../../electron/api/dispatch';
import { createHandlers } from '../../../electron/api/handlers';
import { REMINDER_STATE_FILE, startReminders } from '../../../electron/api/reminders';
import type { StudyDocument } from '../../../data/model/schema';
import { PBTS, tempDir } from '../helpers';
import { startMain } from './start-main';

const DAY = 86_400_000;

/** A profile with PEPs done three days ago, the reminder set for 00:00, last shown three days ago. */
async function profileWithReminderDue(reminderTime: string | null = '00:00') {
  const dir = await tempDir();
  const past = new Date(Date.now() - 3 * DAY);
  const store = await openStore({ dir, now: () => past });
  const handlers = createHandlers({ store, openExternal: async () => undefined, openPath: async () => undefined });
  for (const [method, args] of [['setDone', [`${PBTS}/peps`, true]], ['setStudySettings', [{ reminderTime }]]] as const) {
    const result = await dispatch(handlers, method, [...args], () => undefined);
    expect(result.ok).toBe(true);
  }
  const doc = structuredClone(store.document()!);
  await store.close();
  await writeFile(join(dir, REMINDER_STATE_FILE), JSON.stringify({ time: reminderTime, lastAt: past.toISOString() }));
  return { dir, doc };
}

describe('the daily reminder in main, against the fake electron', () => {
  it('shows Electron’s Notification with what is due; a click focuses the window on the Review view', async () => {
    const { dir } = await profileWithReminderDue();
    const main = await startMain([`--user-data-dir=${dir}`]);
    await vi.waitFor(() => expect(main.notifications).toHaveLength(1));
    const [shown] = main.notifications;
    expect(shown!.options).toEqual({ title: 'Studyshelf', body: '1 review due' });
    expect(shown!.show).toHaveBeenCalledOnce();
    const window = main.window!;
    window.focused = false;
    shown!.emit('click');
    expect(window.focus).toHaveBeenCalled();
    expect(window.webContents.send).toHaveBeenCalledWith(channelOf('menuCommand'), { id: 'showReview' });
    // Counted as shown for today, on this computer: the next start does not remind again.
    await vi.waitFor(async () => expect(Date.now() - Date.parse(JSON.parse(await readFile(join(dir, REMINDER_STATE_FILE), 'utf8')).lastAt)).toBeLessThan(DAY));
  });
});

describe('the reminder setting through the API', () => {
  it('a time that is not a time of day is refused with a message, and the setting stays as it was', async () => {
    const store = await openStore({ dir: await tempDir() });
    const handlers = createHandlers({ store, openExternal: async () => undefined, openPath: async () => undefined });
    expect((await dispatch(handlers, 'setStudySettings', [{ reminderTime: '07:30' }], () => undefined)).ok).toBe(true);
    const refused = await dispatch(handlers, 'setStudySettings', [{ reminderTime: '25:00' }], () => undefined);
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining('Pick the reminder’s time as hours and minutes (19:30).') } });
    expect(store.document()!.study?.settings?.reminderTime).toBe('07:30');
    expect((await dispatch(handlers, 'setStudySettings', [{ reminderTime: null }], () => undefined)).ok).toBe(true);
    expect(store.document()!.study?.settings?.reminderTime).toBeNull();
    await store.close();
  });
});

describe('startReminders', () => {
  const recorder = () => vi.fn<(text: string, onClick: () => void) => void>();

  it('is off by default: a profile that never set a time is never reminded', async () => {
    const { doc } = await profileWithReminderDue(null);
    delete doc.study!.settings!.reminderTime;
    const show = recorder();
    const reminders = startReminders({ appDir: await tempDir(), everyMs: 60_000, show, document: () => doc, now: () => new Date(), onClick: () => undefined });
    await reminders.check();
    await reminders.check();
    reminders.stop();
    expect(show).not.toHaveBeenCalled();
  });

  it('says nothing when there is nothing to say, and a second look the same day shows nothing either', async () => {
    const { dir, doc } = await profileWithReminderDue();
    const empty: StudyDocument = { ...doc, progress: {} };
    const show = recorder();
    const reminders = startReminders({ appDir: dir, everyMs: 60_000, show, document: () => empty, now: () => new Date(), onClick: () => undefined });
    await reminders.check();
    expect(show).not.toHaveBeenCalled();
    // The day counted as reminded: with something due now, still nothing until the next day's time.
    const later = startReminders({ appDir: dir, everyMs: 60_000, show, document: () => doc, now: () => new Date(), onClick: () => undefined });
    await later.check();
    reminders.stop();
    later.stop();
    expect(show).not.toHaveBeenCalled();
  });
});
