import type { Page } from '@playwright/test';
import { axeViolations } from '../axe';
import { expect, test } from '../fixtures';
import { ListPage } from '../pages/list-page';

// Issue #22, point 11: at 800 px the sidebar collapses behind a button, and the page never scrolls sideways.

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('11 · at 800 px the sidebar is hidden behind a button; it opens over the list and closes on Esc, a click outside, or a choice in it', async ({ launch }) => {
  const app = await launch({ viewport: { width: 800, height: 700 } });
  const page = app.page;
  const listPage = new ListPage(page);
  const toggle = page.getByRole('button', { name: 'Lists and menu' });
  const nav = page.getByRole('navigation', { name: 'Lists' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(nav).toBeHidden();
  await expect(listPage.resources.first()).toBeVisible();
  expect(await overflow(page)).toBe(0);

  // Opened: over the content, focus in it (on the list shown); Esc closes it and focus is back on the button.
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(nav).toBeVisible();
  await expect(nav.locator('[aria-current="page"]')).toBeFocused();
  expect(await overflow(page)).toBe(0);
  await page.keyboard.press('Escape');
  await expect(nav).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toBeFocused();

  // A click outside it closes it, and does nothing else.
  await toggle.click();
  await expect(nav).toBeVisible();
  await page.mouse.click(780, 650);
  await expect(nav).toBeHidden();

  // Choosing another list shows it, and the panel goes.
  await toggle.press('Enter');
  await expect(nav).toBeVisible();
  await nav.getByRole('button', { name: /the blog series/ }).click();
  await expect(nav).toBeHidden();
  await expect(listPage.heading).toHaveText('Python behind the scenes: the blog series');

  // Wider, the sidebar is always there and there is no button.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(nav).toBeVisible();
  await expect(toggle).toHaveCount(0);
  await page.setViewportSize({ width: 800, height: 700 });
  await expect(nav).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe: 0 violations at 800 px with the sidebar closed and open — ${colorScheme} theme`, async ({ launch }) => {
    const app = await launch({ viewport: { width: 800, height: 700 }, colorScheme });
    const page = app.page;
    await expect(page.getByRole('button', { name: 'Lists and menu' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Lists and menu' }).click();
    await expect(page.getByRole('navigation', { name: 'Lists' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}
