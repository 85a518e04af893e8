import type { Page } from '@playwright/test';
import { axeViolations } from '../axe';
import { expect, test } from '../fixtures';
import type { StudyDocument } from '../../../data/model/schema';
import { ListPage } from '../pages/list-page';

const GIL = 'To GIL or not to GIL';

/** Opens a card's editor, sets its tags (and kind), saves, and waits for the editor to close. */
async function editTags(page: Page, listPage: ListPage, title: string, tags: string, kind?: string) {
  await listPage.resource(title).getByRole('button', { name: `Edit ${title}` }).click();
  const editor = page.getByRole('form', { name: `Edit ${title}` });
  await editor.getByRole('textbox', { name: 'Tags' }).fill(tags);
  if (kind) await editor.getByRole('combobox', { name: 'Kind' }).selectOption({ label: kind });
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
}

/** The tags on disk (the data file and its journal, as the next start reads them), by resource id. */
const tagsOnDisk = (read: () => Promise<StudyDocument>) => async () => Object.fromEntries((await read()).lists[0]!.resources.filter((r) => r.tags).map((r) => [r.id, r.tags]));

const chips = (listPage: ListPage, title: string) => listPage.resource(title).getByRole('list', { name: `Tags of ${title}` }).getByRole('button', { name: /^Filter by tag / });

test('tags: added in the editor, shown as chips, a chip filters the list, “Tag: x ×” clears it, #tag searches', async ({ app, listPage, readDataFile }) => {
  const page = app.page;
  await expect(listPage.resources).toHaveCount(10);

  // A repeated tag (whatever its case) and spaces are cleaned away; the kind is set in the same form.
  await editTags(page, listPage, 'PEPs', ' python, governance,Python ,', 'Reference');
  await expect(chips(listPage, 'PEPs')).toHaveText(['#python', '#governance']);
  await expect(listPage.resource('PEPs').locator('.kind')).toHaveText('Reference');
  await editTags(page, listPage, GIL, 'python, concurrency');
  await expect(chips(listPage, GIL)).toHaveText(['#python', '#concurrency']);
  await expect.poll(tagsOnDisk(readDataFile)).toEqual({ peps: ['python', 'governance'], 'to-gil-or-not-to-gil': ['python', 'concurrency'] });

  // A chip filters the list to its tag; “Tag: x ×” says so and clears it.
  await listPage.resource('PEPs').getByRole('button', { name: 'Filter by tag python' }).click();
  await expect(listPage.resources).toHaveCount(2);
  await expect(listPage.resource('PEPs')).toBeVisible();
  await expect(listPage.resource(GIL)).toBeVisible();
  await expect(page.getByText('Tag: python')).toBeVisible();
  await expect(listPage.resource('PEPs').getByRole('button', { name: 'Filter by tag python' })).toHaveAttribute('aria-pressed', 'true');
  await listPage.resource(GIL).getByRole('button', { name: 'Filter by tag concurrency' }).click();
  await expect(listPage.resources).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear the tag filter concurrency' }).click();
  await expect(listPage.resources).toHaveCount(10);
  await expect(page.getByText('Tag: concurrency')).toHaveCount(0);

  // Search: `#tag` finds resources by their tags; a plain word hits a tag too, marked on the chip.
  const search = page.getByRole('searchbox', { name: 'Search this list' });
  await search.fill('#concurrency');
  await expect(listPage.resources).toHaveCount(1);
  await expect(listPage.resource(GIL)).toBeVisible();
  await search.fill('governance');
  await expect(listPage.resources).toHaveCount(1);
  await expect(listPage.resource('PEPs').getByRole('button', { name: 'Filter by tag governance' }).locator('mark')).toHaveText('governance');
  await search.fill('');
  await expect(listPage.resources).toHaveCount(10);
});

test('a tag edit is undone from its toast; a tag too long is refused with a sentence and changes nothing', async ({ app, listPage, readDataFile }) => {
  const page = app.page;
  await editTags(page, listPage, GIL, 'python, concurrency');
  await editTags(page, listPage, GIL, 'python');
  await expect(chips(listPage, GIL)).toHaveText(['#python']);
  await page.getByRole('status').filter({ hasText: `Saved “${GIL}”.` }).getByRole('button', { name: 'Undo' }).click();
  await expect(chips(listPage, GIL)).toHaveText(['#python', '#concurrency']);
  await expect.poll(tagsOnDisk(readDataFile)).toEqual({ 'to-gil-or-not-to-gil': ['python', 'concurrency'] });

  await listPage.resource(GIL).getByRole('button', { name: `Edit ${GIL}` }).click();
  const editor = page.getByRole('form', { name: `Edit ${GIL}` });
  await editor.getByRole('textbox', { name: 'Title' }).fill('GIL, renamed');
  await editor.getByRole('textbox', { name: 'Tags' }).fill(`python, ${'x'.repeat(61)}`);
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'A tag can be at most 60 characters' })).toContainText('Nothing was changed.');
  // What the user typed is still in the form, to fix.
  await expect(editor.getByRole('textbox', { name: 'Tags' })).toHaveValue(`python, ${'x'.repeat(61)}`);
  await editor.getByRole('button', { name: 'Cancel' }).click();
  await expect(chips(listPage, GIL)).toHaveText(['#python', '#concurrency']);
  expect((await readDataFile()).lists[0]!.resources.find((r) => r.id === 'to-gil-or-not-to-gil')).toMatchObject({ title: GIL, tags: ['python', 'concurrency'] });
});

test('tags are still there after a reload, on the cards, in the filter and in the data file', async ({ app, listPage, readDataFile }) => {
  const page = app.page;
  await editTags(page, listPage, 'PEPs', 'python, governance');
  await expect.poll(tagsOnDisk(readDataFile)).toEqual({ peps: ['python', 'governance'] });
  await page.reload();
  await expect(chips(listPage, 'PEPs')).toHaveText(['#python', '#governance']);
  await listPage.resource('PEPs').getByRole('button', { name: 'Filter by tag governance' }).click();
  await expect(listPage.resources).toHaveCount(1);
  await page.getByRole('searchbox', { name: 'Search this list' }).fill('#gov');
  await expect(listPage.resources).toHaveCount(1);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no accessibility violations (axe) with tag chips and a tag filter on — ${colorScheme} theme`, async ({ launch }) => {
    const app = await launch({ colorScheme });
    const listPage = new ListPage(app.page);
    await editTags(app.page, listPage, 'PEPs', 'python, governance');
    await listPage.resource('PEPs').getByRole('button', { name: 'Filter by tag python' }).click();
    await expect(app.page.getByText('Tag: python')).toBeVisible();
    await listPage.resource('PEPs').getByRole('button', { name: 'Edit PEPs' }).click();
    await expect(app.page.getByRole('form', { name: 'Edit PEPs' }).getByRole('textbox', { name: 'Tags' })).toHaveValue('python, governance');
    expect(await axeViolations(app.page)).toEqual([]);
  });
}

test('a resource is added with its kind and tags from the Add form', async ({ app, listPage, readDataFile }) => {
  const page = app.page;
  const add = page.getByRole('form', { name: 'Add a resource' });
  await add.getByRole('textbox', { name: 'Title' }).fill('Fluent Python');
  await add.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Book' });
  await add.getByRole('textbox', { name: 'Tags' }).fill('python, idioms');
  await add.getByRole('button', { name: 'Add' }).click();
  await expect(listPage.resources).toHaveCount(11);
  await expect(chips(listPage, 'Fluent Python')).toHaveText(['#python', '#idioms']);
  await expect(listPage.resource('Fluent Python').locator('.kind')).toHaveText('Book');
  // The form is empty again, ready for the next one.
  await expect(add.getByRole('textbox', { name: 'Tags' })).toHaveValue('');
  await expect(add.getByRole('combobox', { name: 'Kind' })).toHaveValue('link');
  await expect.poll(async () => (await readDataFile()).lists[0]!.resources.at(-1)).toMatchObject({ title: 'Fluent Python', kind: 'book', tags: ['python', 'idioms'] });
});
