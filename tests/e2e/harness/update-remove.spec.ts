import { readSaved } from '../../harness/saved';
import { expect, test } from '../fixtures';
import { ListPage } from '../pages/list-page';

// Updating a list from a newer file that no longer has some resources: by default they stay; the
// user may choose to remove them, with their progress and notes, and Undo brings all of it back.
const file = (...items: string[]) => ({
  name: 'reading.md',
  mimeType: 'text/markdown',
  buffer: Buffer.from(['# Evening reading', '', ...items.map((t) => `- [${t}](https://${t.toLowerCase().replace(/\W+/g, '-')}.example/)`)].join('\n')),
});

test('an update may remove what the new file no longer has, and Undo brings it back with its note and tick', async ({ app }) => {
  // Two imports with their previews, an update, an undo, each checked on disk.
  test.slow();
  const page = app.page;
  const list = new ListPage(page);
  await page.getByLabel('Choose a file to import').setInputFiles(file('Alpha post', 'Beta post', 'Gamma post'));
  const first = page.getByRole('dialog', { name: 'Import “Evening reading”' });
  await first.getByRole('button', { name: 'Import list' }).click();
  await expect(first).toBeHidden();
  await list.checkbox('Gamma post').check();
  const box = await list.openNotes('Beta post');
  await box.fill('chapter 2 was the good one');
  await expect(list.saveStatus('Beta post')).toHaveText('✓ Saved');

  await page.getByLabel('Choose a file to import').setInputFiles(file('Alpha post'));
  const update = page.getByRole('dialog', { name: 'Import “Evening reading”' });
  const diff = update.getByRole('region', { name: /is already here/ });
  await expect(diff).toContainText('0 removed');
  await expect(diff).toContainText('2 not in the new file: kept (they have your progress or notes)');
  const remove = update.getByRole('checkbox', { name: 'Remove the 2 resources the new file no longer has, with their progress and notes' });
  await expect(remove).not.toBeChecked();
  await remove.check();
  await expect(diff).toContainText('2 removed');
  await expect(diff).toContainText('Undo brings them back');
  await update.getByRole('button', { name: 'Update the existing list' }).click();
  await expect(update).toBeHidden();

  await expect(list.resource('Beta post')).toHaveCount(0);
  await expect(list.resource('Gamma post')).toHaveCount(0);
  let saved = await readSaved(app.dataFile);
  const listId = saved.lists.find((l) => l.title === 'Evening reading')!.id;
  expect(saved.lists.find((l) => l.id === listId)!.resources.map((r) => r.title)).toEqual(['Alpha post']);
  expect(Object.values(saved.notes).map((n) => n.body)).not.toContain('chapter 2 was the good one');

  await page.getByRole('status').filter({ hasText: 'removed 2 resources the new file no longer has' }).getByRole('button', { name: 'Undo' }).click();
  await expect(list.checkbox('Gamma post')).toBeChecked();
  await expect(list.resource('Beta post')).toContainText('chapter 2 was the good one');
  // Each back where it was.
  await expect(list.resources.locator('h2')).toHaveText([/Alpha post/, /Beta post/, /Gamma post/]);
  saved = await readSaved(app.dataFile);
  const resources = saved.lists.find((l) => l.id === listId)!.resources;
  expect(resources.map((r) => r.title)).toEqual(['Alpha post', 'Beta post', 'Gamma post']);
  expect(saved.notes[`${listId}/${resources[1]!.id}`]?.body).toBe('chapter 2 was the good one');
  expect(saved.progress[`${listId}/${resources[2]!.id}`]?.status).toBe('done');
});

test('the same file again says it is up to date, and removing stays off unless chosen', async ({ app }) => {
  const page = app.page;
  await page.getByLabel('Choose a file to import').setInputFiles(file('Alpha post', 'Beta post'));
  const dialog = page.getByRole('dialog', { name: 'Import “Evening reading”' });
  await dialog.getByRole('button', { name: 'Import list' }).click();
  await expect(dialog).toBeHidden();
  await page.getByLabel('Choose a file to import').setInputFiles(file('Alpha post', 'Beta post'));
  await expect(dialog.getByRole('region', { name: /is already here/ })).toContainText('no changes');
  await expect(dialog.getByRole('checkbox', { name: /^Remove the/ })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Update the existing list' }).click();
  await expect(page.getByRole('status').filter({ hasText: '“Evening reading” is already up to date: nothing changed.' })).toBeVisible();
});
