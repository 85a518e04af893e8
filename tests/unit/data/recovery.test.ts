import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupName } from '../../../data/storage/backups';
import { DATA_FILE_NAME, openStore } from '../../../data/storage/store';
import { recoveryFileOf } from '../../../data/storage/startup';
import { PBTS, tempDir } from '../helpers';

/** A profile with real progress, and a backup of it in backups/. */
async function profileWithBackup() {
  const dir = await tempDir();
  const store = await openStore({ dir });
  await store.setDone(`${PBTS}/peps`, true);
  await store.saveNote(`${PBTS}/peps`, 'kept in the backup');
  await store.close();
  const file = join(dir, DATA_FILE_NAME);
  await rm(join(dir, 'backups'), { recursive: true, force: true });
  await mkdir(join(dir, 'backups'), { recursive: true });
  await writeFile(join(dir, 'backups', backupName(new Date('2026-11-25T10:00:00.000Z'), 'auto')), await readFile(file));
  return { dir, file };
}

const DAMAGE = [
  ['empty', '', /empty/],
  ['NUL-filled (power loss)', '\0'.repeat(4096), /zero bytes/],
  ['not JSON (cut short)', '{"schemaVersion": 2, "lists": [{"id": "a", "tit', /not valid JSON/],
  ['JSON that fails the schema', '{"schemaVersion": 2, "lists": "nope"}', /not a Studyshelf document/],
] as const;

describe('a damaged data file at start', () => {
  it.each(DAMAGE)('%s: is moved aside, the newest good backup restored, and the user told', async (_kind, content, problem) => {
    const { dir, file } = await profileWithBackup();
    await writeFile(file, content);
    const store = await openStore({ dir });
    expect(store.document()!.progress[`${PBTS}/peps`]?.status).toBe('done');
    expect(store.document()!.notes[`${PBTS}/peps`]?.body).toBe('kept in the backup');
    const [notice] = store.notices();
    expect(notice).toMatchObject({ kind: 'restored-backup', problem: expect.stringMatching(problem), backupTakenAt: '2026-11-25T10:00:00.000Z' });
    const damagedFile = (notice as { damagedFile: string }).damagedFile;
    expect(await readFile(damagedFile, 'utf8')).toBe(content);
    expect(JSON.parse(await readFile(file, 'utf8')).progress[`${PBTS}/peps`].status).toBe('done');
  });

  it.each(DAMAGE)('%s with no backup: nothing starts empty on its own; the user can start fresh', async (_kind, content) => {
    const dir = await tempDir();
    const file = join(dir, DATA_FILE_NAME);
    await writeFile(file, content);
    const store = await openStore({ dir });
    expect(store.document()).toBeNull();
    expect(store.notices()[0]).toMatchObject({ kind: 'no-backup' });
    await expect(store.setDone(`${PBTS}/peps`, true)).rejects.toMatchObject({ code: 'read-only' });
    const names = await readdir(dir);
    expect(names.some((n) => n.startsWith('studyshelf.damaged-'))).toBe(true);
    expect(names).not.toContain(DATA_FILE_NAME);

    await store.startFresh();
    expect(store.document()!.lists).toHaveLength(2);
    expect(JSON.parse(await readFile(file, 'utf8')).lists).toHaveLength(2);
    const damaged = names.find((n) => n.startsWith('studyshelf.damaged-'))!;
    expect(await readFile(join(dir, damaged), 'utf8')).toBe(content);
    await store.close();
  });

  it('a missing data file beside backups is lost data, not a first run: the backup comes back', async () => {
    const { dir, file } = await profileWithBackup();
    await rm(file);
    const store = await openStore({ dir });
    expect(store.notices()[0]).toMatchObject({ kind: 'missing-restored' });
    expect(store.document()!.notes[`${PBTS}/peps`]?.body).toBe('kept in the backup');
  });

  it('changes left in a recovery file by a run that could not save them win, and the file is then removed', async () => {
    const { dir, file } = await profileWithBackup();
    const doc = JSON.parse(await readFile(file, 'utf8'));
    doc.notes[`${PBTS}/peps`] = { body: 'typed while the disk was full', updatedAt: '2026-11-26T09:00:00.000Z' };
    await writeFile(recoveryFileOf(file), JSON.stringify(doc));
    const store = await openStore({ dir });
    expect(store.notices()[0]).toMatchObject({ kind: 'recovered-unsaved' });
    expect(JSON.parse(await readFile(file, 'utf8')).notes[`${PBTS}/peps`].body).toBe('typed while the disk was full');
    expect(await readdir(dir)).not.toContain('studyshelf.recovery.json');
  });
});

describe('restoring a backup', () => {
  it('backs up the current state first, then restores, and tells listeners', async () => {
    const { dir } = await profileWithBackup();
    const store = await openStore({ dir });
    await store.saveNote(`${PBTS}/peps`, 'newer text');
    const events: string[] = [];
    store.subscribe((e) => events.push(e.type));
    const [backup] = (await store.listBackups()).filter((b) => b.reason === 'auto' && b.createdAt.startsWith('2026-11-25'));
    await store.restoreBackup(backup!.name);
    expect(store.document()!.notes[`${PBTS}/peps`]?.body).toBe('kept in the backup');
    const safety = (await store.listBackups()).find((b) => b.reason === 'before-restore');
    expect(safety).toBeDefined();
    expect(events).toContain('changed');
  });

  it.each(['../studyshelf.json', 'studyshelf-2026-11-25T10-00-00-000Z-auto.json.bak', 'nope'])('refuses %s', async (name) => {
    const { dir, file } = await profileWithBackup();
    const store = await openStore({ dir });
    const before = await readFile(file, 'utf8');
    await expect(store.restoreBackup(name)).rejects.toMatchObject({ code: 'invalid-argument' });
    expect(await readFile(file, 'utf8')).toBe(before);
  });
});
