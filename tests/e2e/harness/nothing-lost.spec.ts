import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { backupName } from '../../../data/storage/backups';
import { realFs, type FsSeam } from '../../../data/storage/fs-seam';
import { SCHEMA_VERSION } from '../../../data/model/schema';
import type { LaunchedApp } from '../../harness/launch-app';
import { expect, test } from '../fixtures';
import { ListPage } from '../pages/list-page';

const PBTS = 'python-behind-the-scenes-resources';

/** A profile with a ticked resource and a note, closed, with a backup of that state. */
async function profileWithBackup(launch: () => Promise<LaunchedApp>, userDataDir: string) {
  const app = await launch();
  const list = new ListPage(app.page);
  await list.checkbox('PEPs').check();
  await (await list.openNotes('PEPs')).fill('PEP 587 shipped in 3.8');
  await expect(list.saveStatus('PEPs')).toHaveText('✓ Saved');
  await app.close();
  // The app made its own snapshots; this test wants exactly one backup, of the state above.
  await rm(join(userDataDir, 'backups'), { recursive: true, force: true });
  await mkdir(join(userDataDir, 'backups'), { recursive: true });
  await writeFile(join(userDataDir, 'backups', backupName(new Date('2026-11-25T18:30:00.000Z'), 'auto')), await readFile(app.dataFile));
  return app.dataFile;
}

test('a damaged data file at start: the user is told, the damaged file kept, the backup restored', async ({ launch, userDataDir }) => {
  const dataFile = await profileWithBackup(launch, userDataDir);
  await writeFile(dataFile, '\0'.repeat(2048)); // what a power loss can leave

  const app = await launch();
  const notice = app.page.getByRole('status').filter({ hasText: 'could not be read' });
  await expect(notice).toContainText('zero bytes');
  await expect(notice).toContainText('studyshelf.damaged-');
  const list = new ListPage(app.page);
  await expect(list.checkbox('PEPs')).toBeChecked();
  await expect(list.resource('PEPs')).toContainText('PEP 587 shipped in 3.8');
  const names = await readdir(userDataDir);
  const damaged = names.find((n) => n.startsWith('studyshelf.damaged-'))!;
  expect(await readFile(join(userDataDir, damaged), 'utf8')).toBe('\0'.repeat(2048));
  expect(JSON.parse(await readFile(dataFile, 'utf8')).notes[`${PBTS}/peps`].body).toBe('PEP 587 shipped in 3.8');
});

test('a damaged file and no backup: the app does not start empty by itself; the user chooses', async ({ launch, userDataDir }) => {
  await writeFile(join(userDataDir, 'studyshelf.json'), '{"schemaVersion": 2, "lists": [');
  const app = await launch();
  await expect(app.page.getByRole('heading', { name: 'Your data could not be opened' })).toBeVisible();
  await expect(app.page.getByRole('alert')).toContainText('studyshelf.damaged-');
  await app.page.getByRole('button', { name: 'Open data folder' }).click();
  await expect.poll(() => app.openedFolders).toEqual([userDataDir]);
  await app.page.getByRole('button', { name: 'Start fresh' }).click();
  await expect(new ListPage(app.page).resources).toHaveCount(10);
  expect((await readdir(userDataDir)).some((n) => n.startsWith('studyshelf.damaged-'))).toBe(true);
});

test('the Backups view lists backups with what they hold, and restores one after backing up the current state', async ({ launch, userDataDir }) => {
  // Two starts of the app (one to make the backup), and a restore that backs up first: 23–24 s with a
  // busy loop on both cores (npm run flaky).
  test.slow();
  const dataFile = await profileWithBackup(launch, userDataDir);
  const app = await launch();
  const list = new ListPage(app.page);
  await list.checkbox('PEPs').uncheck();
  await list.checkbox('To GIL or not to GIL').check();

  await app.page.getByRole('button', { name: 'Backups…' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Backups' });
  await expect(dialog).toBeVisible();
  const row = dialog.getByRole('row').filter({ hasText: '2026' }).filter({ has: app.page.getByRole('button', { name: /Restore the backup from .*25, 2026/ }) });
  await expect(row.getByRole('cell').nth(3)).toHaveText('1'); // resources done
  await expect(row.getByRole('cell').nth(4)).toHaveText('1'); // notes
  await row.getByRole('button', { name: /Restore the backup/ }).click();
  await dialog.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.page.getByRole('status').filter({ hasText: 'Backup restored' })).toBeVisible();
  await expect(list.checkbox('PEPs')).toBeChecked();
  await expect(list.checkbox('To GIL or not to GIL')).not.toBeChecked();
  expect(JSON.parse(await readFile(dataFile, 'utf8')).progress[`${PBTS}/peps`].status).toBe('done');

  await app.page.getByRole('button', { name: 'Backups…' }).click();
  await expect(dialog.getByRole('cell', { name: 'Before a restore' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Open data folder' }).click();
  await expect.poll(() => app.openedFolders).toEqual([userDataDir]);
  await app.page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('a change made by another program (a sync engine) shows up on screen, and is not overwritten', async ({ app, listPage }) => {
  await listPage.checkbox('Stupid Python Ideas').check();
  await expect.poll(async () => JSON.parse(await readFile(app.dataFile, 'utf8')).progress[`${PBTS}/stupid-python-ideas`]?.status).toBe('done');
  const doc = JSON.parse(await readFile(app.dataFile, 'utf8'));
  doc.notes[`${PBTS}/peps`] = { body: 'written on the laptop', updatedAt: new Date().toISOString() };
  await writeFile(`${app.dataFile}.sync`, JSON.stringify(doc));
  await rename(`${app.dataFile}.sync`, app.dataFile);

  await expect(listPage.resource('PEPs')).toContainText('written on the laptop');
  await listPage.checkbox('To GIL or not to GIL').check();
  await expect.poll(async () => JSON.parse(await readFile(app.dataFile, 'utf8')).progress[`${PBTS}/to-gil-or-not-to-gil`]?.status).toBe('done');
  expect(JSON.parse(await readFile(app.dataFile, 'utf8')).notes[`${PBTS}/peps`].body).toBe('written on the laptop');
});

test('a full disk: a lasting warning with the reason, nothing lost, and saved once space is back', async ({ launch }) => {
  const disk = { full: false };
  const fs: FsSeam = {
    ...realFs,
    writeFileSynced: (path, data) =>
      disk.full && !path.includes('recovery') ? Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })) : realFs.writeFileSynced(path, data),
    appendFileSynced: (path, data) =>
      disk.full ? Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })) : realFs.appendFileSynced(path, data),
  };
  const app = await launch({ store: { fs, retryDelaysMs: [300] } });
  const list = new ListPage(app.page);
  disk.full = true;
  await list.checkbox('Inside The Python Virtual Machine').check();
  const warning = app.page.getByRole('alert').filter({ hasText: 'cannot save to disk' });
  await expect(warning).toContainText('the disk is full (ENOSPC)');
  await expect(warning).toContainText('studyshelf.recovery.json');
  await expect(list.checkbox('Inside The Python Virtual Machine')).toBeChecked();
  const recovery = JSON.parse(await readFile(app.dataFile.replace('.json', '.recovery.json'), 'utf8'));
  expect(recovery.progress[`${PBTS}/inside-the-python-virtual-machine`].status).toBe('done');

  disk.full = false;
  await expect(warning).toBeHidden();
  expect(JSON.parse(await readFile(app.dataFile, 'utf8')).progress[`${PBTS}/inside-the-python-virtual-machine`].status).toBe('done');
});

test('a data file from a newer Studyshelf opens read-only and is never written', async ({ launch, userDataDir }) => {
  const first = await launch();
  await first.close();
  const doc = JSON.parse(await readFile(first.dataFile, 'utf8'));
  const future = JSON.stringify({ ...doc, schemaVersion: SCHEMA_VERSION + 1 });
  await writeFile(first.dataFile, future);
  const app = await launch();
  await expect(app.page.getByRole('alert').filter({ hasText: 'Read-only' })).toContainText('newer version of Studyshelf');
  await expect(new ListPage(app.page).checkbox('PEPs')).toBeDisabled();
  await app.close();
  expect(await readFile(join(userDataDir, 'studyshelf.json'), 'utf8')).toBe(future);
});
