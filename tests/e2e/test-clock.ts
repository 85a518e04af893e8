import type { Page } from '@playwright/test';

/** One clock for main's store and the page, moved by the test (the store's `now` seam, Playwright's clock). */
export function testClock() {
  const clock = { t: Date.now() };
  return {
    get now() {
      return clock.t;
    },
    store: { now: () => new Date(clock.t) },
    async move(page: Page, ms: number) {
      clock.t += ms;
      await page.clock.setFixedTime(clock.t);
    },
    async setPage(page: Page) {
      await page.clock.setFixedTime(clock.t);
    },
  };
}
