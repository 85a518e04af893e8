import type { Page } from '@playwright/test';

/**
 * Holds the page's next frames (requestAnimationFrame callbacks) back until the returned function lets
 * them go: what the test does meanwhile (a key, a click) comes before them, as on a busy machine.
 */
export async function holdFrames(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(() => {
    const held: FrameRequestCallback[] = [];
    const real = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (callback) => held.push(callback);
    (window as unknown as { releaseFrames: () => void }).releaseFrames = () => {
      window.requestAnimationFrame = real;
      held.splice(0).forEach((callback) => real(callback));
    };
  });
  return () => page.evaluate(() => (window as unknown as { releaseFrames: () => void }).releaseFrames());
}
