import { mkdtemp, rm } from 'node:fs/promises';
import { readSaved } from '../harness/saved';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, type Browser } from '@playwright/test';
import { launchChromium } from '../harness/chromium';
import { launchApp, type LaunchedApp, type LaunchOptions } from '../harness/launch-app';
import type { StudyDocument } from '../../data/model/schema';
import { ListPage } from './pages/list-page';

interface Fixtures {
  /** A fresh, empty profile folder for this test only. */
  userDataDir: string;
  /** Starts Studyshelf on the harness (again) from this test's profile; closed after the test. */
  launch: (options?: Omit<LaunchOptions, 'userDataDir' | 'browser'>) => Promise<LaunchedApp>;
  /** The app, started once from the fresh profile. */
  app: LaunchedApp;
  listPage: ListPage;
  /** What is on disk now, as the next start reads it (the data file and the journal). */
  readDataFile: () => Promise<StudyDocument>;
}

export const test = base.extend<Fixtures, { browser: Browser }>({
  browser: [
    async ({}, use) => {
      const browser = await launchChromium();
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  userDataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'studyshelf-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  launch: async ({ browser, userDataDir }, use) => {
    const launched: LaunchedApp[] = [];
    await use(async (options) => {
      const app = await launchApp({ userDataDir, browser, ...options });
      launched.push(app);
      return app;
    });
    for (const app of launched) await app.close();
  },
  app: async ({ launch }, use) => use(await launch()),
  listPage: async ({ app }, use) => use(new ListPage(app.page)),
  // What is on disk as the next start reads it: the data file, with the journal's ticks replayed.
  readDataFile: async ({ app }, use) =>
    use(() => readSaved(app.dataFile)),
});

export { expect } from '@playwright/test';
