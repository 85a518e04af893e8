import { openStore } from '../../../data/storage/store';
import { localDay } from '../../../renderer/stats';
import { axeViolations } from '../axe';
import { expect, test } from '../fixtures';
import { ListPage } from '../pages/list-page';

const P = 'python-behind-the-scenes-resources';
const DAY = 86_400_000;

test('the stats view draws a heatmap of the activity log (the right days), the streak, and progress by list and kind', async ({ launch, userDataDir }) => {
  // A profile with known activity: 3 days ago twice, the last two days once each, 40 days ago once.
  const now = Date.now();
  let t = now;
  const store = await openStore({ dir: userDataDir, now: () => new Date(t) });
  t = now - 40 * DAY;
  await store.setDone(`${P}/peps`, true);
  t = now - 3 * DAY;
  await store.setDone(`${P}/python-documentation`, true);
  await store.setStatus(`${P}/stupid-python-ideas`, 'in-progress');
  t = now - 1 * DAY;
  await store.saveNote(`${P}/peps`, 'x');
  t = now;
  await store.setDone(`${P}/to-gil-or-not-to-gil`, true);
  await store.close();

  const app = await launch();
  await app.page.getByRole('button', { name: /^Progress/ }).click();
  const cell = (daysAgo: number) => app.page.locator(`rect[data-date="${localDay(new Date(now - daysAgo * DAY))}"]`);
  await expect(cell(3)).toHaveAttribute('data-count', '2');
  await expect(cell(1)).toHaveAttribute('data-count', '1');
  await expect(cell(0)).toHaveAttribute('data-count', '1');
  await expect(cell(40)).toHaveAttribute('data-count', '1');
  await expect(cell(2)).toHaveAttribute('data-count', '0');
  await expect(app.page.locator('rect[data-date]')).toHaveCount(365 + new Date(now).getDay() + 1 - 1 - (364 - 52 * 7));
  await expect(app.page.getByTestId('streak')).toHaveText('2');
  await expect(app.page.getByRole('img', { name: /4 study days, current streak 2/ })).toBeVisible();
  await expect(app.page.getByRole('progressbar', { name: 'Docs progress' })).toHaveAttribute('aria-valuenow', '100');
  await expect(app.page.getByText('3 of 23 resources done')).toBeVisible();
  await app.close();
  const again = await launch();
  await expect(new ListPage(again.page).resources).toHaveCount(10);
  await again.page.keyboard.press('g');
  await expect(again.page.locator(`rect[data-date="${localDay(new Date(now - 3 * DAY))}"]`)).toHaveAttribute('data-count', '2');
});

// axe once per screen, each screen its own test: the list (with a ticked box and a note open in the
// editor with its preview), the list narrowed by a search (highlighted matches), and the progress view.
for (const colorScheme of ['light', 'dark'] as const) {
  test(`no accessibility violations (axe) on the list with a note open — ${colorScheme} theme`, async ({ launch }) => {
    const app = await launch({ colorScheme });
    const list = new ListPage(app.page);
    await list.checkbox('PEPs').check();
    await (await list.openNotes('PEPs')).fill('- [x] **bold** `code` [link](https://example.com)');
    await expect(list.resource('PEPs').locator('code')).toHaveText('code');
    expect(await axeViolations(app.page)).toEqual([]);
  });

  test(`no accessibility violations (axe) on search results — ${colorScheme} theme`, async ({ launch }) => {
    const app = await launch({ colorScheme });
    await app.page.getByRole('searchbox', { name: 'Search this list' }).fill('python');
    await expect(app.page.locator('mark').first()).toBeVisible();
    expect(await axeViolations(app.page)).toEqual([]);
  });

  test(`no accessibility violations (axe) on the progress view — ${colorScheme} theme`, async ({ launch }) => {
    const app = await launch({ colorScheme });
    await new ListPage(app.page).checkbox('PEPs').check();
    await app.page.getByRole('button', { name: /^Progress/ }).click();
    await expect(app.page.getByTestId('streak')).toBeVisible();
    expect(await axeViolations(app.page)).toEqual([]);
  });
}

test('the theme can be set by hand, and the choice is remembered', async ({ app }) => {
  await app.page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = () => app.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await background()).toBe('rgb(22, 24, 28)');
  await app.page.reload();
  await expect(app.page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
  expect(await background()).toBe('rgb(22, 24, 28)');
});

test('works in a narrow 800 px window: nothing overflows sideways', async ({ launch }) => {
  const app = await launch({ viewport: { width: 800, height: 700 } });
  await new ListPage(app.page).openNotes('PEPs');
  const overflow = () => app.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await overflow()).toBe(0);
  await app.page.getByRole('button', { name: 'Lists and menu' }).click();
  await app.page.getByRole('button', { name: /^Progress/ }).click();
  expect(await overflow()).toBe(0);
});
