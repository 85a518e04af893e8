import { axeViolations } from '../axe';
import { expect, test } from '../fixtures';
import { ListPage } from '../pages/list-page';
import { testClock } from '../test-clock';

const MIN = 60_000;

test('Pomodoro lengths are set in the progress view and the next Pomodoro runs with them; a bad length gets a message and changes nothing', async ({ launch, readDataFile }) => {
  const clock = testClock();
  const { page } = await launch({ store: clock.store });
  await clock.setPage(page);
  await page.getByRole('button', { name: /^Progress/ }).click();
  await page.getByRole('combobox', { name: '“Start timer” starts' }).selectOption('pomodoro');
  const focus = page.getByRole('spinbutton', { name: 'Focus minutes' });
  const pause = page.getByRole('spinbutton', { name: 'Break minutes' });

  await focus.fill('0');
  await focus.blur();
  await expect(page.getByRole('alert').filter({ hasText: 'Focus minutes: a whole number from 1 to 180.' })).toBeVisible();
  await pause.fill('2.5');
  await pause.blur();
  await expect(page.getByRole('alert').filter({ hasText: 'Break minutes: a whole number from 1 to 60.' })).toBeVisible();
  await expect.poll(async () => (await readDataFile()).study?.settings?.timerMode).toBe('pomodoro');
  expect((await readDataFile()).study?.settings).not.toHaveProperty('workMinutes');
  expect((await readDataFile()).study?.settings).not.toHaveProperty('breakMinutes');

  await focus.fill('50');
  await focus.blur();
  await pause.fill('10');
  await pause.blur();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect.poll(async () => (await readDataFile()).study?.settings).toMatchObject({ workMinutes: 50, breakMinutes: 10 });

  await page.getByRole('button', { name: /^Python behind the scenes: a list/ }).click();
  await new ListPage(page).resource('PEPs').getByRole('button', { name: 'Start timer on PEPs' }).click();
  await expect(page.getByRole('timer')).toHaveText('Focus 50:00 left');
  await clock.move(page, 50 * MIN);
  await expect(page.getByRole('timer')).toHaveText('Break 10:00 left');
  await clock.move(page, 10 * MIN);
  await expect(page.getByRole('timer')).toHaveText('Focus 50:00 left');
  expect((await readDataFile()).study?.timer).toMatchObject({ mode: 'pomodoro', workMinutes: 50, breakMinutes: 10 });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no accessibility violations (axe) in the timer settings with a message shown — ${colorScheme} theme`, async ({ launch }) => {
    const { page } = await launch({ colorScheme });
    await page.getByRole('button', { name: /^Progress/ }).click();
    await page.getByRole('spinbutton', { name: 'Focus minutes' }).fill('0');
    await page.getByRole('spinbutton', { name: 'Focus minutes' }).blur();
    await expect(page.getByRole('alert').filter({ hasText: 'Focus minutes: a whole number from 1 to 180.' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}
