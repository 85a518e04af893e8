import { axeViolations } from '../axe';
import { expect, test } from '../fixtures';
import { ListPage } from '../pages/list-page';

const P = 'python-behind-the-scenes-resources';
const LIST = 'Python behind the scenes: a list of resources';

test('an estimate typed in the editor and when adding: shown on the card, kept in the file, and the list’s time left uses it', async ({ app, listPage, readDataFile }) => {
  const { page } = app;
  const card = listPage.resource('PEPs');
  await card.getByRole('button', { name: 'Edit PEPs' }).click();
  const editor = page.getByRole('form', { name: 'Edit PEPs' });
  const estimate = editor.getByRole('textbox', { name: 'Estimate' });
  // Bad input: a clear message, nothing saved.
  await estimate.fill('a while');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.getByRole('alert')).toHaveText('Type the estimate as minutes (90) or hours and minutes (1h 30m).');
  expect((await readDataFile()).lists[0]!.resources.find((r) => r.id === 'peps')!.estimateMinutes).toBeUndefined();
  await estimate.fill('1h 30m');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  await expect(card.locator('.estimate')).toHaveText('about 1 hour 30 minutes');
  await expect.poll(async () => (await readDataFile()).lists[0]!.resources.find((r) => r.id === 'peps')!.estimateMinutes).toBe(90);
  // Opened again, the field shows what was typed, in a form it reads back.
  await card.getByRole('button', { name: 'Edit PEPs' }).click();
  await expect(estimate).toHaveValue('1h 30m');
  await editor.getByRole('button', { name: 'Cancel' }).click();

  const add = page.getByRole('form', { name: 'Add a resource' });
  await add.getByLabel('Title').fill('Inside the CPython compiler, a talk');
  await add.getByRole('textbox', { name: 'Estimate' }).fill('150');
  await add.getByRole('button', { name: 'Add', exact: true }).click();
  const talk = listPage.resource('Inside the CPython compiler, a talk');
  await expect(talk.locator('.estimate')).toHaveText('about 2 hours 30 minutes');
  await expect(add.getByRole('textbox', { name: 'Estimate' })).toHaveValue('');

  // 90 + 150 minutes not done: about 4 hours left in the list.
  await page.getByRole('button', { name: /^Progress/ }).click();
  await expect(page.locator('.time-row').filter({ hasText: LIST })).toContainText('about 4 hours left');
  // Done with PEPs: only the talk's estimate is left.
  await page.getByRole('button', { name: /^Python behind the scenes: a list/ }).click();
  await new ListPage(page).checkbox('PEPs').check();
  await page.getByRole('button', { name: /^Progress/ }).click();
  await expect(page.locator('.time-row').filter({ hasText: LIST })).toContainText('about 3 hours left');
  expect((await readDataFile()).progress[`${P}/peps`]?.status).toBe('done');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no accessibility violations (axe) in the editor with its estimate field — ${colorScheme} theme`, async ({ launch }) => {
    const { page } = await launch({ colorScheme });
    const list = new ListPage(page);
    await list.resource('PEPs').getByRole('button', { name: 'Edit PEPs' }).click();
    await page.getByRole('form', { name: 'Edit PEPs' }).getByRole('textbox', { name: 'Estimate' }).fill('soon');
    await page.getByRole('form', { name: 'Edit PEPs' }).getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('form', { name: 'Edit PEPs' }).getByRole('alert')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}
