import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '../fixtures';

const ARTICLE = fileURLToPath(new URL('../../fixtures/seed-article.md', import.meta.url));

test('import the seed article through the UI with a preview, tick two, export as Markdown', async ({ app, listPage }) => {
  const page = app.page;
  await page.getByLabel('Choose a file to import').setInputFiles(ARTICLE);
  const dialog = page.getByRole('dialog', { name: 'Import “Python behind the scenes: a list of resources”' });
  await expect(dialog.getByRole('status')).toContainText('10 resources will be added as a new list');
  await expect(dialog.getByRole('status')).toContainText('Nothing skipped.');
  // The bundled list has the same title: the update it would make is shown (nothing to change).
  await expect(dialog.getByRole('region', { name: /is already here/ })).toContainText('0 added, 0 removed, 0 changed, 10 kept');
  await expect(dialog.getByRole('region', { name: 'Will be added' }).getByRole('listitem')).toHaveCount(10);
  const before = JSON.parse(await readFile(app.dataFile, 'utf8')).lists.length;
  await dialog.getByRole('button', { name: 'Import as a new list' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Imported “Python behind the scenes: a list of resources”' })).toBeVisible();
  await expect(listPage.resources).toHaveCount(10);
  const saved = JSON.parse(await readFile(app.dataFile, 'utf8'));
  expect(saved.lists).toHaveLength(before + 1);
  const imported = saved.lists.at(-1);
  expect(imported.resources.flatMap((r: { url: string; links: Array<{ url: string }> }) => [r.url, ...r.links.map((l) => l.url)])).toHaveLength(14);

  await listPage.checkbox('PEPs').check();
  await listPage.checkbox('To GIL or not to GIL').check();
  await page.getByText('Export…').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('group', { name: 'This list' }).getByRole('button', { name: 'Markdown task list' }).click()]);
  const content = await readFile((await download.path())!, 'utf8');
  expect(content.split('\n')[0]).toBe('# Python behind the scenes: a list of resources');
  expect(content).toContain('- [x] [PEPs](https://www.python.org/dev/peps/)');
  expect(content).toContain('- [x] [To GIL or not to GIL](https://www.youtube.com/watch?v=7RlqbHCCVyc)');
  expect(content).toContain('- [ ] [Inside The Python Virtual Machine](https://leanpub.com/insidethepythonvirtualmachine)');
  expect(content.match(/^- \[[ x]\]/gm)).toHaveLength(10);
});

test('export everything as CSV: one table with every list', async ({ app, listPage }) => {
  const page = app.page;
  await listPage.checkbox('PEPs').check();
  await page.getByText('Export…').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('group', { name: 'All lists' }).getByRole('button', { name: 'CSV (spreadsheet)' }).click()]);
  expect(download.suggestedFilename()).toBe('studyshelf-all-lists.csv');
  const rows = (await readFile((await download.path())!, 'utf8')).trim().split(/\r?\n/);
  const saved = JSON.parse(await readFile(app.dataFile, 'utf8'));
  expect(rows[0]).toBe('list,title,url,status,started,finished,added,group,author,description,kind,tags,parts,links,note,where_stopped');
  expect(rows).toHaveLength(1 + saved.lists.reduce((n: number, l: { resources: unknown[] }) => n + l.resources.length, 0));
  expect(rows.find((r) => r.includes(',PEPs,'))).toMatch(/^Python behind the scenes: a list of resources,PEPs,https:\/\/www\.python\.org\/dev\/peps\/,done,/);
});

test('a file that cannot be imported says why and changes nothing', async ({ app }) => {
  const before = await readFile(app.dataFile, 'utf8');
  await app.page.getByLabel('Choose a file to import').setInputFiles({ name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from('# Only a heading\n\nand prose') });
  await expect(app.page.getByRole('alert')).toContainText('“notes.md” has no list of links');
  await expect(app.page.getByRole('dialog')).toHaveCount(0);
  expect(await readFile(app.dataFile, 'utf8')).toBe(before);
});

test('the JSON backup exported from the app restores everything (replace), and merges without removing anything', async ({ app, listPage }) => {
  const page = app.page;
  await listPage.checkbox('PEPs').check();
  await (await listPage.openNotes('PEPs')).fill('kept in the backup');
  await expect(listPage.saveStatus('PEPs')).toHaveText('✓ Saved');
  await page.getByText('Export…').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('group', { name: 'All lists' }).getByRole('button', { name: 'JSON backup (restores everything)' }).click()]);
  const backup = await readFile((await download.path())!, 'utf8');

  await listPage.checkbox('PEPs').uncheck();
  await listPage.checkbox('To GIL or not to GIL').check();
  await page.getByLabel('Choose a file to import').setInputFiles({ name: 'studyshelf-backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
  const dialog = page.getByRole('dialog', { name: 'Restore from “studyshelf-backup.json”' });
  await expect(dialog.getByRole('status')).toContainText('2 lists');
  await dialog.getByRole('button', { name: 'Replace everything' }).click();
  await expect(listPage.checkbox('PEPs')).toBeChecked();
  await expect(listPage.checkbox('To GIL or not to GIL')).not.toBeChecked();
  await expect(listPage.resource('PEPs')).toContainText('kept in the backup');
  const saved = JSON.parse(await readFile(app.dataFile, 'utf8'));
  expect(saved.progress['python-behind-the-scenes-resources/peps'].status).toBe('done');

  await listPage.checkbox('Stupid Python Ideas').check();
  await page.getByLabel('Choose a file to import').setInputFiles({ name: 'studyshelf-backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
  await page.getByRole('dialog', { name: 'Restore from “studyshelf-backup.json”' }).getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Merged' })).toBeVisible();
  await expect(listPage.checkbox('Stupid Python Ideas')).toBeChecked();
  await expect(listPage.checkbox('PEPs')).toBeChecked();
});

test('a big import shows its progress and can be cancelled before anything changes', async ({ launch, userDataDir }) => {
  // The job is held at its first stage until the cancel reaches main: it lands at a known point instead
  // of racing a file big enough to be slow on this machine (and too fast on a quicker one). That big
  // files are parsed in slices, each reported, is the importers' unit tests' to show.
  const app = await launch({ holdJob: (_progress, cancelled) => new Promise((resolve) => cancelled.addEventListener('abort', () => resolve(), { once: true })) });
  const page = app.page;
  const before = await readFile(app.dataFile, 'utf8');
  const file = join(userDataDir, 'everything.md');
  await writeFile(file, ['# Everything', '', ...Array.from({ length: 20_000 }, (_, i) => `- [Link ${i}](https://example.com/${i}) - a link worth keeping`)].join('\n'));
  await page.getByLabel('Choose a file to import').setInputFiles(file);
  const progress = page.getByRole('dialog', { name: 'Importing' });
  await expect(progress.getByRole('status')).toHaveText('Reading “everything.md”…');
  expect(Number(await progress.getByRole('progressbar').getAttribute('aria-valuenow'))).toBeLessThan(90);
  // The keyboard presses the very button (the bar moves under a pointer as stages change).
  await progress.getByRole('button', { name: 'Cancel' }).focus();
  await page.keyboard.press('Enter');
  await expect(progress).toBeHidden();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(await readFile(app.dataFile, 'utf8')).toBe(before);
});
