import { expect, test } from '../fixtures';
import { ListPage } from '../pages/list-page';

const CODEWALK = 'CPython internals: A ten-hour codewalk through the Python interpreter source code';
const NOTE = '## Frames 🐍\n\n- `PyFrameObject` holds the value stack\n- Ünïcödé — 中文 — עברית\n\n```c\nPyEval_EvalFrameEx(f, 0);\n```';

test('ticks, lecture progress and a note survive a reload and a relaunch, on the page and on disk', async ({ app, listPage, launch, readDataFile }) => {
  // A reload and a second start of the app: 25–28 s with a busy loop on both cores (npm run flaky).
  test.slow();
  await listPage.checkbox('PEPs').check();
  const codewalk = listPage.resource(CODEWALK);
  await listPage.checkbox('Lecture 3 - Frames, function calls, and scope').check();
  await listPage.checkbox('Lecture 1 - Interpreter and source code overview').check();
  await expect(codewalk).toContainText('2 / 9');
  await expect(codewalk.getByRole('progressbar', { name: /parts read/ })).toHaveAttribute('aria-valuenow', '22');
  // One resource done and 2 of the codewalk's 9 lectures: (1 + 2/9) of 10 resources.
  await expect(listPage.listProgressText()).toHaveText('1 of 10 resources done · 12%');

  const box = await listPage.openNotes('PEPs');
  await box.fill(NOTE);
  await expect(listPage.saveStatus('PEPs')).toHaveText('✓ Saved');

  const disk = await readDataFile();
  const pbts = 'python-behind-the-scenes-resources';
  expect(disk.progress[`${pbts}/peps`]?.status).toBe('done');
  expect(disk.progress[`${pbts}/cpython-internals-ten-hour-codewalk/cpython-internals-lecture-3`]?.status).toBe('done');
  expect(disk.notes[`${pbts}/peps`]?.body).toBe(NOTE);

  await app.page.reload();
  await expect(listPage.checkbox('PEPs')).toBeChecked();
  await expect(listPage.resource(CODEWALK)).toContainText('2 / 9');

  await app.close();
  const again = await launch();
  const page = new ListPage(again.page);
  await expect(page.checkbox('PEPs')).toBeChecked();
  await expect(page.checkbox('Lecture 3 - Frames, function calls, and scope')).toBeChecked();
  await expect(page.checkbox('Lecture 2 - Opcodes and main interpreter loop')).not.toBeChecked();
  await expect(page.resource(CODEWALK)).toContainText('2 / 9');
  // The collapsed note reads as text: the heading's mark is not shown.
  await expect(page.resource('PEPs').locator('.notes-excerpt')).toHaveText('Frames 🐍');
  expect(await (await page.openNotes('PEPs')).inputValue()).toBe(NOTE);
});

test('unticking is saved too', async ({ listPage, readDataFile }) => {
  await listPage.checkbox('Stupid Python Ideas').check();
  await expect(listPage.listProgressText()).toContainText('1 of 10');
  await listPage.checkbox('Stupid Python Ideas').uncheck();
  await expect(listPage.listProgressText()).toContainText('0 of 10');
  await expect.poll(async () => (await readDataFile()).progress['python-behind-the-scenes-resources/stupid-python-ideas']?.status).toBe('todo');
});

test('a resource whose parts are all read counts as done', async ({ listPage }) => {
  const eli = listPage.resource('Python internals');
  await eli.getByRole('checkbox', { name: 'Read: Python internals: Symbol tables, part 1' }).check();
  await eli.getByRole('checkbox', { name: 'Read: Python internals: Symbol tables, part 2' }).check();
  await expect(eli).toContainText('2 / 2');
  await expect(listPage.listProgressText()).toContainText('1 of 10');
});

test('a note typed right before the window closes is not lost', async ({ app, listPage, launch }) => {
  // The page's clock stands still from here: the debounced save cannot fire, so the window closes with
  // the note still only typed (on a busy machine the debounce could otherwise save it first).
  await app.page.clock.install();
  await app.page.clock.pauseAt(Date.now() + 60_000);
  const box = await listPage.openNotes('To GIL or not to GIL');
  await box.pressSequentially('subinterpreters, 12:30', { delay: 5 });
  await expect(listPage.saveStatus('To GIL or not to GIL')).toHaveText('Saving…');
  await app.close(); // the close path must flush it
  const again = await launch();
  await expect(new ListPage(again.page).resource('To GIL or not to GIL')).toContainText('subinterpreters, 12:30');
});

test('a note typed right before a reload is not lost', async ({ app, listPage, readDataFile }) => {
  // As above: the debounced save cannot fire before the reload, so the note is only in the draft.
  await app.page.clock.install();
  await app.page.clock.pauseAt(Date.now() + 60_000);
  const box = await listPage.openNotes('Stupid Python Ideas');
  await box.pressSequentially('hard to navigate', { delay: 5 });
  await expect(listPage.saveStatus('Stupid Python Ideas')).toHaveText('Saving…');
  await app.page.reload();
  await app.page.clock.resume();
  await expect(listPage.resource('Stupid Python Ideas')).toContainText('hard to navigate');
  await expect(app.page.getByRole('status').filter({ hasText: 'Recovered a note for “Stupid Python Ideas”' })).toBeVisible();
  await expect.poll(async () => (await readDataFile()).notes['python-behind-the-scenes-resources/stupid-python-ideas']?.body).toBe('hard to navigate');
});
