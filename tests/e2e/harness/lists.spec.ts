import type { Locator, Page } from '@playwright/test';
import { readSaved } from '../../harness/saved';
import { expect, test } from '../fixtures';

/** What is on disk, as the next start reads it (data file and journal: list edits are journaled). */
const disk = readSaved;

test('lists of your own: create, add and edit resources, move one to another list, delete with undo', async ({ app, listPage }) => {
  const page = app.page;
  await page.getByRole('button', { name: '+ New list' }).click();
  const dialog = page.getByRole('dialog', { name: 'New list' });
  await dialog.getByRole('button', { name: 'Create list' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('A list needs a title.');
  await dialog.getByLabel('Title').fill('Compilers');
  await dialog.getByLabel('Description').fill('Parsing, ASTs, bytecode');
  await dialog.getByRole('button', { name: 'Create list' }).click();
  await expect(listPage.heading).toHaveText('Compilers');

  const add = page.getByRole('form', { name: 'Add a resource' });
  await add.getByLabel('Title').fill('Crafting Interpreters');
  await add.getByLabel('Link').fill('javascript:alert(1)');
  await add.getByRole('button', { name: 'Add' }).click();
  await expect(add.getByRole('alert')).toHaveText('A link must be an http or https address.');
  await add.getByLabel('Link').fill('https://craftinginterpreters.com/');
  await add.getByLabel('Author').fill('Robert Nystrom');
  await add.getByRole('button', { name: 'Add' }).click();
  await expect(listPage.resources).toHaveCount(1);
  await expect(listPage.resource('Crafting Interpreters')).toContainText('by Robert Nystrom');

  await listPage.resource('Crafting Interpreters').getByRole('button', { name: 'Edit Crafting Interpreters' }).click();
  const editor = page.getByRole('form', { name: 'Edit Crafting Interpreters' });
  await editor.getByLabel('Description').fill('A handbook for making programming languages');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(listPage.resource('Crafting Interpreters')).toContainText('A handbook for making programming languages');

  // Move a ticked resource with a note from the bundled list into the new one: its progress goes along.
  await listPage.openList('Python behind the scenes: a list of resources');
  await listPage.checkbox('To GIL or not to GIL').check();
  await listPage.resource('To GIL or not to GIL').getByRole('button', { name: 'Edit To GIL or not to GIL' }).click();
  await page.getByRole('form', { name: 'Edit To GIL or not to GIL' }).getByLabel('Move to list').selectOption({ label: 'Compilers' });
  await expect(listPage.resources).toHaveCount(9);
  await listPage.openList('Compilers');
  await expect(listPage.checkbox('To GIL or not to GIL')).toBeChecked();

  // Delete, then undo.
  await listPage.resource('Crafting Interpreters').getByRole('button', { name: 'Edit Crafting Interpreters' }).click();
  await page.getByRole('form', { name: 'Edit Crafting Interpreters' }).getByRole('button', { name: 'Delete' }).click();
  await expect(listPage.resources).toHaveCount(1);
  await page.getByRole('status').filter({ hasText: 'Deleted “Crafting Interpreters”.' }).getByRole('button', { name: 'Undo' }).click();
  await expect(listPage.resources).toHaveCount(2);

  const saved = await disk(app.dataFile);
  const compilers = saved.lists.find((l: { id: string }) => l.id === 'compilers');
  expect(compilers?.resources.map((r: { title: string }) => r.title)).toEqual(['Crafting Interpreters', 'To GIL or not to GIL']);
  expect(saved.progress['compilers/to-gil-or-not-to-gil']?.status).toBe('done');
});

test('a list can be renamed, deleted (and brought back with undo), and a bundled one reset to its published version', async ({ app, listPage }) => {
  const page = app.page;
  await listPage.checkbox('PEPs').check();
  await listPage.resource('Stupid Python Ideas').getByRole('button', { name: 'Edit Stupid Python Ideas' }).click();
  await page.getByRole('form', { name: 'Edit Stupid Python Ideas' }).getByRole('button', { name: 'Delete' }).click();
  await expect(listPage.resources).toHaveCount(9);

  await page.getByRole('button', { name: 'Edit list…' }).click();
  await page.getByRole('dialog', { name: 'Edit list' }).getByRole('button', { name: 'Reset to the published version' }).click();
  await expect(listPage.resources).toHaveCount(10);
  await expect(listPage.checkbox('PEPs')).toBeChecked();

  await page.getByRole('button', { name: 'Edit list…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit list' });
  await dialog.getByLabel('Title').fill('CPython reading');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(listPage.heading).toHaveText('CPython reading');

  await page.getByRole('button', { name: 'Edit list…' }).click();
  await dialog.getByRole('button', { name: 'Delete list…' }).click();
  await dialog.getByRole('button', { name: 'Delete “CPython reading”' }).click();
  await expect(listPage.heading).toHaveText('Python behind the scenes: the blog series');
  await expect.poll(async () => (await disk(app.dataFile)).lists).toHaveLength(1);
  await page.getByRole('status').filter({ hasText: 'Deleted the list' }).getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('navigation', { name: 'Lists' })).toContainText('CPython reading');
  await expect.poll(async () => (await disk(app.dataFile)).progress['python-behind-the-scenes-resources/peps']?.status).toBe('done');
});

/** Drags as a person does: press on the handle, move in steps, release over the target. */
async function drag(page: Page, handle: Locator, target: Locator): Promise<void> {
  await handle.scrollIntoViewIfNeeded();
  const from = (await handle.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 30, from.y - 10, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + Math.min(to.height / 2, 40), { steps: 8 });
  await page.mouse.up();
}

test('drag and drop: reorder a resource, and move one to another list by dropping it on the sidebar', async ({ app, listPage }) => {
  const page = app.page;
  const handle = (title: string) => listPage.resource(title).locator('.drag-handle');
  await listPage.resource('Python internals').scrollIntoViewIfNeeded();
  await drag(page, handle('Stupid Python Ideas'), listPage.resource('Python internals'));
  await expect.poll(async () => (await disk(app.dataFile)).lists[0]!.resources.map((r: { id: string }) => r.id).slice(6, 8)).toEqual([
    'stupid-python-ideas',
    'eli-bendersky-python-internals',
  ]);

  await listPage.checkbox('Stupid Python Ideas').check();
  const series = page.getByRole('navigation', { name: 'Lists' }).getByRole('button', { name: /^Python behind the scenes: the blog series \d/ });
  await drag(page, handle('Stupid Python Ideas'), series);
  await expect(listPage.resources).toHaveCount(9);
  await listPage.openList('Python behind the scenes: the blog series');
  await expect(listPage.resources.last()).toContainText('Stupid Python Ideas');
  await expect(listPage.checkbox('Stupid Python Ideas')).toBeChecked();
});
