import { readFile, writeFile } from 'node:fs/promises';
import { SCHEMA_VERSION } from '../../../data/model/schema';
import { axeViolations } from '../axe';
import { expect, test } from '../fixtures';

// A lasting warning (read-only, cannot save) stays in view however far the list is scrolled, and so
// does the search toolbar: both used to stick at the same place, and the warning covered the toolbar.
test('scrolled down a read-only list, the warning and the search box are both in view, neither under the other', async ({ launch }) => {
  const first = await launch();
  await first.close();
  const doc = JSON.parse(await readFile(first.dataFile, 'utf8'));
  await writeFile(first.dataFile, JSON.stringify({ ...doc, schemaVersion: SCHEMA_VERSION + 1 }));
  const app = await launch();
  const page = app.page;
  const warning = page.getByRole('alert').filter({ hasText: 'Read-only' });
  await expect(warning).toBeVisible();

  await page.locator('.content').evaluate((scroller) => (scroller.scrollTop = 1500));
  await expect.poll(() => page.locator('.content').evaluate((scroller) => scroller.scrollTop)).toBeGreaterThan(1000);
  // What a click at the middle of each would reach: itself, not something drawn over it.
  const reached = (selector: string) =>
    page.locator(selector).evaluate((element) => {
      const box = element.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return box.bottom > 0 && !!hit && element.contains(hit);
    });
  await expect.poll(() => reached('input[aria-label="Search this list"]')).toBe(true);
  await expect.poll(() => reached('.banner-warning')).toBe(true);
  // The strip is a landmark of its own, outside the list's <main>.
  expect(await axeViolations(page)).toEqual([]);
});
