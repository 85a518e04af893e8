import { defineConfig } from '@playwright/test';

// No retries, in CI or out: a test that needs one has a race nobody understood yet (`npm run flaky`
// runs the suite N times, with a CPU hog if asked, and counts every failure).
// Timeouts are caps on waiting for a condition, not waits: 10 s for one condition to hold and 30 s for
// a test on a busy 2-core machine; a test doing more (two windows, 10,000 resources) says so with
// `test.slow()` and why, which triples its cap.
export default defineConfig({
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  fullyParallel: true,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list', { printSteps: false }]],
  use: { trace: 'retain-on-failure' },
  projects: [
    { name: 'harness', testDir: 'tests/e2e/harness' },
    { name: 'electron', testDir: 'tests/e2e/electron' },
    // Two real Syncthing daemons on loopback: run only through scripts/private-network.ts (a network
    // namespace with nothing but loopback); anywhere else the tests skip with the reason.
    { name: 'syncthing', testDir: 'tests/e2e/syncthing' },
  ],
});
