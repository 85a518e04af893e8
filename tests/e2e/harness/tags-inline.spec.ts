import { axeViolations } from '../axe';
import { expect, test } from '../fixtures';
import type { StudyDocument } from '../../../data/model/schema';
import { ListPage } from '../pages/list-page';

const GIL = 'To GIL or not to GIL';

const chips = (listPage: ListPage, title: string) => listPage.resource(title).getByRole('list', { name: `Tags of ${title}` }).getByRole('button', { name: /^Filter by tag / });
const tagsOf = (read: () => Promise<StudyDocument>, id: string) => async () => (await read()).lists[0]!.resources.find((r) => r.id === id)?.tags ?? [];

test('tags are added and removed on the card itself, with the keyboard, without opening the editor', async ({ app, listPage, readDataFile }) => {
  const page = app.page;
  const card = listPage.resource('PEPs');
  // Keyboard only: Tab reaches "+ Tag"; Enter opens its field; commas add several; Enter saves.
  await card.getByRole('button', { name: 'Add a tag to PEPs' }).focus();
  await page.keyboard.press('Enter');
  const field = card.getByRole('textbox', { name: 'New tag for PEPs' });
  await expect(field).toBeFocused();
  // Keys typed in the field are the field's: x, n and j are letters here, not the card's commands.
  await page.keyboard.type('python, governance, Python');
  await page.keyboard.press('Enter');
  await expect(chips(listPage, 'PEPs')).toHaveText(['#python', '#governance']);
  await expect(card.getByRole('button', { name: 'Add a tag to PEPs' })).toBeFocused();
  await expect(page.getByRole('form', { name: 'Edit PEPs' })).toHaveCount(0);
  await expect.poll(tagsOf(readDataFile, 'peps')).toEqual(['python', 'governance']);

  // A tag already there (whatever its case) adds nothing; Esc leaves the field with nothing changed.
  await card.getByRole('button', { name: 'Add a tag to PEPs' }).click();
  await field.fill('Governance');
  await field.press('Enter');
  await expect(chips(listPage, 'PEPs')).toHaveText(['#python', '#governance']);
  await card.getByRole('button', { name: 'Add a tag to PEPs' }).click();
  await field.fill('half typed');
  await field.press('Escape');
  await expect(field).toHaveCount(0);
  await expect(chips(listPage, 'PEPs')).toHaveText(['#python', '#governance']);

  // × removes one tag; Ctrl+Z puts it back.
  await card.getByRole('button', { name: 'Remove tag python from PEPs' }).focus();
  await page.keyboard.press('Enter');
  await expect(chips(listPage, 'PEPs')).toHaveText(['#governance']);
  await expect.poll(tagsOf(readDataFile, 'peps')).toEqual(['governance']);
  await page.locator('body').press('Control+z');
  await expect(chips(listPage, 'PEPs')).toHaveText(['#python', '#governance']);
  await expect.poll(tagsOf(readDataFile, 'peps')).toEqual(['python', 'governance']);
});

test('a tag that cannot be kept is refused with the reason, and what was typed stays in the field', async ({ app, listPage, readDataFile }) => {
  const card = listPage.resource(GIL);
  await card.getByRole('button', { name: `Add a tag to ${GIL}` }).click();
  const field = card.getByRole('textbox', { name: `New tag for ${GIL}` });
  const long = 'a-tag-far-too-long-to-be-a-tag-'.repeat(3);
  await field.fill(long);
  await field.press('Enter');
  await expect(app.page.getByText(/A tag can be at most 60 characters/)).toBeVisible();
  await expect(field).toHaveValue(long);
  await expect.poll(tagsOf(readDataFile, 'to-gil-or-not-to-gil')).toEqual([]);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no accessibility violations (axe) with tags edited on a card — ${colorScheme} theme`, async ({ launch }) => {
    const app = await launch({ colorScheme });
    const listPage = new ListPage(app.page);
    const card = listPage.resource('PEPs');
    await card.getByRole('button', { name: 'Add a tag to PEPs' }).click();
    await card.getByRole('textbox', { name: 'New tag for PEPs' }).fill('python');
    await card.getByRole('textbox', { name: 'New tag for PEPs' }).press('Enter');
    await expect(card.getByRole('button', { name: 'Remove tag python from PEPs' })).toBeVisible();
    await card.getByRole('button', { name: 'Add a tag to PEPs' }).click();
    await expect(card.getByRole('textbox', { name: 'New tag for PEPs' })).toBeFocused();
    expect(await axeViolations(app.page)).toEqual([]);
  });
}
