import type { Page } from '@playwright/test';
import { axeViolations } from '../axe';
import { expect, test } from '../fixtures';
import { ListPage } from '../pages/list-page';

const FIRST = 'Python behind the scenes: a list of resources';
const SECOND = 'Python behind the scenes: the blog series';
const DICTS = 'Python behind the scenes #10: how Python dictionaries work';

const palette = (page: Page) => page.getByRole('dialog', { name: 'Go to or run…' });
const paletteInput = (page: Page) => palette(page).getByRole('combobox', { name: 'Command, list or resource' });
const chosen = (page: Page) => palette(page).getByRole('option', { selected: true });

/** Sets a resource's tags in its editor, and waits for the editor to close. */
async function setTags(page: Page, listPage: ListPage, title: string, tags: string) {
  await listPage.resource(title).getByRole('button', { name: `Edit ${title}` }).click();
  const editor = page.getByRole('form', { name: `Edit ${title}` });
  await editor.getByRole('textbox', { name: 'Tags' }).fill(tags);
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
}

/** What main does when a menu item is clicked: the menuCommand event, through the preload's listeners. */
async function menuClick(page: Page, id: string) {
  await page.evaluate(
    ([channel, payload]) => (window as unknown as { __studyshelfDeliver: (c: string, p: unknown) => void }).__studyshelfDeliver(channel, payload),
    ['studyshelf:menuCommand', { id }] as const,
  );
}

test('Ctrl+K: a typo still finds a resource of another list, and Enter goes to it', async ({ app, listPage }) => {
  const page = app.page;
  await expect(listPage.heading).toHaveText(FIRST);
  await page.keyboard.press('Control+k');
  await expect(paletteInput(page)).toBeFocused();
  // “dictonaries”: one letter missing, still a match.
  await page.keyboard.type('dictonaries');
  await expect(chosen(page)).toContainText(DICTS);
  await expect(chosen(page)).toContainText(`in ${SECOND}`);
  await page.keyboard.press('Enter');
  await expect(palette(page)).toBeHidden();
  await expect(listPage.heading).toHaveText(SECOND);
  await expect(listPage.resource(DICTS)).toBeFocused();

  // Lists by name; ↓ and ↑ move the choice.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('python behind');
  await expect(palette(page).getByRole('option', { name: /^Python behind the scenes: a list of resources/ })).toBeVisible();
  const options = palette(page).getByRole('option');
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('ArrowUp');
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');
  await expect(palette(page)).toBeHidden();

  // Nothing matches: said so, and Enter does nothing.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('zzzqqqxxx');
  await expect(palette(page).getByText('Nothing matches “zzzqqqxxx”.')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(palette(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(listPage.heading).toHaveText(SECOND);
});

test('a command runs from the palette, a resource command on the card that was focused', async ({ app, listPage, readDataFile }) => {
  const page = app.page;
  await page.keyboard.press('Control+k');
  await page.keyboard.type('keyboard short');
  await expect(chosen(page)).toContainText('Keyboard shortcuts');
  await page.keyboard.press('Enter');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  // The sheet is read from the same table: the palette's own key is on it.
  await expect(sheet.getByRole('row', { name: /Command palette/ })).toContainText('Ctrl+K');
  await page.keyboard.press('Escape');

  // Without a focused card, no resource command is offered.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('mark done');
  await expect(palette(page).getByRole('option', { name: /Mark done/ })).toHaveCount(0);
  await page.keyboard.press('Escape');

  await listPage.resource('PEPs').focus();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('mark done');
  await expect(chosen(page)).toContainText('Mark done / not done');
  await page.keyboard.press('Enter');
  await expect(listPage.checkbox('PEPs')).toBeChecked();
  await expect.poll(async () => {
    const saved = await readDataFile();
    return saved.progress[`${saved.lists[0]!.id}/peps`]?.status;
  }).toBe('done');
});

test('right-click on a resource: a menu in the window, keyboard only, Escape closes, Move to list… moves it', async ({ app, listPage, readDataFile }) => {
  const page = app.page;
  const menu = page.getByRole('menu', { name: 'Actions for PEPs' });
  await listPage.resource('PEPs').getByRole('heading', { level: 2 }).click({ button: 'right' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem')).toHaveText(['Open link', 'Copy link', 'Edit resource', 'Move to list…', 'Delete resource']);
  await expect(menu.getByRole('menuitem', { name: 'Open link' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Copy link' })).toBeFocused();
  // j is the window's "next resource": not while the menu has the focus.
  await page.keyboard.press('j');
  await expect(menu.getByRole('menuitem', { name: 'Copy link' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(listPage.resource('PEPs')).toBeFocused();

  // From the keyboard: Shift+F10 on the focused card, End, ↑ to Move to list…, Enter.
  await page.keyboard.press('Shift+F10');
  await expect(menu).toBeVisible();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Move to list…' })).toBeFocused();
  await page.keyboard.press('Enter');
  const lists = page.getByRole('menu', { name: 'Move “PEPs” to list' });
  await expect(lists.getByRole('menuitem')).toHaveText([SECOND]);
  await page.keyboard.press('Enter');
  await expect(lists).toBeHidden();
  await expect(listPage.resource('PEPs')).toHaveCount(0);
  await expect.poll(async () => (await readDataFile()).lists.map((l) => l.resources.some((r) => r.title === 'PEPs'))).toEqual([false, true]);

  // Open link hands it to the system browser.
  await listPage.resource('Python Documentation').getByRole('heading', { level: 2 }).click({ button: 'right' });
  await page.getByRole('menu', { name: 'Actions for Python Documentation' }).getByRole('menuitem', { name: 'Open link' }).click();
  await expect.poll(() => app.opened).toEqual(['https://docs.python.org/3.9/']);

  // Edit resource opens the card's editor.
  await listPage.resource('Python Documentation').getByRole('heading', { level: 2 }).click({ button: 'right' });
  await page.getByRole('menu', { name: 'Actions for Python Documentation' }).getByRole('menuitem', { name: 'Edit resource' }).click();
  await expect(page.getByRole('form', { name: 'Edit Python Documentation' })).toBeVisible();
});

test('the application menu drives the window: its commands arrive as events', async ({ app, listPage }) => {
  const page = app.page;
  await menuClick(page, 'showBackups');
  await expect(page.getByRole('dialog', { name: 'Backups' })).toBeVisible();
  await page.keyboard.press('Escape');

  await menuClick(page, 'toggleProgress');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Progress/);
  await menuClick(page, 'toggleProgress');
  await expect(listPage.heading).toHaveText(FIRST);

  // Go → Next resource, then Edit → Mark done on the focused card.
  await menuClick(page, 'nextResource');
  await expect(listPage.resource('Python Documentation')).toBeFocused();
  await menuClick(page, 'toggleDone');
  await expect(listPage.checkbox('Python Documentation')).toBeChecked();
  // Edit → Undo: the app's own undo.
  await menuClick(page, 'undo');
  await expect(listPage.checkbox('Python Documentation')).not.toBeChecked();

  await menuClick(page, 'palette');
  await expect(paletteInput(page)).toBeFocused();
  await page.keyboard.press('Escape');

  // An id not in the table (or not a string) does nothing.
  await menuClick(page, 'deleteEverything');
  await menuClick(page, 'about');
  await page.evaluate(() => (window as unknown as { __studyshelfDeliver: (c: string, p: unknown) => void }).__studyshelfDeliver('studyshelf:menuCommand', null));
  await menuClick(page, 'showShortcuts');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expect(listPage.resources).toHaveCount(10);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no accessibility violations (axe) in the palette and the context menu — ${colorScheme} theme`, async ({ launch }) => {
    const app = await launch({ colorScheme });
    const page = app.page;
    const listPage = new ListPage(page);
    // The sidebar's Tags section is on too.
    await setTags(page, listPage, 'PEPs', 'python, governance');
    await expect(page.getByRole('navigation', { name: 'Tags' })).toBeVisible();
    await page.keyboard.press('Control+k');
    await page.keyboard.type('python');
    await expect(chosen(page)).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await listPage.resource('PEPs').getByRole('heading', { level: 2 }).click({ button: 'right' });
    await expect(page.getByRole('menu', { name: 'Actions for PEPs' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('a studyshelf://add link adds one page to the list shown; asks first when the window was not focused; a bad one adds nothing', async ({ app, listPage, readDataFile }) => {
  const page = app.page;
  const add = (url: string, title: string) => `studyshelf://add?url=${encodeURIComponent(url)}&title=${encodeURIComponent(title)}`;
  await expect(listPage.resources).toHaveCount(10);

  app.openDeepLink(add('https://example.com/focused', 'Focused page'), false);
  await expect(listPage.resource('Focused page')).toBeVisible();
  await expect.poll(async () => (await readDataFile()).lists[0]!.resources.at(-1)).toMatchObject({ title: 'Focused page', url: 'https://example.com/focused' });

  app.openDeepLink(add('https://example.com/asked', 'Asked page'), true);
  const dialog = page.getByRole('dialog', { name: 'Add this page?' });
  await expect(dialog).toContainText('Asked page');
  await expect(dialog).toContainText(`to “${FIRST}”`);
  await dialog.getByRole('button', { name: 'Don’t add' }).click();
  await expect(dialog).toBeHidden();
  app.openDeepLink(add('https://example.com/asked', 'Asked page'), true);
  await dialog.getByRole('button', { name: 'Add it' }).click();
  await expect(listPage.resource('Asked page')).toBeVisible();

  // Refused with a sentence: not http(s), two addresses, another command.
  app.openDeepLink(`studyshelf://add?url=${encodeURIComponent('javascript:alert(1)')}&title=x`, false);
  await expect(page.getByText('A Studyshelf link can only add a web page (an http or https address); nothing was added.')).toBeVisible();
  app.openDeepLink('studyshelf://delete?url=https://example.com/focused', false);
  await expect(page.getByText('A Studyshelf link can only add a resource; nothing was done.')).toBeVisible();
  await expect(listPage.resources).toHaveCount(12);
  await expect.poll(async () => (await readDataFile()).lists.map((l) => l.resources.length)).toEqual([12, 13]);
});

test('tags at hand: the sidebar lists the shown list’s tags with their counts, and a click filters the list', async ({ app, listPage }) => {
  const page = app.page;
  const tags = page.getByRole('navigation', { name: 'Tags' });
  await expect(tags).toHaveCount(0);
  await setTags(page, listPage, 'PEPs', 'python, governance');
  await setTags(page, listPage, 'To GIL or not to GIL', 'Python');
  await expect(tags.getByRole('button')).toHaveText([/^#python\W*2 resources$/, /^#governance\W*1 resource$/]);
  await expect(tags.getByRole('button', { name: '#python 2 resources' })).toBeVisible();
  await tags.getByRole('button', { name: '#governance 1 resource' }).click();
  await expect(listPage.resources).toHaveCount(1);
  await expect(listPage.resource('PEPs')).toBeVisible();
  await expect(tags.getByRole('button', { name: '#governance 1 resource' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('Tag: governance')).toBeVisible();
  await tags.getByRole('button', { name: '#governance 1 resource' }).click();
  await expect(listPage.resources).toHaveCount(10);
  // The other list has no tags: no section there.
  await listPage.openList(SECOND);
  await expect(tags).toHaveCount(0);
});
