import { describe, expect, it } from 'vitest';
import { TypicalHeight } from '../../../renderer/components/virtual-parts';

// The height a long list takes its cards not laid out yet to have (ResourceList's estimate).
describe('the typical height of a list’s cards', () => {
  it('is the first guess until a card is measured', () => {
    expect(new TypicalHeight(190).typical).toBe(190);
  });

  it('is the height seen most often, not the last one seen', () => {
    const heights = new TypicalHeight(190);
    for (const h of [179, 206, 179, 206, 179, 240]) heights.seen(h);
    expect(heights.typical).toBe(179);
    for (const h of [206, 206]) heights.seen(h);
    expect(heights.typical).toBe(206);
  });

  it('ignores a card not laid out (hidden, measured 0)', () => {
    const heights = new TypicalHeight(190);
    heights.seen(0);
    heights.seen(0);
    heights.seen(179);
    expect(heights.typical).toBe(179);
  });
});
