import { describe, expect, it } from 'vitest';
import { longestBlock, mainThreadCpu, MAX_BLOCK_MS } from './stall';

/** Main's own CPU time so far, in ms. */
const cpuMs = () => {
  const used = mainThreadCpu();
  return (used.user + used.system) / 1000;
};

/** The fuzzers' "no stall" checks are only as good as the meter: it must see main kept busy, and only that. */
describe('the stall meter', () => {
  it('sees main kept busy for longer than the limit', async () => {
    const busy = await longestBlock(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      // Busy for 1.5 × the limit of main's own CPU time, not of the wall clock: on a loaded machine
      // (CI runs test files side by side on two cores) 300 ms of the clock gave main 148 ms of CPU,
      // which the meter rightly does not count as main's own work.
      const end = cpuMs() + MAX_BLOCK_MS * 1.5;
      while (cpuMs() < end) {
        // main does nothing else meanwhile
      }
    });
    expect(busy.blockedMs).toBeGreaterThan(MAX_BLOCK_MS);
  });

  it('does not count waiting (a timer, the disk) as blocking', async () => {
    const waiting = await longestBlock(() => new Promise((resolve) => setTimeout(resolve, MAX_BLOCK_MS * 1.5)));
    expect(waiting.blockedMs).toBeLessThan(MAX_BLOCK_MS);
  });
});
