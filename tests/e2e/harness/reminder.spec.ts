import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REMINDER_STATE_FILE } from '../../../electron/api/reminders';
import { axeViolations } from '../axe';
import { expect, test } from '../fixtures';
import { ListPage } from '../pages/list-page';
import { testClock } from '../test-clock';

const P = 'python-behind-the-scenes-resources';
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const hhmm = (t: number) => {
  const d = new Date(t);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

test('a daily reminder: off by default, set in the Review view; at its time it says what is due; a click shows the Review view', async ({ launch, readDataFile, userDataDir }) => {
  const clock = testClock();
  const shown: Array<{ text: string; onClick: () => void }> = [];
  const app = await launch({ store: clock.store, reminders: { everyMs: 100, show: (text, onClick) => void shown.push({ text, onClick }) } });
  const { page } = app;
  await page.clock.setFixedTime(clock.now);
  await new ListPage(page).checkbox('PEPs').check();
  // The tick is on screen at once; the clock moves once main has stamped it (its review is due from then).
  await expect.poll(async () => (await readDataFile()).progress?.[`${P}/peps`]?.status).toBe('done');
  await clock.move(page, DAY + MIN);
  await page.getByRole('button', { name: /^Review/ }).click();
  const remind = page.getByRole('checkbox', { name: 'Remind me each day at' });
  const time = page.getByLabel('Reminder time');
  await expect(remind).not.toBeChecked();

  // No time picked: a clear message, nothing saved.
  await time.fill('');
  await remind.click();
  await expect(page.getByRole('alert').filter({ hasText: 'Pick the time of day for the reminder.' })).toBeVisible();
  await expect(remind).not.toBeChecked();
  expect((await readDataFile()).study?.settings?.reminderTime ?? null).toBeNull();

  // An hour from now: not at once (a time newly set starts with its next occurrence), then at its time.
  const at = hhmm(clock.now + HOUR);
  await time.fill(at);
  await remind.click();
  await expect(remind).toBeChecked();
  await expect.poll(async () => (await readDataFile()).study?.settings?.reminderTime).toBe(at);
  await expect.poll(async () => JSON.parse(await readFile(join(userDataDir, REMINDER_STATE_FILE), 'utf8').catch(() => '{}')).time).toBe(at);
  expect(shown).toEqual([]);
  await clock.move(page, HOUR + MIN);
  await expect.poll(() => shown.map((s) => s.text)).toEqual(['1 review due']);

  await page.getByRole('button', { name: /^Python behind the scenes: a list/ }).click();
  await expect(page.getByRole('heading', { name: 'Review', level: 1 })).toHaveCount(0);
  shown[0]!.onClick();
  await expect(page.getByRole('heading', { name: 'Review', level: 1 })).toBeVisible();

  await remind.click();
  await expect(remind).not.toBeChecked();
  await expect.poll(async () => (await readDataFile()).study?.settings?.reminderTime).toBeNull();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no accessibility violations (axe) in the reminder setting, its message shown — ${colorScheme} theme`, async ({ launch }) => {
    const { page } = await launch({ colorScheme });
    await page.getByRole('button', { name: /^Review/ }).click();
    await page.getByLabel('Reminder time').fill('');
    await page.getByRole('checkbox', { name: 'Remind me each day at' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Pick the time of day for the reminder.' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}
