import { expect, test } from '../fixtures';
import { ListPage } from '../pages/list-page';
import { slowDisk } from '../slow-disk';

// Issue #22, points 4, 6, 7 and 9: adding a resource is hard to do twice by accident, a link alone is
// enough, Esc leaves the resource editor, and progress counts the parts already done.
const CODEWALK = 'CPython internals: A ten-hour codewalk through the Python interpreter source code';

test('progress counts parts: 3 of 9 lectures move the list’s percentage and bar, though no resource is done yet', async ({ app, listPage }) => {
  await expect(listPage.listProgressText()).toHaveText('0 of 10 resources done · 0%');
  for (const n of [1, 2, 3]) {
    await listPage.resource(CODEWALK).getByRole('checkbox', { name: new RegExp(`^Read: Lecture ${n} - `) }).check();
  }
  // A third of one resource of ten: 3%.
  await expect(listPage.listProgressText()).toHaveText('0 of 10 resources done · 3%');
  await expect(app.page.getByRole('progressbar', { name: 'List progress' })).toHaveAttribute('aria-valuenow', '3');
  await expect(app.page.getByRole('progressbar', { name: 'List progress' })).toHaveAttribute('aria-valuetext', '0 of 10 done');
});

test('a double click on Add adds the resource once', async ({ app, listPage, readDataFile }) => {
  const add = app.page.getByRole('form', { name: 'Add a resource' });
  await add.getByLabel('Title').fill('Crafting Interpreters');
  await add.getByRole('textbox', { name: 'Link' }).fill('https://craftinginterpreters.com/');
  await add.getByRole('button', { name: 'Add', exact: true }).dblclick();
  await expect(listPage.resource('Crafting Interpreters')).toHaveCount(1);
  await expect.poll(async () => (await readDataFile()).lists[0]!.resources.filter((r) => r.title === 'Crafting Interpreters').length).toBe(1);
  // The form is ready for the next one, and another Add adds another.
  await expect(add.getByLabel('Title')).toHaveValue('');
});

test('a link alone is enough: the address stands for the title', async ({ app, listPage }) => {
  const add = app.page.getByRole('form', { name: 'Add a resource' });
  await add.getByRole('textbox', { name: 'Link' }).fill('https://www.example.com/guide/intro/');
  await add.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(listPage.resource('example.com/guide/intro')).toBeVisible();
  // Neither a title nor a link: a clear message, nothing added.
  await add.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(add.getByRole('alert')).toHaveText('A resource needs a title or a link.');
});

test('Esc leaves the resource editor without saving, and the card is there as it was', async ({ app, listPage }) => {
  const card = listPage.resource('PEPs');
  await card.getByRole('button', { name: 'Edit PEPs' }).click();
  const editor = app.page.getByRole('form', { name: 'Edit PEPs' });
  await editor.getByLabel('Description').fill('typed, then thought better of it');
  await editor.getByLabel('Description').press('Escape');
  await expect(editor).toBeHidden();
  await expect(card).not.toContainText('typed, then thought better of it');
});

test('“+ Add resource” at the top and the `a` key take the focus to the add form; what is typed is added', async ({ app, listPage }) => {
  const page = app.page;
  const add = page.getByRole('form', { name: 'Add a resource' });
  await page.getByRole('button', { name: '+ Add resource' }).click();
  await expect(add.getByLabel('Title')).toBeFocused();
  await expect(add.getByLabel('Title')).toBeInViewport();
  // From a card, the key does the same; typed into the field, `a` is just a letter.
  await listPage.resource('PEPs').focus();
  await page.keyboard.press('a');
  await expect(add.getByLabel('Title')).toBeFocused();
  await page.keyboard.type('A book about parsers');
  await expect(add.getByLabel('Title')).toHaveValue('A book about parsers');
  await page.keyboard.press('Enter');
  await expect(listPage.resource('A book about parsers')).toBeVisible();
});

// Add, and the next title typed at once, while the first is still being saved (a slow disk): the
// form used to be emptied when the save was done, taking what had been typed since with it.
test('what is typed while an added resource is being saved stays in the form', async ({ launch }) => {
  const disk = slowDisk();
  const app = await launch({ store: { fs: disk.fs } });
  const listPage = new ListPage(app.page);
  const add = app.page.getByRole('form', { name: 'Add a resource' });
  const title = add.getByLabel('Title');
  await expect(listPage.resources).toHaveCount(10);
  disk.hold();
  await title.fill('Ceval, first read');
  await title.press('Enter');
  // The cursor is still at the end of the first title: the next is typed after it.
  await title.pressSequentially('Frames next');
  disk.release();
  await expect(listPage.resources).toHaveCount(11);
  await expect(listPage.resource('Ceval, first read')).toBeVisible();
  await expect(title).toHaveValue('Frames next');
});
