import { readSaved } from '../../harness/saved';
import { BIG_LIST } from '../../../bench/fixture';
import { launchBigList } from '../big-list';
import { expect, test } from '../fixtures';

// A list of 10,000 resources (a whole bookmarks file): only the cards near the viewport are in the
// page, yet every one can be reached by scrolling, by search and by "what next", and ticked.
test('a 10,000-resource list renders a few cards, scrolls to the last, searches and ticks deep in the list', async ({ launch, userDataDir }) => {
  // 10,000 resources (built on disk, not through the window): main reads and validates them, the window
  // lays them out and indexes them for search, and two full reads of the data file check what was saved.
  test.slow();
  const { app, page, list, doc } = await launchBigList(launch, userDataDir, 10_000, 200_000);
  await expect(list.listProgressText()).toHaveText(/3,?334 of 10,?000 resources done/);
  expect(await list.resources.count()).toBeLessThan(40);

  // Scrolled to the very end, the last resource is there, numbered 10000.
  await page.locator('.content').evaluate((scroller) => (scroller.scrollTop = scroller.scrollHeight));
  const last = doc.lists[0]!.resources.at(-1)!;
  await expect(list.resource(last.title)).toBeVisible();
  await expect(list.resource(last.title)).toContainText('10000.');
  expect(await list.resources.count()).toBeLessThan(40);

  // A search that leaves a few dozen of the 10,000 still renders only what is near the viewport: each
  // keystroke that changes the results mounts a screenful of cards, not every match (48 cards took
  // about 100 ms of the keystroke on the slow machine).
  await page.getByLabel('Search this list').fill('frame obj');
  await expect(page.getByText(/^\d+ of 10,?000 resources$/)).toHaveText(/^4\d of/);
  await expect(list.resources.first()).toBeVisible();
  expect(await list.resources.count()).toBeLessThan(20);

  // Search finds a resource far down the list once the index is ready, and the results are shown from
  // their first, on screen, though the list was scrolled to its end before.
  const target = doc.lists[0]!.resources[8_765]!;
  await page.locator('.content').evaluate((scroller) => (scroller.scrollTop = scroller.scrollHeight));
  await page.getByLabel('Search this list').fill('part 876');
  await expect(page.getByText(/^\d+ of 10,?000 resources$/)).toHaveText(/^11 of/);
  await expect(list.resource(doc.lists[0]!.resources[876]!.title)).toBeInViewport();
  await page.getByLabel('Search this list').fill(target.title.replace(' —', ''));
  await expect(list.resource(target.title)).toBeInViewport();
  await list.checkbox(target.title).check();
  await expect(list.checkbox(target.title)).toBeChecked();
  // On disk as the next start reads it (the data file and the journal).
  await expect.poll(async () => (await readSaved(app.dataFile)).progress[`${BIG_LIST}/${target.id}`]?.status).toBe('done');

  // A part added deep in the list shows at once, is searchable, and is on disk (journaled with its resource).
  const card = list.resource(target.title);
  await card.getByRole('button', { name: /Edit parts|Add parts/ }).click();
  await card.getByRole('textbox', { name: 'Title of a new part' }).fill('Appendix zanzibar');
  await card.getByRole('button', { name: 'Add part' }).click();
  await expect(card.getByRole('textbox', { name: 'Title of part 1' })).toHaveValue('Appendix zanzibar');
  await page.getByLabel('Search this list').fill('zanzibar');
  await expect(list.resources).toHaveCount(1);
  await expect(list.resource(target.title)).toBeVisible();
  await expect
    .poll(async () => (await readSaved(app.dataFile)).lists[0]!.resources[8_765]!.parts.map((p) => p.title))
    .toEqual(['Appendix zanzibar']);
});

// The scrollbar of a long list is as long as its cards are: a card not laid out yet is taken to be as
// tall as the ones seen so far most often are (a fixed guess of 190 px made 10,000 cards of 179 px about
// 110,000 px too long, and every card scrolled in moved all the cards after it).
test('a 10,000-resource list is as long as its cards, before it is scrolled through', async ({ launch, userDataDir }) => {
  const { page, list } = await launchBigList(launch, userDataDir, 10_000);
  await expect(list.resources.first()).toBeVisible();
  const virtualList = page.locator('ol.resources-virtual');
  const length = () => virtualList.evaluate((ol) => ol.getBoundingClientRect().height);
  // The length the scrollbar shows once the first screen is laid out (it no longer changes).
  let last = -1;
  await expect.poll(async () => last === (last = await length())).toBe(true);
  const shown = last;
  // What the cards really measure: a sample from twenty places down the list.
  const heights: number[] = [];
  for (let i = 0; i < 20; i++) {
    await page.locator('.content').evaluate((scroller, at) => (scroller.scrollTop = at * scroller.scrollHeight), i / 20);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    heights.push(...(await virtualList.locator('[data-resource]').evaluateAll((cards) => cards.map((card) => card.getBoundingClientRect().height))));
  }
  const gap = 12;
  const real = 10_000 * (heights.reduce((a, b) => a + b, 0) / heights.length + gap) - gap;
  expect(Math.abs(shown / real - 1)).toBeLessThan(0.025);
});

// The box shows each character in a render of its own; the query reaches the list in a transition
// React may drop for the next key. Typed as fast as the keyboard sends, nothing typed is lost, and a
// Clear or an Escape pressed right after the last key wins over the queries still on their way.
test('typing fast into a 10,000-resource list keeps every character; Clear and Escape right after it win', async ({ launch, userDataDir }) => {
  test.slow();
  const { page } = await launchBigList(launch, userDataDir, 10_000);
  const box = page.getByLabel('Search this list');
  const shown = page.getByText(/^\d+ of 10,?000 resources$/);
  await expect(box).toHaveAttribute('aria-busy', 'false');

  await box.pressSequentially('frame obj');
  await expect(box).toHaveValue('frame obj');
  await expect(shown).toHaveText(/^4\d of/);

  await box.fill('');
  await box.pressSequentially('generator tuple');
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(box).toHaveValue('');
  await expect(page.getByText(/^10,?000 resources$/)).toBeVisible();
  await expect(shown).toHaveCount(0);

  await box.pressSequentially('bytecode');
  await box.press('Escape');
  await expect(box).toHaveValue('');
  await expect(page.getByText(/^10,?000 resources$/)).toBeVisible();
});

// A long list keeps only the cards near the viewport in the page, and a card scrolled far away left
// it: one with its editor open lost what had been typed into it, and the editor, without a word.
test('in a long list, a card being edited keeps its editor and what was typed while the list scrolls far away and back', async ({ launch, userDataDir }) => {
  const { page, list, doc } = await launchBigList(launch, userDataDir, 300, 20_000);
  const first = doc.lists[0]!.resources[0]!;
  await list.resource(first.title).getByRole('button', { name: `Edit ${first.title}` }).click();
  const editor = page.getByRole('form', { name: `Edit ${first.title}` });
  await editor.getByRole('textbox', { name: 'Title' }).fill('A title I was still writing');

  // Far down (the 200th card on screen), then back to the top.
  const far = doc.lists[0]!.resources[200]!;
  await page.locator('.content').evaluate((scroller) => (scroller.scrollTop = scroller.scrollHeight * 0.66));
  await expect(list.resource(far.title)).toBeVisible();
  await page.locator('.content').evaluate((scroller) => (scroller.scrollTop = 0));
  await expect(editor).toBeVisible();
  await expect(editor.getByRole('textbox', { name: 'Title' })).toHaveValue('A title I was still writing');
  await expect(editor.getByRole('textbox', { name: 'Title' })).toBeFocused();
  // Still only the cards near the viewport (and the one kept) are in the page.
  expect(await list.resources.count()).toBeLessThan(30);
});
