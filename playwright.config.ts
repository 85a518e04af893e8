import { defineConfig } from '@playwright/test';

export default defineConfig({
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  fullyParallel: true,
  timeout: 30_000,
  reporter: [['list', { printSteps: false }]],
  use: { trace: 'on-first-retry' },
  projects: [
    { name: 'harness', testDir: 'tests/e2e/harness' },
    { name: 'electron', testDir: 'tests/e2e/electron' },
  ],
});
