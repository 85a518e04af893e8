import type { Locator, Page } from '@playwright/test';
import { readSaved } from '../../harness/saved';
import { axeViolations } from '../axe';
import { expect, test } from '../fixtures';

// Issue #22, the points still open after first-hour.spec.ts: importing into the list you are in, each
// asserting what a person sees and what is on disk.

/** The toast (there is at most one) whose text has `text`. */
function toast(page: Page, text: string | RegExp): Locator {
  return page.getByRole('status').filter({ hasText: text }).filter({ has: page.getByRole('button', { name: 'Dismiss' }) });
}

const file = (title: string, ...items: Array<[string, string]>) => ({
  name: 'reading.md',
  mimeType: 'text/markdown',
  buffer: Buffer.from([`# ${title}`, '', ...items.map(([t, url]) => `- [${t}](${url})`)].join('\n')),
});

test('5 · "Import into this list" adds a file’s resources to the list you are in (no second list), keeps what is there, and Undo takes them out again', async ({ app, listPage }) => {
  const page = app.page;
  await listPage.newListWith('Compilers', { title: 'Crafting Interpreters', url: 'https://craftinginterpreters.com/' });
  await listPage.checkbox('Crafting Interpreters').check();

  // The file's own title is another one: it still goes into this list.
  await page
    .getByLabel('File to import into this list')
    .setInputFiles(
      file('Evening reading', ['Crafting Interpreters', 'https://craftinginterpreters.com/'], ['Writing a C Compiler', 'https://norasandler.com/book/'], ['The Dragon Book', 'https://suif.stanford.edu/dragonbook/']),
    );
  const preview = page.getByRole('dialog', { name: 'Import “reading.md” into “Compilers”' });
  await expect(preview.getByRole('region', { name: 'Into “Compilers”' })).toContainText('2 added, 0 removed, 0 changed, 1 kept with their progress and notes');
  expect(await axeViolations(page)).toEqual([]);
  await preview.getByRole('button', { name: 'Import into “Compilers”' }).click();
  await expect(preview).toBeHidden();

  await expect(listPage.heading).toHaveText('Compilers');
  await expect(listPage.resources.locator('h2')).toHaveText([/Crafting Interpreters/, /Writing a C Compiler/, /The Dragon Book/]);
  await expect(listPage.checkbox('Crafting Interpreters')).toBeChecked();
  const nav = page.getByRole('navigation', { name: 'Lists' });
  await expect(nav.getByText('Evening reading')).toHaveCount(0);
  let saved = await readSaved(app.dataFile);
  expect(saved.lists.map((l) => l.title)).not.toContain('Evening reading');
  const id = saved.lists.find((l) => l.title === 'Compilers')!.id;
  expect(saved.lists.find((l) => l.id === id)!.resources.map((r) => r.title)).toEqual(['Crafting Interpreters', 'Writing a C Compiler', 'The Dragon Book']);

  await toast(page, 'Imported 2 resources into “Compilers”.').getByRole('button', { name: 'Undo' }).click();
  await expect(listPage.resources.locator('h2')).toHaveText([/Crafting Interpreters/]);
  await expect(listPage.checkbox('Crafting Interpreters')).toBeChecked();
  await expect.poll(async () => (await readSaved(app.dataFile)).lists.find((l) => l.id === id)!.resources.map((r) => r.title)).toEqual(['Crafting Interpreters']);
  saved = await readSaved(app.dataFile);
  expect(Object.keys(saved.progress).filter((k) => k.startsWith(`${id}/`))).toHaveLength(1);
});

test('4 · adding a link already in this list or another warns, naming where it is; the user adds anyway or opens the existing one', async ({ app, listPage }) => {
  const page = app.page;
  const add = page.getByRole('form', { name: 'Add a resource' });
  const nav = page.getByRole('navigation', { name: 'Lists' });
  const before = 10;
  await expect(listPage.resources).toHaveCount(before);
  const peps = listPage.resource('PEPs');
  const pepsLink = (await peps.getByRole('link').first().getAttribute('href'))!;
  // The same address, written differently (no scheme's "s", a trailing slash dropped or added).
  const written = pepsLink.endsWith('/') ? pepsLink.slice(0, -1) : `${pepsLink}/`;
  await add.getByLabel('Title').fill('Python Enhancement Proposals');
  await add.getByRole('textbox', { name: 'Link' }).fill(written);
  await add.getByRole('button', { name: 'Add', exact: true }).click();
  const warning = add.getByRole('alert');
  await expect(warning).toHaveText('This link is already in this list, as “PEPs”.');
  await expect(listPage.resources).toHaveCount(before);
  // What was typed stays, for either choice.
  await expect(add.getByLabel('Title')).toHaveValue('Python Enhancement Proposals');

  await add.getByRole('button', { name: 'Open “PEPs”' }).click();
  await expect(peps).toBeFocused();
  await expect(peps).toBeInViewport();

  await add.getByRole('button', { name: 'Add anyway' }).click();
  await expect(listPage.resources).toHaveCount(before + 1);
  await expect(listPage.resource('Python Enhancement Proposals')).toBeVisible();
  await expect(add.getByRole('alert')).toHaveCount(0);
  await expect.poll(async () => (await readSaved(app.dataFile)).lists[0]!.resources.filter((r) => r.title === 'Python Enhancement Proposals').length).toBe(1);

  // In another list: the warning names that list, and "Open" goes there, to the card.
  await page.getByRole('button', { name: '+ New list' }).click();
  const dialog = page.getByRole('dialog', { name: 'New list' });
  await dialog.getByLabel('Title').fill('Compilers');
  await dialog.getByRole('button', { name: 'Create list' }).click();
  await expect(listPage.heading).toHaveText('Compilers');
  await add.getByRole('textbox', { name: 'Link' }).fill(pepsLink);
  await add.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(add.getByRole('alert')).toHaveText(/^This link is already in “Python behind the scenes: a list of resources”, as “PEPs” \(and in 1 more place\)\.$/);
  await add.getByRole('button', { name: 'Open “PEPs”' }).click();
  await expect(listPage.heading).toHaveText('Python behind the scenes: a list of resources');
  await expect(peps).toBeFocused();
  await expect(nav.getByText('Compilers')).toHaveCount(1);
  expect((await readSaved(app.dataFile)).lists.find((l) => l.title === 'Compilers')!.resources).toEqual([]);
});

const CODEWALK = 'CPython internals: A ten-hour codewalk through the Python interpreter source code';

test('7 · j and k go into a resource’s parts and out again; x ticks the part j reached', async ({ app, listPage }) => {
  const page = app.page;
  const card = listPage.resource(CODEWALK);
  const part = (n: number) => card.getByRole('listitem', { name: new RegExp(`^Part: Lecture ${n} - `) });
  await card.focus();
  await page.keyboard.press('j');
  await expect(part(1)).toBeFocused();
  await page.keyboard.press('j');
  await expect(part(2)).toBeFocused();
  await page.keyboard.press('x');
  await expect(card.getByRole('checkbox', { name: /^Read: Lecture 2 - / })).toBeChecked();
  await expect(card.getByRole('checkbox', { name: /^Read: Lecture 1 - / })).not.toBeChecked();
  await expect.poll(async () => Object.keys((await readSaved(app.dataFile)).progress).filter((k) => k.includes('lecture'))).toHaveLength(1);
  await expect(part(2)).toBeFocused();
  await page.keyboard.press('k');
  await page.keyboard.press('k');
  await expect(card).toBeFocused();
  // Down through the nine lectures and on to the next card; k from there goes back to the last lecture.
  for (let n = 1; n <= 9; n++) {
    await page.keyboard.press('j');
    await expect(part(n)).toBeFocused();
  }
  await page.keyboard.press('j');
  await expect(card.locator('xpath=following-sibling::li[1]')).toBeFocused();
  await page.keyboard.press('k');
  await expect(part(9)).toBeFocused();
});

test('7 · redo (Ctrl+Shift+Z, Ctrl+Y) does again what undo took back: a tick, a delete', async ({ app, listPage }) => {
  const page = app.page;
  const P = 'python-behind-the-scenes-resources';
  const status = async () => (await readSaved(app.dataFile)).progress[`${P}/peps`]?.status;
  await listPage.checkbox('PEPs').check();
  await expect.poll(status).toBe('done');
  await page.keyboard.press('Control+z');
  await expect(listPage.checkbox('PEPs')).not.toBeChecked();
  await expect.poll(status).toBeUndefined();
  await page.keyboard.press('Control+Shift+Z');
  await expect(listPage.checkbox('PEPs')).toBeChecked();
  await expect.poll(status).toBe('done');
  await page.keyboard.press('Control+z');
  await expect(listPage.checkbox('PEPs')).not.toBeChecked();
  await page.keyboard.press('Control+y');
  await expect(listPage.checkbox('PEPs')).toBeChecked();
  await expect.poll(status).toBe('done');
  // Nothing more to redo: a second Ctrl+Y changes nothing.
  await page.keyboard.press('Control+y');
  await expect(listPage.checkbox('PEPs')).toBeChecked();

  const count = await listPage.resources.count();
  await listPage.resource('Stupid Python Ideas').getByRole('button', { name: 'Edit Stupid Python Ideas' }).click();
  await page.getByRole('form', { name: 'Edit Stupid Python Ideas' }).getByRole('button', { name: 'Delete' }).click();
  await expect(listPage.resources).toHaveCount(count - 1);
  await page.keyboard.press('Control+z');
  await expect(listPage.resource('Stupid Python Ideas')).toBeVisible();
  await page.keyboard.press('Control+y');
  await expect(listPage.resource('Stupid Python Ideas')).toHaveCount(0);
  await expect.poll(async () => (await readSaved(app.dataFile)).lists[0]!.resources.some((r) => r.title === 'Stupid Python Ideas')).toBe(false);
  // And the redone delete is undone again like any other.
  await page.keyboard.press('Control+z');
  await expect(listPage.resource('Stupid Python Ideas')).toBeVisible();
  await expect.poll(async () => (await readSaved(app.dataFile)).lists[0]!.resources.some((r) => r.title === 'Stupid Python Ideas')).toBe(true);
});

test('11 · a task box in the note’s preview can be ticked: it edits the note’s Markdown and is saved like an edit', async ({ app, listPage }) => {
  const page = app.page;
  const box = await listPage.openNotes('PEPs');
  await box.fill('Reading:\n\n- [ ] PEP 8\n- [ ] PEP 20');
  const preview = page.getByRole('region', { name: 'Preview of the notes for PEPs' });
  await expect(preview.getByRole('checkbox', { name: 'Open task' })).toHaveCount(2);
  await preview.getByRole('checkbox', { name: 'Open task' }).nth(1).click();
  await expect(box).toHaveValue('Reading:\n\n- [ ] PEP 8\n- [x] PEP 20');
  await expect(preview.getByRole('checkbox', { name: 'Done task' })).toBeChecked();
  await expect(preview.getByRole('checkbox', { name: 'Open task' })).toHaveCount(1);
  await expect.poll(async () => (await readSaved(app.dataFile)).notes['python-behind-the-scenes-resources/peps']?.body).toBe('Reading:\n\n- [ ] PEP 8\n- [x] PEP 20');
  // And back.
  await preview.getByRole('checkbox', { name: 'Done task' }).click();
  await expect(box).toHaveValue('Reading:\n\n- [ ] PEP 8\n- [ ] PEP 20');
  await expect.poll(async () => (await readSaved(app.dataFile)).notes['python-behind-the-scenes-resources/peps']?.body).toBe('Reading:\n\n- [ ] PEP 8\n- [ ] PEP 20');
});

test('11 · quieter part rows: a part’s status menu shows on hover or focus in its row, and stays when it says more than the checkbox', async ({ listPage }) => {
  const card = listPage.resource(CODEWALK);
  const menus = card.getByRole('combobox', { name: /^Status of Lecture \d/ });
  await card.scrollIntoViewIfNeeded();
  await listPage.heading.hover();
  // Nine lectures, nine checkboxes, and no dropdown beside each.
  await expect(card.getByRole('checkbox', { name: /^Read: Lecture \d/ })).toHaveCount(9);
  await expect(menus.filter({ visible: true })).toHaveCount(0);
  const row = card.getByRole('listitem', { name: /^Part: Lecture 3 - / });
  await row.hover();
  const menu = card.getByRole('combobox', { name: /^Status of Lecture 3 - / });
  await expect(menu).toBeVisible();
  await menu.selectOption({ label: 'In progress' });
  await listPage.heading.hover();
  await expect(menu).toBeVisible();
  await expect(menus.filter({ visible: true })).toHaveCount(1);
  // By keyboard: the checkbox focused, its row's menu is there to Tab to.
  await card.getByRole('checkbox', { name: /^Read: Lecture 5 - / }).focus();
  await expect(card.getByRole('combobox', { name: /^Status of Lecture 5 - / })).toBeVisible();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe: 0 violations on the screens this file changed — ${colorScheme} theme`, async ({ launch }) => {
    const app = await launch({ colorScheme });
    const page = app.page;
    await expect(page.getByRole('button', { name: 'Import into this list…' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('File to import into this list').setInputFiles(file('Evening reading', ['PEPs', 'https://peps.python.org/'], ['Writing a C Compiler', 'https://norasandler.com/book/']));
    const preview = page.getByRole('dialog', { name: /^Import “reading.md” into “/ });
    await expect(preview.getByRole('region', { name: /^Into “/ })).toContainText('1 added');
    expect(await axeViolations(page)).toEqual([]);
    await preview.getByRole('button', { name: 'Cancel' }).click();

    const add = page.getByRole('form', { name: 'Add a resource' });
    const pepsLink = (await page.getByRole('listitem', { name: 'PEPs', exact: true }).getByRole('link').first().getAttribute('href'))!;
    await add.getByRole('textbox', { name: 'Link' }).fill(pepsLink);
    await add.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(add.getByRole('alert')).toContainText('already in this list');
    await add.getByRole('button', { name: 'Add anyway' }).scrollIntoViewIfNeeded();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('listitem', { name: 'PEPs', exact: true }).getByRole('button', { name: /note/i }).click();
    await page.getByRole('textbox', { name: 'Notes for PEPs' }).fill('- [ ] PEP 8\n- [x] PEP 20');
    await expect(page.getByRole('region', { name: 'Preview of the notes for PEPs' }).getByRole('checkbox', { name: 'Done task' })).toBeEnabled();
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('11 · the note editor grows with what is written (up to 18 lines, then scrolls) and can be pulled taller', async ({ listPage }) => {
  const box = await listPage.openNotes('PEPs');
  await box.fill('one line');
  const short = (await box.boundingBox())!.height;
  await box.fill(Array.from({ length: 16 }, (_, i) => `line ${i + 1}`).join('\n'));
  await expect.poll(async () => (await box.boundingBox())!.height).toBeGreaterThan(short * 2);
  await expect(box).toHaveCSS('resize', 'vertical');
});

test('5 · "Import into this list" offers every list format Studyshelf reads (a .tsv table too), and not a backup', async ({ app, listPage }) => {
  const page = app.page;
  await expect(listPage.heading).toBeVisible();
  // The file chooser shows what `accept` names: a .tsv was read as a table but not offered before.
  const input = page.getByLabel('File to import into this list');
  const accepted = ((await input.getAttribute('accept')) ?? '').split(',');
  for (const ext of ['.md', '.markdown', '.txt', '.html', '.htm', '.opml', '.xml', '.csv', '.tsv']) expect(accepted).toContain(ext);
  expect(accepted).not.toContain('.json');
});
