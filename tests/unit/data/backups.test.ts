import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupName, backupsToDelete, listBackups, newestGoodBackup, parseBackupName, writeBackup } from '../../../data/storage/backups';
import { DATA_FILE_NAME, openStore } from '../../../data/storage/store';
import { PBTS, tempDir } from '../helpers';

const at = (iso: string) => new Date(iso);

describe('backup names', () => {
  it('round-trip time and reason', () => {
    const name = backupName(at('2026-11-26T08:52:00.123Z'), 'before-restore');
    expect(name).toBe('studyshelf-2026-11-26T08-52-00-123Z-before-restore.json');
    expect(parseBackupName(name)).toEqual({ createdAt: at('2026-11-26T08:52:00.123Z'), reason: 'before-restore', seq: 0 });
    const numbered = backupName(at('2026-11-26T08:52:00.123Z'), 'before-migration-v1', 42);
    expect(parseBackupName(numbered)).toEqual({ createdAt: at('2026-11-26T08:52:00.123Z'), reason: 'before-migration-v1', seq: 42 });
    expect(parseBackupName('studyshelf.json')).toBeNull();
    expect(parseBackupName('../studyshelf-2026-11-26T08-52-00-123Z-auto.json')).toBeNull();
  });
});

describe('retention', () => {
  const now = at('2026-11-26T12:00:00.000Z');
  const auto = (iso: string) => backupName(at(iso), 'auto');

  it('keeps the 10 newest', () => {
    const names = Array.from({ length: 12 }, (_, i) => auto(`2026-11-26T${String(i).padStart(2, '0')}:00:00.000Z`));
    // Both older ones are from today, whose newest is kept as the daily: only they go.
    expect(backupsToDelete(names, now)).toEqual([names[1], names[0]]);
  });

  it('keeps the newest of each of the last 14 days, and lets older dailies go', () => {
    const recent = Array.from({ length: 10 }, (_, i) => auto(`2026-11-26T0${i}:00:00.000Z`));
    const days = Array.from({ length: 20 }, (_, d) => auto(new Date(now.getTime() - (d + 1) * 86_400_000).toISOString()));
    const extraSameDay = auto('2026-11-20T01:00:00.000Z');
    const doomed = backupsToDelete([...recent, ...days, extraSameDay], now);
    expect(doomed).toContain(extraSameDay);
    expect(doomed.filter((n) => days.includes(n))).toEqual(days.slice(13));
  });

  it('keeps safety backups (before a restore or migration) for 30 days', () => {
    const recent = Array.from({ length: 10 }, (_, i) => auto(`2026-11-26T0${i}:00:00.000Z`));
    const safety = backupName(at('2026-11-01T10:00:00.000Z'), 'before-restore');
    const oldSafety = backupName(at('2026-10-01T10:00:00.000Z'), 'before-migration-v1');
    expect(backupsToDelete([...recent, safety, oldSafety], now)).toEqual([oldSafety]);
  });
});

describe('backup files', () => {
  it('list newest first with size, resources done and notes; a damaged one is marked unreadable', async () => {
    const dir = await tempDir();
    // The store's own snapshots carry its clock: keep them older than the backups made below.
    const store = await openStore({ dir, now: () => new Date('2026-11-20T09:00:00.000Z') });
    await store.setDone(`${PBTS}/peps`, true);
    await store.saveNote(`${PBTS}/peps`, 'note');
    await store.close(); // the document is written whole (the ticks were in the journal until then)
    const file = join(dir, DATA_FILE_NAME);
    await writeBackup(file, await readFile(file), 'auto', at('2026-11-26T10:00:00.000Z'));
    await writeFile(join(dir, 'backups', backupName(at('2026-11-26T11:00:00.000Z'), 'auto', 99)), '{broken');
    const list = await listBackups(file);
    expect(list.map((b) => b.createdAt).slice(0, 2)).toEqual(['2026-11-26T11:00:00.000Z', '2026-11-26T10:00:00.000Z']);
    expect(list[0]).toMatchObject({ resourcesDone: null, notesCount: null });
    expect(list[1]).toMatchObject({ reason: 'auto', resourcesDone: 1, notesCount: 1 });
    expect(list[1]!.size).toBeGreaterThan(1000);
  });

  it('the newest good backup skips damaged ones', async () => {
    const dir = await tempDir();
    const file = join(dir, DATA_FILE_NAME);
    await mkdir(join(dir, 'backups'));
    const good = (await openStore({ dir: await tempDir() })).document()!;
    await writeFile(join(dir, 'backups', backupName(at('2026-11-25T10:00:00.000Z'), 'auto')), JSON.stringify(good));
    await writeFile(join(dir, 'backups', backupName(at('2026-11-26T10:00:00.000Z'), 'auto')), '\0\0\0\0');
    const found = await newestGoodBackup(file);
    expect(found?.name).toBe(backupName(at('2026-11-25T10:00:00.000Z'), 'auto'));
  });
});

describe('what a backup holds', () => {
  it('counts a resource done through all its parts, as the list’s progress does', async () => {
    const dir = await tempDir();
    const store = await openStore({ dir, now: () => new Date('2026-11-20T09:00:00.000Z') });
    await store.setDone(`${PBTS}/eli-bendersky-python-internals/python-internals-symbol-tables-part-1`, true);
    await store.setDone(`${PBTS}/eli-bendersky-python-internals/python-internals-symbol-tables-part-2`, true);
    await store.close();
    const file = join(dir, DATA_FILE_NAME);
    await writeBackup(file, await readFile(file), 'auto', at('2026-11-26T10:00:00.000Z'));
    const [newest] = await listBackups(file);
    expect(newest!.resourcesDone).toBe(1);
  });
});

describe('a clock that was wrong once', () => {
  const ref = `${PBTS}/peps`;
  const future = () => new Date('2031-05-01T12:00:00.000Z');
  const today = () => new Date('2026-11-26T12:00:00.000Z');

  it('a backup dated in the future does not stop the snapshots of later runs', async () => {
    const dir = await tempDir();
    const first = await openStore({ dir, now: future });
    await first.saveNote(ref, 'written with the clock in 2031');
    await first.close();
    const second = await openStore({ dir, now: future }); // its start snapshot is dated 2031
    await second.close();
    const store = await openStore({ dir, now: today });
    expect((await store.listBackups()).map((b) => b.createdAt)).toContain(today().toISOString());
    await store.close();
  });

  it('restoring "the newest backup" takes the one written last, not the one with the latest date', async () => {
    const dir = await tempDir();
    const first = await openStore({ dir, now: future });
    await first.saveNote(ref, 'stale, from the run with the wrong clock');
    await first.close();
    await (await openStore({ dir, now: future })).close(); // snapshot (2031) of the stale note
    const fixed = await openStore({ dir, now: today });
    await fixed.saveNote(ref, 'newer, written after the clock was fixed');
    await fixed.close();
    const later = () => new Date('2026-11-26T13:00:00.000Z');
    await (await openStore({ dir, now: later })).close(); // snapshot (2026) of the newer note
    await writeFile(join(dir, DATA_FILE_NAME), '\0'.repeat(512)); // a power loss
    const store = await openStore({ dir, now: later });
    expect(store.notices()[0]).toMatchObject({ kind: 'restored-backup' });
    expect(store.document()!.notes[ref]?.body).toBe('newer, written after the clock was fixed');
    await store.close();
  });

  it('the ten kept as "newest" are the ten written last, whatever their dates say', () => {
    const now = at('2026-11-26T12:00:00.000Z');
    const wrongClock = Array.from({ length: 10 }, (_, i) => backupName(at(`2031-05-01T0${i}:00:00.000Z`), 'auto', i + 1));
    const afterwards = Array.from({ length: 10 }, (_, i) => backupName(at(`2026-11-26T0${i}:00:00.000Z`), 'auto', 11 + i));
    const doomed = backupsToDelete([...wrongClock, ...afterwards], now);
    expect(doomed.filter((n) => afterwards.includes(n))).toEqual([]);
  });
});
