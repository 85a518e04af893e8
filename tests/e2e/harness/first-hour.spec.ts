import type { Locator, Page } from '@playwright/test';
import { readSaved } from '../../harness/saved';
import { axeViolations } from '../axe';
import { expect, test } from '../fixtures';
import { ListPage } from '../pages/list-page';

// Issue #22, "The first hour, polished": one test per point this file covers (1, 3, 4, 7, 8, 10, 12),
// each asserting what a person sees, and axe on every screen those points changed, in both themes.

const P = 'python-behind-the-scenes-resources';
const disk = readSaved;

/** The toast (there is at most one) whose text has `text`. */
function toast(page: Page, text: string | RegExp): Locator {
  return page.getByRole('status').filter({ hasText: text }).filter({ has: page.getByRole('button', { name: 'Dismiss' }) });
}

/** Every toast on screen, whatever it says. */
function toasts(page: Page): Locator {
  return page.getByRole('status').or(page.getByRole('alert')).filter({ has: page.getByRole('button', { name: 'Dismiss' }) });
}

/** The page's clock installed before the page loads, then stopped: a toast's time passes only when the test says. */
async function stopClock(page: Page): Promise<void> {
  await page.clock.install();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.clock.pauseAt(Date.now() + 60_000);
}

test('1 · a toast leaves by itself after its time, stays while hovered or focused, comes one at a time, covers no control, and Ctrl+Z still undoes', async ({ app, listPage }) => {
  const page = app.page;
  await stopClock(page);

  await listPage.checkbox('To GIL or not to GIL').check();
  await expect(toast(page, '“To GIL or not to GIL” marked done.')).toBeVisible();
  await page.clock.runFor(6_000);
  await expect(toast(page, '“To GIL or not to GIL” marked done.')).toBeVisible();
  await page.clock.runFor(3_000);
  await expect(toasts(page)).toHaveCount(0);

  // One at a time: the newer message replaces the older one.
  await listPage.checkbox('PEPs').check();
  await listPage.checkbox('Stupid Python Ideas').check();
  await expect(toast(page, '“Stupid Python Ideas” marked done.')).toBeVisible();
  await expect(toasts(page)).toHaveCount(1);

  // Hovered: it waits for the reader.
  await toast(page, '“Stupid Python Ideas” marked done.').hover();
  await page.clock.runFor(30_000);
  await expect(toast(page, '“Stupid Python Ideas” marked done.')).toBeVisible();
  await page.mouse.move(600, 10);
  await page.clock.runFor(9_000);
  await expect(toasts(page)).toHaveCount(0);

  // Gone from the screen, the undo is still on Ctrl+Z.
  await listPage.resource('Stupid Python Ideas').focus();
  await page.keyboard.press('Control+z');
  await expect(listPage.checkbox('Stupid Python Ideas')).not.toBeChecked();

  // Focused (reached by keyboard): it waits too, and Undo there works.
  await listPage.checkbox('Python Documentation').check();
  const undo = toast(page, '“Python Documentation” marked done.').getByRole('button', { name: 'Undo' });
  await undo.focus();
  await page.clock.runFor(30_000);
  await expect(undo).toBeVisible();
  await undo.click();
  await expect(listPage.checkbox('Python Documentation')).not.toBeChecked();

  // Never over a control: with a toast up, the add form's button at the very bottom of the view is
  // still what a click there reaches.
  await listPage.checkbox('Python Documentation').check();
  await expect(toasts(page)).toHaveCount(1);
  const add = page.getByRole('form', { name: 'Add a resource' }).getByRole('button', { name: 'Add' });
  await add.evaluate((button) => button.scrollIntoView({ block: 'end' }));
  const hit = await add.evaluate((button) => {
    const box = button.getBoundingClientRect();
    return document.elementFromPoint(box.left + box.width / 2, box.bottom - 2) === button;
  });
  expect(hit).toBe(true);
  const [toastBox, addBox] = [await toasts(page).boundingBox(), await add.boundingBox()];
  expect(toastBox!.y >= addBox!.y + addBox!.height || toastBox!.x >= addBox!.x + addBox!.width).toBe(true);
});

test('3 · every dialog opens with the cursor in its first field (or on its main button), closes on Esc and gives the focus back', async ({ app, listPage }) => {
  const page = app.page;
  await page.getByRole('button', { name: '+ New list' }).click();
  const newList = page.getByRole('dialog', { name: 'New list' });
  await expect(newList.getByLabel('Title')).toBeFocused();
  await page.keyboard.type('Compilers');
  await expect(newList.getByLabel('Title')).toHaveValue('Compilers');
  await page.keyboard.press('Escape');
  await expect(newList).toBeHidden();
  await expect(page.getByRole('button', { name: '+ New list' })).toBeFocused();

  await page.getByRole('button', { name: 'Edit list…' }).click();
  const editList = page.getByRole('dialog', { name: 'Edit list' });
  await expect(editList.getByLabel('Title')).toBeFocused();
  await expect(editList.getByLabel('Title')).toHaveValue('Python behind the scenes: a list of resources');
  await page.keyboard.press('Escape');
  await expect(editList).toBeHidden();
  await expect(page.getByRole('button', { name: 'Edit list…' })).toBeFocused();

  await page.getByRole('button', { name: 'Backups…' }).click();
  const backups = page.getByRole('dialog', { name: 'Backups' });
  await expect(backups.getByRole('button', { name: 'Done' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(backups).toBeHidden();
  await expect(page.getByRole('button', { name: 'Backups…' })).toBeFocused();

  await page.getByRole('button', { name: /Keyboard shortcuts/ }).click();
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts.getByRole('button', { name: 'Done' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(shortcuts).toBeHidden();
  await expect(page.getByRole('button', { name: /Keyboard shortcuts/ })).toBeFocused();
  await expect(listPage.heading).toHaveText('Python behind the scenes: a list of resources');
});

test('4 · a double click on "Create list" makes one list, on "Add part" one part', async ({ app, listPage }) => {
  const page = app.page;
  await page.getByRole('button', { name: '+ New list' }).click();
  const dialog = page.getByRole('dialog', { name: 'New list' });
  await dialog.getByLabel('Title').fill('Compilers');
  await dialog.getByRole('button', { name: 'Create list' }).dblclick();
  await expect(listPage.heading).toHaveText('Compilers');
  await expect(toast(page, 'Created the list “Compilers”.')).toBeVisible();

  await listPage.openList('Python behind the scenes: a list of resources');
  const peps = listPage.resource('PEPs');
  await peps.getByRole('button', { name: '+ Add parts' }).click();
  await peps.getByRole('textbox', { name: 'Title of a new part' }).fill('PEP 8');
  await peps.getByRole('button', { name: 'Add part' }).dblclick();
  await expect(peps.getByRole('textbox', { name: 'Title of part 1' })).toHaveValue('PEP 8');
  // Something later that also reaches main, so a second create or add would have landed by now.
  await listPage.checkbox('Python Documentation').check();
  await expect.poll(async () => (await disk(app.dataFile)).progress[`${P}/python-documentation`]?.status).toBe('done');

  const nav = page.getByRole('navigation', { name: 'Lists' });
  await expect(nav.getByRole('listitem').filter({ hasText: 'Compilers' })).toHaveCount(1);
  await expect(peps.getByRole('textbox', { name: /^Title of part/ })).toHaveCount(1);
  const saved = await disk(app.dataFile);
  expect(saved.lists.filter((l) => l.title === 'Compilers')).toHaveLength(1);
  expect(saved.lists.find((l) => l.id === P)?.resources.find((r) => r.id === 'peps')?.parts.map((p) => p.title)).toEqual(['PEP 8']);
});

test('7 · Esc leaves a note for its card (the next j moves on), the Export menu closes on Esc and outside, a delete focuses the next card', async ({ app, listPage }) => {
  const page = app.page;
  const box = await listPage.openNotes('PEPs');
  await box.pressSequentially('read PEP 8');
  await page.keyboard.press('Escape');
  await expect(listPage.resource('PEPs')).toBeFocused();
  await page.keyboard.press('j');
  await expect(listPage.resource('Inside The Python Virtual Machine')).toBeFocused();
  await expect.poll(async () => (await disk(app.dataFile)).notes[`${P}/peps`]?.body).toBe('read PEP 8');
  await expect(listPage.resource('PEPs')).toContainText('read PEP 8');

  await listPage.expectExportMenuCloses();

  await listPage.resource('Stupid Python Ideas').getByRole('button', { name: 'Edit Stupid Python Ideas' }).click();
  await page.getByRole('form', { name: 'Edit Stupid Python Ideas' }).getByRole('button', { name: 'Delete' }).click();
  await expect(listPage.resources).toHaveCount(9);
  await expect(listPage.resource('A Python Interpreter Written in Python')).toBeFocused();
  await page.keyboard.press('j');
  await expect(listPage.resource('To GIL or not to GIL')).toBeFocused();
});

/** WCAG's contrast ratio between an element's text colour and its background, as drawn now. */
async function textContrast(element: Locator): Promise<number> {
  return element.evaluate((node) => {
    const style = getComputedStyle(node);
    const channels = (color: string) => {
      // Chromium reports rgb()/rgba(), or color(srgb r g b) for light-dark() and color-mix() results.
      const numbers = color.match(/[\d.]+/g)!.map(Number);
      return color.startsWith('color(') ? numbers.slice(0, 3).map((n) => n * 255) : numbers.slice(0, 3);
    };
    const luminance = (color: string) => {
      const [r, g, b] = channels(color).map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const [a, b] = [luminance(style.color), luminance(style.backgroundColor)].sort((x, y) => y - x);
    return (a! + 0.05) / (b! + 0.05);
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`8 · the danger button stays readable under the pointer — ${colorScheme} theme`, async ({ launch }) => {
    const app = await launch({ colorScheme });
    const page = app.page;
    await page.getByRole('button', { name: 'Edit list…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit list' });
    await dialog.getByRole('button', { name: 'Delete list…' }).click();
    const danger = dialog.getByRole('button', { name: 'Delete “Python behind the scenes: a list of resources”' });
    // It appears right under the pointer (where "Delete list…" was): first as it looks without it.
    await page.mouse.move(1, 1);
    expect(await textContrast(danger)).toBeGreaterThanOrEqual(4.5);
    await danger.hover();
    expect(await textContrast(danger)).toBeGreaterThanOrEqual(4.5);
    expect(await axeViolations(page)).toEqual([]);
  });
}

const WORD = 'Pneumonoultramicroscopicsilicovolcanoconiosis!'; // 46 characters, no place to break
const LONG_TITLE = `${'A very long list title that goes on and on '.repeat(3)}${WORD} ${'and then some more words '.repeat(5)}`.slice(0, 300);

test('10 · a 300-character title with a 46-character word breaks no layout at 800 px; the sidebar shows two lines and the whole title on hover', async ({ launch }) => {
  expect(LONG_TITLE).toHaveLength(300);
  expect(LONG_TITLE).toContain(WORD);
  const app = await launch({ viewport: { width: 800, height: 700 } });
  const page = app.page;
  const listPage = new ListPage(page);
  // At 800 px the sidebar is behind its button.
  await page.getByRole('button', { name: 'Lists and menu' }).click();
  await page.getByRole('button', { name: '+ New list' }).click();
  await page.getByRole('dialog', { name: 'New list' }).getByLabel('Title').fill(LONG_TITLE);
  await page.getByRole('dialog', { name: 'New list' }).getByRole('button', { name: 'Create list' }).click();
  await expect(listPage.heading).toHaveText(LONG_TITLE);
  const add = page.getByRole('form', { name: 'Add a resource' });
  await add.getByRole('textbox', { name: 'Title' }).fill(LONG_TITLE);
  await add.getByRole('textbox', { name: 'Link' }).fill(`https://example.com/${WORD}${WORD}`);
  await add.getByRole('button', { name: 'Add' }).click();
  await expect(listPage.resources).toHaveCount(1);

  const overflow = () =>
    page.evaluate(() =>
      [document.scrollingElement!, document.querySelector('.content')!, document.querySelector('.sidebar')!].map((e) => e.scrollWidth - e.clientWidth),
    );
  expect(await overflow()).toEqual([0, 0, 0]);
  const exportButton = page.getByText('Export…', { exact: true });
  const box = (await exportButton.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(800);

  await page.getByRole('button', { name: 'Lists and menu' }).click();
  expect(await overflow()).toEqual([0, 0, 0]);
  const entry = page.getByRole('navigation', { name: 'Lists' }).locator('.list-button-title').filter({ hasText: WORD });
  await expect(entry).toHaveAttribute('title', LONG_TITLE);
  const lines = await entry.evaluate((element) => element.getBoundingClientRect().height / parseFloat(getComputedStyle(element).lineHeight));
  expect(lines).toBeLessThanOrEqual(2.05);
  expect(await entry.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  expect(await axeViolations(page)).toEqual([]);

  await page.keyboard.press('Escape');

  // Editing it is a dialog at 800 px too: it fits.
  await page.getByRole('button', { name: 'Edit list…' }).click();
  await expect(page.getByRole('dialog', { name: 'Edit list' })).toBeVisible();
  expect(await overflow()).toEqual([0, 0, 0]);
  expect(await page.getByRole('dialog', { name: 'Edit list' }).evaluate((d) => d.scrollWidth - d.clientWidth)).toBe(0);
});

test('12 · counts follow plural rules ("1 part", "1 resource") and a status change reads the same whichever way it was made', async ({ app, listPage }) => {
  const page = app.page;
  const peps = listPage.resource('PEPs');
  await peps.getByRole('button', { name: '+ Add parts' }).click();
  await peps.getByRole('textbox', { name: 'Title of a new part' }).fill('PEP 8');
  await peps.getByRole('button', { name: 'Add part' }).click();
  await peps.getByRole('button', { name: 'Done editing' }).click();
  await expect(peps.locator('.parts-count')).toHaveText('0 / 1 part');
  await expect(listPage.resource('Python internals').locator('.parts-count')).toHaveText('0 / 2 parts');

  // The same change, by the status menu and by its key: the same words.
  const status = page.getByRole('combobox', { name: 'Status of Stupid Python Ideas' });
  await status.selectOption('in-progress');
  await expect(toast(page, '“Stupid Python Ideas” marked in progress.')).toBeVisible();
  await listPage.resource('Stupid Python Ideas').focus();
  await page.keyboard.press('Control+z');
  await expect(status).toHaveValue('todo');
  await page.keyboard.press('2');
  await expect(status).toHaveValue('in-progress');
  await expect(toast(page, '“Stupid Python Ideas” marked in progress.')).toBeVisible();
  await listPage.checkbox('Stupid Python Ideas').check();
  await expect(toast(page, '“Stupid Python Ideas” marked done.')).toBeVisible();
  await status.selectOption('todo');
  await expect(toast(page, '“Stupid Python Ideas” marked to do.')).toBeVisible();
  await listPage.resource('Stupid Python Ideas').focus();
  await page.keyboard.press('3');
  await expect(toast(page, '“Stupid Python Ideas” marked done.')).toBeVisible();

  await page.getByRole('button', { name: '+ New list' }).click();
  await page.getByRole('dialog', { name: 'New list' }).getByLabel('Title').fill('Compilers');
  await page.getByRole('dialog', { name: 'New list' }).getByRole('button', { name: 'Create list' }).click();
  const add = page.getByRole('form', { name: 'Add a resource' });
  await add.getByRole('textbox', { name: 'Title' }).fill('Crafting Interpreters');
  await add.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByRole('search').getByRole('status')).toHaveText('1 resource');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe: 0 violations on the screens these points changed — ${colorScheme} theme`, async ({ launch }) => {
    const app = await launch({ colorScheme });
    const page = app.page;
    const listPage = new ListPage(page);
    // A toast up, a note open, the Export menu open.
    await listPage.checkbox('PEPs').check();
    await expect(toast(page, '“PEPs” marked done.')).toBeVisible();
    await listPage.openNotes('PEPs');
    await page.getByText('Export…', { exact: true }).click();
    await expect(page.getByRole('button', { name: 'Markdown task list' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: '+ New list' }).click();
    await expect(page.getByRole('dialog', { name: 'New list' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: /Keyboard shortcuts/ }).click();
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}
