import { expect, test } from '../fixtures';

/** View → Theme in the menu is the command table's; the palette lists the same commands. */
test('“Theme: Dark” from the palette turns the window dark, the sidebar shows it, and it is kept like the sidebar’s choice', async ({ app }) => {
  const page = app.page;
  const html = page.locator('html');
  const select = page.getByRole('combobox', { name: 'Theme' });
  const chosen = page.getByRole('dialog', { name: 'Go to or run…' }).getByRole('option', { selected: true });
  await expect(select).toHaveValue('system');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('Theme: Dark');
  await expect(chosen).toContainText('Theme: Dark');
  await page.keyboard.press('Enter');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(select).toHaveValue('dark');
  expect(await page.evaluate(() => getComputedStyle(document.body).colorScheme)).toContain('dark');

  await page.keyboard.press('Control+k');
  await page.keyboard.type('Theme: Follow the system');
  await expect(chosen).toContainText('Theme: Follow the system');
  await page.keyboard.press('Enter');
  await expect(html).toHaveAttribute('data-theme', 'system');
  await expect(select).toHaveValue('system');

  await page.keyboard.press('Control+k');
  await page.keyboard.type('Theme: Light');
  await page.keyboard.press('Enter');
  await expect(select).toHaveValue('light');
  await expect(html).toHaveAttribute('data-theme', 'light');
  // Kept where the sidebar's choice is kept (this computer's, read at the next start by theme.ts).
  expect(await page.evaluate(() => localStorage.getItem('studyshelf:theme'))).toBe('light');
});
