import { describe, expect, it } from 'vitest';
import { longestBlock, MAX_BLOCK_MS } from './stall';

/** The fuzzers' "no stall" checks are only as good as the meter: it must see main kept busy, and only that. */
describe('the stall meter', () => {
  it('sees main kept busy for longer than the limit', async () => {
    const busy = await longestBlock(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      const end = performance.now() + MAX_BLOCK_MS * 1.5;
      while (performance.now() < end) {
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
