import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DATA_FILE_NAME, openStore, type StoreEvent } from '../../../data/storage/store';
import { recoveryFileOf } from '../../../data/storage/startup';
import { errno, faultyFs, PBTS, savedState, tempDir } from '../helpers';

const onDisk = async (dir: string) => JSON.parse(await readFile(join(dir, DATA_FILE_NAME), 'utf8'));

/**
 * A store whose disk fails with `code` at `call` while `failing` is true. A failing write fails the
 * journal's appends too (the same disk); a refused rename only stops the whole-document rewrite.
 */
async function storeWithFlakyDisk(call: string, code: string) {
  const dir = await tempDir();
  const state = { failing: false };
  const calls = call === 'writeFileSynced' ? [call, 'appendFileSynced'] : [call];
  const fs = faultyFs((c, args) => (state.failing && calls.includes(c) && !args[0]?.includes('recovery') ? errno(code) : undefined));
  const store = await openStore({ dir, fs, retryDelaysMs: [20], renameBackoffMs: [1, 1], compactAfterMs: 10 });
  const events: StoreEvent[] = [];
  store.subscribe((e) => events.push(e));
  return { dir, store, state, events };
}

async function recoversOnceTheDiskIsBack(dir: string, store: Awaited<ReturnType<typeof storeWithFlakyDisk>>['store'], state: { failing: boolean }, events: StoreEvent[]) {
  // The recovery file next to the data file holds the unsaved change.
  await vi.waitFor(async () => {
    const recovery = JSON.parse(await readFile(recoveryFileOf(join(dir, DATA_FILE_NAME)), 'utf8'));
    expect(recovery.notes[`${PBTS}/peps`].body).toBe('precious words');
  });
  await vi.waitFor(() => expect(store.health()).toMatchObject({ recoveryFile: expect.stringContaining('recovery') }));

  state.failing = false; // space freed, lock released
  await vi.waitFor(() => expect(store.health()).toEqual({ ok: true }), { timeout: 10_000 });
  expect((await onDisk(dir)).notes[`${PBTS}/peps`].body).toBe('precious words');
  await expect(readFile(recoveryFileOf(join(dir, DATA_FILE_NAME)))).rejects.toThrow(/ENOENT/);
  expect(events.filter((e) => e.type === 'health').map((e) => (e.type === 'health' ? e.health.ok : null))).toContain(true);
  await store.close();
}

describe('a disk that fails', () => {
  it.each([
    ['writeFileSynced', 'ENOSPC', /disk is full/],
    ['writeFileSynced', 'EACCES', /permission was denied/],
    ['writeFileSynced', 'EIO', /input\/output error/],
  ])('%s → %s: the error is shown, the change kept and retried until it is on disk', async (call, code, words) => {
    const { dir, store, state, events } = await storeWithFlakyDisk(call, code);
    state.failing = true;
    const error = await store.saveNote(`${PBTS}/peps`, 'precious words').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'io', message: expect.stringMatching(words) });
    expect(store.health()).toMatchObject({ ok: false, reason: expect.stringMatching(words) });
    expect(store.document()!.notes[`${PBTS}/peps`]?.body).toBe('precious words');
    expect((await savedState(dir)).notes[`${PBTS}/peps`]).toBeUndefined();
    await recoversOnceTheDiskIsBack(dir, store, state, events);
  });

  it.each([
    ['rename', 'EPERM', /not permitted/],
    ['rename', 'EBUSY', /locked by another program/],
  ])('%s → %s: the note is safe in the journal; the rewrite that fails is shown and retried until it is done', async (call, code, words) => {
    const { dir, store, state, events } = await storeWithFlakyDisk(call, code);
    state.failing = true;
    await store.saveNote(`${PBTS}/peps`, 'precious words');
    expect((await savedState(dir)).notes[`${PBTS}/peps`]?.body).toBe('precious words');
    await vi.waitFor(() => expect(store.health()).toMatchObject({ ok: false, reason: expect.stringMatching(words) }));
    expect((await onDisk(dir)).notes[`${PBTS}/peps`]).toBeUndefined();
    await recoversOnceTheDiskIsBack(dir, store, state, events);
  });

  it('a failing fsync is a failed write: the old file stays whole', async () => {
    const dir = await tempDir();
    let failing = false;
    const fs = faultyFs((c) => (failing && (c === 'writeFileSynced' || c === 'appendFileSynced') ? errno('EIO') : undefined));
    const store = await openStore({ dir, fs, retryDelaysMs: [60_000] });
    await store.change((doc) => void (doc.progress[`${PBTS}/peps`] = { status: 'done', startedAt: null, doneAt: null, updatedAt: new Date().toISOString() }));
    const before = await readFile(join(dir, DATA_FILE_NAME), 'utf8');
    // The snapshot at close cannot be written either, and says so in the log.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    failing = true;
    await expect(store.setDone(`${PBTS}/pep-0432`, true)).rejects.toMatchObject({ code: 'unknown-ref' });
    await expect(store.setDone(`${PBTS}/peps/pep-0432`, true)).rejects.toMatchObject({ code: 'io' });
    expect(await readFile(join(dir, DATA_FILE_NAME), 'utf8')).toBe(before);
    // Quitting while the disk still fails says so instead of quitting as if all were saved.
    await expect(store.close()).rejects.toMatchObject({ code: 'io', message: expect.stringMatching(/input\/output error/) });
    expect(await readFile(join(dir, DATA_FILE_NAME), 'utf8')).toBe(before);
    expect(warn).toHaveBeenCalledWith('Studyshelf: backup failed:', expect.stringContaining('EIO'));
    warn.mockRestore();
  });

  it('on close, a last attempt writes what is pending when the disk is back', async () => {
    const dir = await tempDir();
    let failing = false;
    const fs = faultyFs((c, args) => (failing && (c === 'writeFileSynced' || c === 'appendFileSynced') && !args[0]!.includes('recovery') ? errno('ENOSPC') : undefined));
    const store = await openStore({ dir, fs, retryDelaysMs: [60_000] });
    failing = true;
    await store.saveNote(`${PBTS}/peps`, 'last words').catch(() => undefined);
    failing = false;
    await store.close();
    expect((await onDisk(dir)).notes[`${PBTS}/peps`].body).toBe('last words');
  });
});

describe('another program changing the data file', () => {
  async function otherProgramWrites(dir: string, change: (doc: { notes: Record<string, unknown> }) => void, atomic: boolean) {
    const file = join(dir, DATA_FILE_NAME);
    const doc = JSON.parse(await readFile(file, 'utf8'));
    change(doc);
    if (atomic) {
      await writeFile(`${file}.other`, JSON.stringify(doc));
      await rename(`${file}.other`, file);
    } else {
      await new Promise((r) => setTimeout(r, 5)); // a different mtime for an in-place write
      await writeFile(file, JSON.stringify(doc));
    }
  }

  it.each([
    ['replacing it (atomic rename)', true],
    ['writing it in place', false],
  ])('is noticed when %s, reloaded, and not overwritten by the next change', async (_how, atomic) => {
    const dir = await tempDir();
    const store = await openStore({ dir });
    const events: StoreEvent[] = [];
    store.subscribe((e) => events.push(e));
    await store.setDone(`${PBTS}/peps`, true);
    await otherProgramWrites(dir, (doc) => (doc.notes[`${PBTS}/peps`] = { body: 'from the other computer', updatedAt: '2026-11-26T09:00:00.000Z' }), atomic);
    expect(await store.checkDisk()).toBe(true);
    expect(store.document()!.notes[`${PBTS}/peps`]?.body).toBe('from the other computer');
    expect(events).toContainEqual({ type: 'changed', cause: 'disk' });
    // Our tick the other program's file did not have yet (still in our journal) is kept too.
    expect(store.document()!.progress[`${PBTS}/peps`]?.status).toBe('done');
    await store.setDone(`${PBTS}/stupid-python-ideas`, true);
    const disk = await savedState(dir);
    expect(disk.notes[`${PBTS}/peps`]?.body).toBe('from the other computer');
    expect(disk.progress[`${PBTS}/peps`]?.status).toBe('done');
    expect(disk.progress[`${PBTS}/stupid-python-ideas`]?.status).toBe('done');
    await store.close();
    expect((await onDisk(dir)).notes[`${PBTS}/peps`].body).toBe('from the other computer');
  });

  it('is checked before every change, even without a watcher', async () => {
    const dir = await tempDir();
    const store = await openStore({ dir });
    await otherProgramWrites(dir, (doc) => (doc.notes[`${PBTS}/peps`] = { body: 'theirs', updatedAt: '2026-11-26T09:00:00.000Z' }), true);
    await store.setDone(`${PBTS}/peps`, true);
    expect((await onDisk(dir)).notes[`${PBTS}/peps`].body).toBe('theirs');
  });

  it('is noticed on a profile reopened without writing at start', async () => {
    const dir = await tempDir();
    await (await openStore({ dir })).close();
    const store = await openStore({ dir });
    expect(await store.checkDisk()).toBe(false);
    await otherProgramWrites(dir, (doc) => (doc.notes[`${PBTS}/peps`] = { body: 'from elsewhere', updatedAt: '2026-11-26T09:00:00.000Z' }), true);
    expect(await store.checkDisk()).toBe(true);
    expect(store.document()!.notes[`${PBTS}/peps`]?.body).toBe('from elsewhere');
  });

  it('our own writes, however many, are never taken for someone else’s', async () => {
    const dir = await tempDir();
    const store = await openStore({ dir });
    await Promise.all(Array.from({ length: 30 }, (_, i) => store.saveNote(`${PBTS}/peps`, `v${i}`)));
    expect(await store.checkDisk()).toBe(false);
  });

  it('a file another program left unreadable is moved aside and ours written again', async () => {
    const dir = await tempDir();
    const store = await openStore({ dir });
    await store.saveNote(`${PBTS}/peps`, 'mine');
    await writeFile(join(dir, DATA_FILE_NAME), '{"half": ');
    await store.checkDisk();
    expect(store.notices().at(-1)).toMatchObject({ kind: 'damaged-by-other-program' });
    expect((await onDisk(dir)).notes[`${PBTS}/peps`].body).toBe('mine');
  });
});
