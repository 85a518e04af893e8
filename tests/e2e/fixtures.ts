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
  /** What is on disk now, as the next start reads it (the data file and the journal), for the app launched last. */
  readDataFile: () => Promise<StudyDocument>;
  /** The apps this test launched, in order (closed after it). */
  launched: LaunchedApp[];
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
  launched: async ({}, use) => {
    const launched: LaunchedApp[] = [];
    await use(launched);
    for (const app of launched) await app.close();
  },
  launch: async ({ browser, userDataDir, launched }, use) =>
    use(async (options) => {
      const app = await launchApp({ userDataDir, browser, ...options });
      launched.push(app);
      return app;
    }),
  app: async ({ launch }, use) => use(await launch()),
  listPage: async ({ app }, use) => use(new ListPage(app.page)),
  // What is on disk as the next start reads it: the data file, with the journal's ticks replayed. Of the
  // app the test launched last: asking for it does not start one more (a second app on the same profile,
  // beside the one a test launched with its own clock, ran through the test unseen).
  readDataFile: async ({ launched }, use) =>
    use(() => {
      const last = launched.at(-1);
      if (!last) throw new Error('readDataFile: no app was launched yet');
      return readSaved(last.dataFile);
    }),
});

export { expect } from '@playwright/test';
