import { describe, expect, it } from 'vitest';
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
  }, 60_000 + TRIALS * 3000);
});
