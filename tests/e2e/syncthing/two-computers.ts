import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, type Browser } from '@playwright/test';
import { launchChromium } from '../../harness/chromium';
import { launchApp, type LaunchedApp } from '../../harness/launch-app';
import { prepareComputer, type Computer } from '../../support/sync-engine';
import { startSyncthingPair, type SyncthingPair } from '../../support/syncthing';
import { syncthingSkipReasonTold } from '../../support/syncthing-guard';
import { ListPage } from '../pages/list-page';

/** One computer: its Studyshelf window on its own copy of the synced folder, which its Syncthing syncs. */
export interface Side {
  computer: Computer;
  app: LaunchedApp;
  list: ListPage;
}

export interface TwoComputers {
  laptop: Side;
  desktop: Side;
  syncthing: SyncthingPair;
  /** Closes both windows like the Electron window does (edits flushed, writes waited for). */
  closeApps(): Promise<void>;
}

interface Options {
  /** Simple versioning (`.stversions/`) on the laptop's folder. */
  versioning: boolean;
}

/**
 * Two real Syncthing devices and two Studyshelf windows, one per "computer", each on its own folder.
 * Skipped, with the reason, wherever Syncthing may not run (outside the private network namespace that
 * scripts/private-network.ts makes, or where Syncthing is not installed).
 */
export const test = base.extend<Options & { computers: TwoComputers }, { browser: Browser }>({
  versioning: [false, { option: true }],
  browser: [
    async ({}, use) => {
      const browser = await launchChromium();
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  computers: async ({ browser, versioning }, use, testInfo) => {
    // Evaluated when the test runs: the one skip there is, where the environment cannot run Syncthing.
    const reason = syncthingSkipReasonTold();
    testInfo.skip(reason !== null, reason ?? '');
    const root = await mkdtemp(join(tmpdir(), 'studyshelf-syncthing-e2e-'));
    const computers: [Computer, Computer] = [
      { profile: join(root, 'laptop'), folder: join(root, 'laptop-Sync', 'Studyshelf'), device: { id: 'dev-laptop', name: 'Laptop' } },
      { profile: join(root, 'desktop'), folder: join(root, 'desktop-Sync', 'Studyshelf'), device: { id: 'dev-desktop', name: 'Desktop' } },
    ];
    for (const c of computers) await prepareComputer(c);
    // Each stage a step of its own, so a slow start says which stage it was in the report and the trace.
    const syncthing = await base.step('start two Syncthing daemons', () =>
      startSyncthingPair({ folders: [computers[0].folder, computers[1].folder], names: ['laptop', 'desktop'], versioningOnA: versioning }),
    );
    const apps: LaunchedApp[] = [];
    try {
      await base.step('wait for the two daemons to connect', () => syncthing.waitConnected());
      for (const computer of computers) {
        apps.push(await base.step(`open the ${computer.device.name} window`, () => launchApp({ userDataDir: computer.profile, browser })));
      }
      const side = (i: number): Side => ({ computer: computers[i]!, app: apps[i]!, list: new ListPage(apps[i]!.page) });
      await use({
        laptop: side(0),
        desktop: side(1),
        syncthing,
        async closeApps() {
          for (const app of apps) await app.close();
        },
      });
    } finally {
      for (const app of apps) await app.close();
      await syncthing.stop();
      await rm(root, { recursive: true, force: true });
    }
  },
});

export { expect } from '@playwright/test';
