import { describe, expect, it } from 'vitest';
import { realFs, type FsSeam } from '../../../data/storage/fs-seam';
import { openStore } from '../../../data/storage/store';
import { whatNextStartLoads } from '../../crash/crash-check';
import { NOTE_REF } from '../../crash/crash-refs';
import { runCrashTrials } from '../../crash/crash-trials';
import { tempDir } from '../helpers';

// STUDYSHELF_CRASH_TRIALS runs more kills (a local soak); `npm run soak` does 1,000.
const TRIALS = Number(process.env.STUDYSHELF_CRASH_TRIALS ?? 50);

describe('a writer killed with SIGKILL at random moments', () => {
  it(`never leaves an unreadable file nor loses an acknowledged change, on a full disk and a jumping clock too (${TRIALS} kills)`, async () => {
    const stats = await runCrashTrials(await tempDir(), TRIALS);
    expect(stats.failures).toEqual([]);
    expect(stats.unparsableFiles).toBe(0);
    expect(stats.lostAcknowledgedWrites).toBe(0);
    expect(stats.leftoverTempFiles).toBe(0);
    // The kills must really have landed amid writing, with many changes acknowledged.
    expect(stats.killsWhileWriting).toBeGreaterThanOrEqual(TRIALS * 0.6);
    expect(stats.acknowledged).toBeGreaterThan(TRIALS * 2);
    const { normal, 'full-disk': fullDisk, clock } = stats.byKind;
    expect(Math.min(normal.trials, fullDisk.trials, clock.trials)).toBeGreaterThanOrEqual(Math.floor(TRIALS / 3));
    // The disk really filled (changes refused) and came back (changes acknowledged after a refusal).
    expect(fullDisk.refused).toBeGreaterThan(0);
    expect(fullDisk.acknowledgedAfterRefusal).toBeGreaterThan(0);
    // The clock really jumped, and snapshots went on being taken.
    expect(clock.clockJumps).toBeGreaterThan(clock.trials);
    expect(stats.backupsCreated).toBeGreaterThan(0);
    // Focus timers were started, and kills found one running (its session then had to be on disk).
    const all = Object.values(stats.byKind);
    expect(all.reduce((n, k) => n + k.timersStarted, 0)).toBeGreaterThan(0);
    expect(all.reduce((n, k) => n + k.timersRunningAtKill, 0)).toBeGreaterThan(0);
  }, 60_000 + TRIALS * 3000);

  it('keeps what was acknowledged once the disk came back, when the recovery file of the failure before lands late', async () => {
    // Found by the full-disk trials' reasoning: the recovery file a failed write starts is read first at
    // the next start; if it lands after the write that followed (disk back) removed it, it hides that write.
    const dir = await tempDir();
    let full = false;
    let wholeWritten = false;
    const opened: { store?: Awaited<ReturnType<typeof openStore>> } = {};
    const enospc = () => Promise.reject(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }));
    const fs: FsSeam = {
      ...realFs,
      async writeFileSynced(path, data) {
        // The recovery write is slow: it starts writing only once the whole write that follows it
        // (the disk back) is on disk.
        while (path.includes('recovery') && !wholeWritten) await new Promise((resolve) => setImmediate(resolve));
        if (full) return enospc();
        await realFs.writeFileSynced(path, data);
        if (!path.includes('recovery') && opened.store) wholeWritten = true;
      },
      appendFileSynced: (path, data) => (full && data ? enospc() : realFs.appendFileSynced(path, data)),
    };
    const store = (opened.store = await openStore({ dir, fs, retryDelaysMs: [60_000], compactAfterMs: 60_000 }));
    full = true;
    await expect(store.saveNote(NOTE_REF, '1')).rejects.toMatchObject({ code: 'io' });
    full = false;
    await store.saveNote(NOTE_REF, '1\n2');
    await store.saveNote(NOTE_REF, '1\n2\n3');
    expect((await whatNextStartLoads(dir))?.doc.notes[NOTE_REF]?.body).toBe('1\n2\n3');
    await store.close();
  });
});
