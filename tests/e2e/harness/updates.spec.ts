import { join } from 'node:path';
import { test, expect } from '../fixtures';
import { axeViolations } from '../axe';
import { loopbackUpdater, serveFeed } from '../../support/update-feed';

/**
 * Updates in the window: electron-updater's real .deb updater reads a release feed served on loopback
 * (nothing else is contacted), downloads the new version, and the window offers the restart. Restart is
 * recorded, never run: no real update is installed by any test.
 */
async function withFeed(userDataDir: string, version: string) {
  const server = await serveFeed({ version, installer: Buffer.from(`Studyshelf ${version}`) });
  const updater = await loopbackUpdater(`${server.origin}/`, join(userDataDir, 'updater-test'));
  const installs: number[] = [];
  updater.quitAndInstall = () => void installs.push(Date.now());
  return { server, installs, updates: { updater: async () => updater, isOnline: () => true } };
}

test('a new version on the feed: “ready — restart to update”, and Restart hands over to the installer', async ({ launch, userDataDir }) => {
  const feed = await withFeed(userDataDir, '0.2.0');
  try {
    const app = await launch({ updates: feed.updates });
    const banner = app.page.getByRole('status').filter({ hasText: 'A new version is ready — restart to update.' });
    await expect(banner).toContainText('Studyshelf 0.2.0 was downloaded');
    expect(feed.installs).toHaveLength(0);
    await banner.getByRole('button', { name: 'Restart' }).click();
    await expect.poll(() => feed.installs.length).toBe(1);
  } finally {
    await feed.server.close();
  }
});

test('the setting “Check for updates at start”: off, the next start asks the feed nothing', async ({ launch, userDataDir }) => {
  const feed = await withFeed(userDataDir, '0.1.0');
  try {
    const first = await launch({ updates: feed.updates });
    await expect(first.page.getByRole('status').filter({ hasText: 'Studyshelf is up to date.' })).toBeVisible();
    const box = first.page.getByRole('checkbox', { name: 'Check for updates at start' });
    await expect(box).toBeChecked();
    await box.uncheck();
    await expect(box).not.toBeChecked();
    await first.close();
    const asked = feed.server.requests.length;
    feed.server.current.release = { version: '0.3.0' };
    const second = await launch({ updates: feed.updates });
    await expect(second.page.getByRole('checkbox', { name: 'Check for updates at start' })).not.toBeChecked();
    await expect(second.page.getByText('A new version is ready')).toHaveCount(0);
    expect(feed.server.requests.length).toBe(asked);
  } finally {
    await feed.server.close();
  }
});

test('a feed that does not answer: the sidebar says so in one quiet line, and the app works on', async ({ launch, userDataDir }) => {
  const feed = await withFeed(userDataDir, '0.2.0');
  await feed.server.close();
  const app = await launch({ updates: feed.updates });
  await expect(app.page.getByRole('status').filter({ hasText: /^Could not look for a new version: .*ECONNREFUSED/ })).toBeVisible();
  await expect(app.page.getByRole('alert')).toHaveCount(0);
  await expect(app.page.getByText('A new version is ready')).toHaveCount(0);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no accessibility violations (axe) with the update banner and setting — ${colorScheme} theme`, async ({ launch, userDataDir }) => {
    const feed = await withFeed(userDataDir, '0.2.0');
    try {
      const app = await launch({ colorScheme, updates: feed.updates });
      await expect(app.page.getByRole('button', { name: 'Restart' })).toBeVisible();
      await expect(app.page.getByRole('checkbox', { name: 'Check for updates at start' })).toBeVisible();
      expect(await axeViolations(app.page)).toEqual([]);
    } finally {
      await feed.server.close();
    }
  });
}
