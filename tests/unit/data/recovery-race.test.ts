import { describe, expect, it } from 'vitest';
import { realFs, type FsSeam } from '../../../data/storage/fs-seam';
import { openStore } from '../../../data/storage/store';
import { whatNextStartLoads } from '../../crash/crash-check';
import { WriteHealth } from '../../../data/storage/write-health';
import { errno, PBTS, tempDir } from '../helpers';

const NOTE = `${PBTS}/peps`;

/**
 * A disk that can be full (every write but the recovery file's fails), whose recovery-file writes can be
 * held mid-way, and which tells what is written where.
 */
function disk() {
  const state = { full: false, holdRecovery: false };
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const listeners: Array<(call: 'append' | 'data', path: string) => void> = [];
  const tell = (call: 'append' | 'data', path: string) => listeners.forEach((listener) => listener(call, path));
  const fs: FsSeam = {
    ...realFs,
    async writeFileSynced(path, data) {
      if (path.includes('recovery')) {
        if (state.holdRecovery) await held;
        return realFs.writeFileSynced(path, data);
      }
      if (state.full) throw errno('ENOSPC');
      tell('data', path);
      return realFs.writeFileSynced(path, data);
    },
    async appendFileSynced(path, data) {
      if (state.full) throw errno('ENOSPC');
      if (data) tell('append', path);
      return realFs.appendFileSynced(path, data);
    },
  };
  const next = () => new Promise<'append' | 'data'>((resolve) => listeners.push((call) => resolve(call)));
  return { fs, state, release, next };
}

// Found by the crash test in CI (trial 16, full disk): "note: acknowledged up to 236, the recovery file
// holds up to 234". The disk came back; a whole write succeeded and marked the store healthy, then waited
// for the last recovery file to land before removing it. A change made meanwhile was journaled and
// acknowledged while an older recovery file was still there, and a start reads that file first.
describe('the disk coming back while a recovery file is still being written', () => {
  it('a change acknowledged then is in what the next start loads, even if the app is killed right after', async () => {
    const dir = await tempDir();
    const { fs, state, release, next } = disk();
    const store = await openStore({ dir, fs, retryDelaysMs: [3_600_000], compactAfterMs: 3_600_000 });
    await store.saveNote(NOTE, 'saved');
    state.full = true;
    await expect(store.saveNote(NOTE, 'refused once')).rejects.toMatchObject({ code: 'io' });
    // The first recovery file lands; the next one is held on its way.
    await expect.poll(async () => (await whatNextStartLoads(dir))?.from).toBe('the recovery file');
    state.holdRecovery = true;
    await expect(store.saveNote(NOTE, 'refused twice')).rejects.toMatchObject({ code: 'io' });
    state.full = false;
    const back = store.saveNote(NOTE, 'written whole once the disk is back');
    expect(await next()).toBe('data');
    // A change made while that write waits for the recovery file to land before removing it.
    const path = next();
    let loadedAtAck: Awaited<ReturnType<typeof whatNextStartLoads>> | undefined;
    const made = store.saveNote(NOTE, 'made meanwhile').then(async () => void (loadedAtAck = await whatNextStartLoads(dir)));
    if ((await path) === 'append') await made; // journaled straight away: acknowledged with the old file there
    release();
    await Promise.all([back, made]);
    // What a start would have loaded had the app been killed the moment the change was acknowledged.
    expect(loadedAtAck?.doc.notes[NOTE]?.body).toBe('made meanwhile');
    await store.close();
    expect((await whatNextStartLoads(dir))?.from).toBe('the data file and its journal');
  });
});

describe('write health after a failure', () => {
  const health = (options: { settled?: Promise<void>; remove?: () => Promise<void> } = {}) => {
    const removed: string[] = [];
    const h = new WriteHealth({
      retryDelaysMs: [3_600_000],
      now: () => '2026-12-02T12:00:00.000Z',
      recoveryFile: '/data/studyshelf.recovery.json',
      retry: () => undefined,
      writeRecovery: () => Promise.resolve(),
      recoverySettled: () => options.settled ?? Promise.resolve(),
      removeRecovery: options.remove ?? (async () => void removed.push('recovery')),
      onChange: () => undefined,
    });
    return { h, removed };
  };

  it('is not OK again until the recovery file a start would read first is gone', async () => {
    let land!: () => void;
    const { h, removed } = health({ settled: new Promise<void>((resolve) => (land = resolve)) });
    h.failed(errno('ENOSPC'));
    const back = h.succeeded();
    // The whole write is on disk, but an older recovery file is still there (or on its way).
    expect(h.ok).toBe(false);
    land();
    await expect(back).resolves.toBe(true);
    expect(removed).toEqual(['recovery']);
    expect(h.ok).toBe(true);
    h.close();
  });

  it('stays not OK when the recovery file cannot be removed, and when the disk failed again meanwhile', async () => {
    const stuck = health({ remove: () => Promise.reject(errno('EACCES')) });
    stuck.h.failed(errno('ENOSPC'));
    await expect(stuck.h.succeeded()).resolves.toBe(false);
    expect(stuck.h.current).toMatchObject({ ok: false, reason: expect.any(String) });
    stuck.h.close();

    let land!: () => void;
    const again = health({ settled: new Promise<void>((resolve) => (land = resolve)) });
    again.h.failed(errno('ENOSPC'));
    const back = again.h.succeeded();
    again.h.failed(errno('ENOSPC'));
    land();
    await expect(back).resolves.toBe(false);
    expect(again.h.ok).toBe(false);
    expect(again.removed).toEqual([]);
    again.h.close();
  });
});
