import { axeViolations } from '../axe';
import { expect, test } from '../fixtures';

// Issue #22, points 2 and 5: search says what it finds in the other lists, one click away; an empty
// list says how to fill it instead of "no match".

test('a search shows what the other lists hold, and one click opens that list with the same search', async ({ app, listPage }) => {
  const page = app.page;
  await expect(listPage.heading).toHaveText('Python behind the scenes: a list of resources');
  const search = page.getByRole('searchbox', { name: 'Search this list' });
  await search.fill('GIL');
  await expect(listPage.resources).toHaveCount(1);
  const elsewhere = page.getByRole('navigation', { name: 'Matches in other lists' });
  await elsewhere.getByRole('button', { name: '1 match in “Python behind the scenes: the blog series”' }).click();
  await expect(listPage.heading).toHaveText('Python behind the scenes: the blog series');
  await expect(search).toHaveValue('GIL');
  await expect(listPage.resources).toHaveCount(1);
  await expect(listPage.resources.first()).toContainText('the GIL and its effects');
  // And back: the first list holds one too.
  await expect(elsewhere.getByRole('button', { name: '1 match in “Python behind the scenes: a list of resources”' })).toBeVisible();
  // A word no list has: nothing offered elsewhere, and the message says it is this list that has none.
  await search.fill('zzzyx');
  await expect(page.getByText('No resource in this list matches.')).toBeVisible();
  await expect(elsewhere).toHaveCount(0);
});

test('an empty list says how to fill it, not that nothing matches', async ({ app, listPage }) => {
  const page = app.page;
  await page.getByRole('button', { name: '+ New list' }).click();
  const dialog = page.getByRole('dialog', { name: 'New list' });
  await dialog.getByLabel('Title').fill('Rust async');
  await dialog.getByRole('button', { name: 'Create list' }).click();
  await expect(listPage.heading).toHaveText('Rust async');
  await expect(page.getByText('This list is empty. Add a resource below (a link alone is enough), drop a file on the window, or import a list.')).toBeVisible();
  await expect(page.getByText(/No resource .*matches/)).toHaveCount(0);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no accessibility violations (axe) with matches in other lists shown — ${colorScheme} theme`, async ({ launch }) => {
    const app = await launch({ colorScheme });
    await app.page.getByRole('searchbox', { name: 'Search this list' }).fill('python');
    await expect(app.page.getByRole('navigation', { name: 'Matches in other lists' }).getByRole('button')).toHaveCount(1);
    expect(await axeViolations(app.page)).toEqual([]);
  });
}
