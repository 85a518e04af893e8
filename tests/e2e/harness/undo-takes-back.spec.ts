import type { Locator, Page } from '@playwright/test';
import { readSaved } from '../../harness/saved';
import { localDay } from '../../../renderer/stats';
import { expect, test } from '../fixtures';
import { ListPage } from '../pages/list-page';
import { slowDisk } from '../slow-disk';

// Issue #22, what an undo takes back: a tick's activity (point 9) and everything an "import into this
// list" changed (point 5), as a person sees it and as the next start reads it.

const P = 'python-behind-the-scenes-resources';

function toast(page: Page, text: string | RegExp): Locator {
  return page.getByRole('status').filter({ hasText: text }).filter({ has: page.getByRole('button', { name: 'Dismiss' }) });
}

/** Today's cell of the heatmap. */
const today = () => `rect[data-date="${localDay(new Date())}"]`;

/** The Progress view opened, and today's cell of its heatmap. */
async function todayCount(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: /^Progress/ }).click();
  return page.locator(today());
}

test('9 · undoing a tick takes its activity out of the log and the heatmap; redo puts it back', async ({ app, listPage, launch }) => {
  const page = app.page;
  const ref = `${P}/python-documentation`;
  const done = async () => (await readSaved(app.dataFile)).activity.filter((a) => a.ref === ref).map((a) => a.action);
  await listPage.checkbox('Python Documentation').check();
  await expect.poll(done).toEqual(['done']);
  await expect(await todayCount(page)).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('streak')).toHaveText('1');

  await page.keyboard.press('Control+z');
  await expect(page.locator(today())).toHaveAttribute('data-count', '0');
  await expect(page.getByTestId('streak')).toHaveText('0');
  await expect.poll(done).toEqual([]);
  expect((await readSaved(app.dataFile)).progress[ref]).toBeUndefined();

  await page.keyboard.press('Control+Shift+Z');
  await expect(page.locator(today())).toHaveAttribute('data-count', '1');
  await expect.poll(done).toEqual(['done']);

  // Undone once more, and the next start reads the same: nothing was studied today.
  await page.keyboard.press('Control+z');
  await expect(page.locator(today())).toHaveAttribute('data-count', '0');
  await expect.poll(done).toEqual([]);
  await app.close();
  const again = await launch();
  await expect(await todayCount(again.page)).toHaveAttribute('data-count', '0');
  await again.page.getByRole('navigation', { name: 'Lists' }).getByRole('button').first().click();
  await expect(new ListPage(again.page).checkbox('Python Documentation')).not.toBeChecked();
});

test('5 · undoing "Import into this list" also takes back what it changed in resources that were there', async ({ app, listPage }) => {
  const page = app.page;
  await listPage.newListWith('Compilers', { title: 'Crafting Interpreters', url: 'https://craftinginterpreters.com/' });
  await expect(listPage.checkbox('Crafting Interpreters')).not.toBeChecked();

  // The file has the same link under a new title, ticked, and one new resource.
  const content = ['# Evening reading', '', '- [x] [Crafting Interpreters, the book](https://craftinginterpreters.com/)', '- [ ] [Writing a C Compiler](https://norasandler.com/book/)'].join('\n');
  await page.getByLabel('File to import into this list').setInputFiles({ name: 'reading.md', mimeType: 'text/markdown', buffer: Buffer.from(content) });
  const preview = page.getByRole('dialog', { name: 'Import “reading.md” into “Compilers”' });
  await preview.getByRole('button', { name: 'Import into “Compilers”' }).click();
  await expect(preview).toBeHidden();
  await expect(listPage.resources.locator('h2')).toHaveText([/Crafting Interpreters, the book/, /Writing a C Compiler/]);
  await expect(listPage.checkbox('Crafting Interpreters, the book')).toBeChecked();

  await toast(page, 'Imported 1 resource into “Compilers”.').getByRole('button', { name: 'Undo' }).click();
  await expect(listPage.resources.locator('h2')).toHaveText([/Crafting Interpreters(?!,)/]);
  await expect(listPage.checkbox('Crafting Interpreters')).not.toBeChecked();
  const id = (await readSaved(app.dataFile)).lists.find((l) => l.title === 'Compilers')!.id;
  await expect
    .poll(async () => {
      const saved = await readSaved(app.dataFile);
      const list = saved.lists.find((l) => l.id === id)!;
      return { titles: list.resources.map((r) => r.title), progress: Object.keys(saved.progress).filter((k) => k.startsWith(`${id}/`)) };
    })
    .toEqual({ titles: ['Crafting Interpreters'], progress: [] });
});

test('9 · done items in an imported file are done, with no date the file does not give, and are not today’s study', async ({ app, listPage }) => {
  const page = app.page;
  const content = ['# Evening reading', '', '- [x] [Crafting Interpreters](https://craftinginterpreters.com/)', '- [ ] [Writing a C Compiler](https://norasandler.com/book/)'].join('\n');
  await page.getByLabel('Choose a file to import').setInputFiles({ name: 'reading.md', mimeType: 'text/markdown', buffer: Buffer.from(content) });
  await page.getByRole('dialog', { name: 'Import “Evening reading”' }).getByRole('button', { name: 'Import list' }).click();
  await expect(listPage.heading).toHaveText('Evening reading');
  await expect(listPage.checkbox('Crafting Interpreters')).toBeChecked();
  await expect(listPage.resource('Crafting Interpreters')).not.toContainText(/Started|Finished/);
  await expect(await todayCount(page)).toHaveAttribute('data-count', '0');
  await expect(page.getByTestId('streak')).toHaveText('0');
});

// Ctrl+Z right after a delete, before main has answered it (a busy machine, a slow disk): the undo
// is the delete's. It used to take back the change before it (a tick), and the delete went on.
test('Ctrl+Z pressed while a delete is on its way to disk undoes the delete, not the tick before it', async ({ launch }) => {
  const disk = slowDisk();
  const app = await launch({ store: { fs: disk.fs } });
  const { page } = app;
  const listPage = new ListPage(page);
  await listPage.checkbox('PEPs').check();
  await expect.poll(async () => (await readSaved(app.dataFile)).progress[`${P}/peps`]?.status).toBe('done');

  disk.hold();
  const before = disk.appended;
  const card = listPage.resource('Stupid Python Ideas');
  await card.getByRole('button', { name: 'Edit Stupid Python Ideas' }).click();
  await page.getByRole('form', { name: 'Edit Stupid Python Ideas' }).getByRole('button', { name: 'Delete' }).click();
  await page.keyboard.press('Control+z');
  disk.release();
  // Two changes reach the disk: the delete and its undo (before: the tick's undo and the delete).
  await expect.poll(() => disk.appended - before).toBe(2);
  await expect(listPage.resources).toHaveCount(10);
  await expect(card).toBeVisible();
  await expect(listPage.checkbox('PEPs')).toBeChecked();
  const saved = await readSaved(app.dataFile);
  expect(saved.progress[`${P}/peps`]?.status).toBe('done');
  expect(saved.lists[0]!.resources.some((r) => r.title === 'Stupid Python Ideas')).toBe(true);
});
