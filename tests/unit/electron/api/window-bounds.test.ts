import { describe, expect, it } from 'vitest';
import { restoredWindowState } from '../../../../electron/api/window-bounds';

const laptop = { x: 0, y: 0, width: 1440, height: 900 };
const monitor = { x: 1440, y: 0, width: 2560, height: 1440 };
const min = { width: 800, height: 560 };
const state = (x: number, y: number, width: number, height: number, maximized = false) => ({ bounds: { x, y, width, height }, maximized });

describe('restoredWindowState', () => {
  it('puts the window back where it was', () => {
    expect(restoredWindowState(state(100, 80, 1200, 800), [laptop], min)).toEqual(state(100, 80, 1200, 800));
    expect(restoredWindowState(state(1600, 100, 1800, 1200, true), [laptop, monitor], min)).toEqual(state(1600, 100, 1800, 1200, true));
  });

  it('forgets a place on a monitor that is no longer there', () => {
    expect(restoredWindowState(state(1600, 100, 1800, 1200), [laptop], min)).toBeNull();
  });

  it('fits a window larger than its screen, and pulls a half-off-screen one back on', () => {
    expect(restoredWindowState(state(-300, -100, 3000, 1800), [laptop], min)).toEqual(state(0, 0, 1440, 900));
    expect(restoredWindowState(state(800, 400, 900, 700), [laptop], min)).toEqual(state(540, 200, 900, 700));
  });

  it('never goes below the minimum size', () => {
    expect(restoredWindowState(state(10, 10, 200, 100), [laptop], min)?.bounds).toMatchObject({ width: 800, height: 560 });
  });

  it.each([null, 'x', {}, { bounds: { x: 'a' }, maximized: false }, state(0, 0, -5, 10)])('ignores a damaged file (%j)', (saved) => {
    expect(restoredWindowState(saved, [laptop], min)).toBeNull();
  });
});
