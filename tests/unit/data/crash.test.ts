import { describe, expect, it } from 'vitest';
import { runCrashTrials } from '../../crash/crash-trials';
import { tempDir } from '../helpers';

describe('a writer killed with SIGKILL at random moments', () => {
  it('never leaves an unreadable file nor loses an acknowledged change (50 kills; `npm run soak` does 1,000)', async () => {
    const stats = await runCrashTrials(await tempDir(), 50);
    expect(stats.failures).toEqual([]);
    expect(stats.unparsableFiles).toBe(0);
    expect(stats.lostAcknowledgedWrites).toBe(0);
    expect(stats.leftoverTempFiles).toBe(0);
    // The kills must really have landed amid writing, with many changes acknowledged.
    expect(stats.killsWhileWriting).toBeGreaterThanOrEqual(30);
    expect(stats.acknowledged).toBeGreaterThan(100);
  }, 180_000);
});
