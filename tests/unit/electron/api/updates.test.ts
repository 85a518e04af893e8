import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UpdateService, type UpdateState, type Updater } from '../../../../electron/api/updates';
import { INSTALLER_NAME, loopbackUpdater, serveFeed } from '../../../support/update-feed';
import { tempDir } from '../../helpers';

const servers: Array<{ close: () => Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function feed(release: Parameters<typeof serveFeed>[0]) {
  const server = await serveFeed(release);
  servers.push(server);
  return server;
}

/** The service as the app runs it, with electron-updater's real .deb updater reading `url`. */
async function serviceFor(url: string, options: { online?: boolean; appDir?: string } = {}) {
  const appDir = options.appDir ?? (await tempDir());
  const updater = await loopbackUpdater(url, join(appDir, 'updater'));
  const installs = vi.spyOn(updater, 'quitAndInstall').mockImplementation(() => undefined);
  const seen: UpdateState[] = [];
  const service = new UpdateService({
    appDir,
    platform: { updater: async () => updater, isOnline: () => options.online ?? true },
    onChange: (state) => seen.push(state),
  });
  return { service, seen, installs, appDir, updater };
}

describe('updates, against a release feed served on loopback', () => {
  it('a newer version in latest-linux.yml is downloaded, checked against its sha512, and then “ready”', async () => {
    const installer = Buffer.from('Studyshelf 0.2.0, as a .deb would carry it');
    const server = await feed({ version: '0.2.0', installer });
    const { service, seen, installs, appDir } = await serviceFor(`${server.origin}/`);
    await service.start();
    await vi.waitFor(() => expect(service.state.status).toBe('ready'));
    expect(service.state).toMatchObject({ version: '0.2.0', message: null, checkAtStart: true });
    expect(seen.map((s) => s.status)).toEqual(expect.arrayContaining(['checking', 'downloading', 'ready']));
    expect(server.requests.map((r) => r.path.split('?')[0])).toEqual(expect.arrayContaining(['/latest-linux.yml', `/${INSTALLER_NAME('0.2.0')}`]));
    // The installer the updater would install is the one served, byte for byte.
    const cache = join(appDir, 'updater', 'cache', 'studyshelf-updater', 'pending');
    const files = await readdir(cache);
    expect(await readFile(join(cache, files.find((f) => f.endsWith('.deb'))!))).toEqual(installer);
    // Restart installs it; nothing was installed before the user asked.
    expect(installs).not.toHaveBeenCalled();
    expect(await service.restart()).toBe(true);
    expect(installs).toHaveBeenCalledTimes(1);
  });

  it('the same version as the app: “up to date”, nothing downloaded, and Restart does nothing', async () => {
    const server = await feed({ version: '0.1.0' });
    const { service, installs } = await serviceFor(`${server.origin}/`);
    expect((await service.check()).status).toBe('latest');
    expect(server.requests.map((r) => r.path.split('?')[0])).toEqual(['/latest-linux.yml']);
    expect(await service.restart()).toBe(false);
    expect(installs).not.toHaveBeenCalled();
  });

  it('an installer that does not match its sha512 is never “ready”: the check says it failed, quietly', async () => {
    const server = await feed({ version: '0.2.0', sha512: Buffer.alloc(64, 7).toString('base64') });
    const { service, installs } = await serviceFor(`${server.origin}/`);
    const state = await service.check();
    expect(state.status).toBe('failed');
    expect(state.message).toMatch(/^Could not look for a new version: .*sha512/i);
    expect(await service.restart()).toBe(false);
    expect(installs).not.toHaveBeenCalled();
  });

  it('a feed that is not a release (garbage, a 404, no server at all) fails quietly with one line', async () => {
    const garbage = await feed({ version: '0.2.0', feed: '<html>Not the feed</html>' });
    expect((await (await serviceFor(`${garbage.origin}/`)).service.check()).status).toBe('failed');
    const missing = await feed({ version: '0.2.0' });
    const notFound = await (await serviceFor(`${missing.origin}/nothing-here/`)).service.check();
    expect(notFound.status).toBe('failed');
    expect(notFound.message).toMatch(/404/);
    expect(notFound.message).not.toMatch(/\n/);
    const gone = await feed({ version: '0.2.0' });
    const url = `${gone.origin}/`;
    await gone.close();
    servers.splice(servers.indexOf(gone), 1);
    const refused = await (await serviceFor(url)).service.check();
    expect(refused).toMatchObject({ status: 'failed', message: expect.stringMatching(/ECONNREFUSED/) });
  });

  it('offline: nothing is asked of the network, and the window is told why', async () => {
    const server = await feed({ version: '0.2.0' });
    const { service } = await serviceFor(`${server.origin}/`, { online: false });
    expect(await service.check()).toMatchObject({ status: 'offline', message: expect.stringContaining('No network connection') });
    expect(server.requests).toHaveLength(0);
  });

  it('with the setting off, the start asks nothing; the setting is kept for the next start', async () => {
    const server = await feed({ version: '0.2.0' });
    const first = await serviceFor(`${server.origin}/`);
    await first.service.setCheckAtStart(false);
    const second = await serviceFor(`${server.origin}/`, { appDir: first.appDir });
    await second.service.start();
    expect(second.service.state).toMatchObject({ checkAtStart: false, status: 'idle' });
    expect(server.requests).toHaveLength(0);
    await second.service.setCheckAtStart(true);
    const third = await serviceFor(`${server.origin}/`, { appDir: first.appDir });
    await third.service.start();
    await vi.waitFor(() => expect(third.service.state.status).toBe('ready'));
  });

  it('an updater that cannot even load, or a build without updates, never throws at start', async () => {
    const broken = new UpdateService({ appDir: await tempDir(), platform: { updater: () => Promise.reject(new Error('no app-update.yml')) }, onChange: () => undefined });
    await broken.start();
    await vi.waitFor(() => expect(broken.state).toMatchObject({ status: 'failed', message: 'Could not look for a new version: no app-update.yml' }));
    const none = new UpdateService({ appDir: await tempDir(), onChange: () => undefined });
    await none.start();
    expect((await none.check()).status).toBe('unavailable');
    const unpackaged: Updater = { autoDownload: false, autoInstallOnAppQuit: false, on: () => undefined, checkForUpdates: async () => null, quitAndInstall: vi.fn() };
    const dev = new UpdateService({ appDir: await tempDir(), platform: { updater: async () => unpackaged }, onChange: () => undefined });
    expect((await dev.check()).status).toBe('unavailable');
  });
});
