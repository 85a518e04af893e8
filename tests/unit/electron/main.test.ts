import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, FLUSH_HOOK } from '../../../electron/api/channels';
import { fakeElectron } from './fake-electron';
import { PBTS, tempDir } from '../helpers';

async function startMain(argv: string[] = []) {
  vi.resetModules();
  const userData = await tempDir();
  const fake = fakeElectron(userData);
  vi.doMock('electron', () => fake.module);
  const savedArgv = process.argv;
  process.argv = ['electron', '.', ...argv];
  try {
    await import('../../../electron/main');
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
  } finally {
    process.argv = savedArgv;
    vi.doUnmock('electron');
  }
  return { ...fake, userData, window: fake.windows[0]! };
}

describe('main', () => {
  it('opens one secure window on app://studyshelf with the CommonJS preload', async () => {
    const { window, module } = await startMain();
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(String((window.options.webPreferences as { preload: string }).preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(window.loadURL).toHaveBeenCalledWith('app://studyshelf/index.html');
    expect(module.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(module.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(module.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
  });

  it('registers a handler for every channel of the contract, and nothing else', async () => {
    const { handlers } = await startMain();
    expect([...handlers.keys()].sort()).toEqual(CHANNELS.map(([, c]) => c).sort());
  });

  it('serves only our own frame, and writes to the folder given by --user-data-dir', async () => {
    const dir = await tempDir();
    const { handlers } = await startMain([`--user-data-dir=${dir}`]);
    const setDone = handlers.get('studyshelf:setDone')!;
    const foreign = { senderFrame: { url: 'https://evil.example/' } };
    expect(await setDone(foreign, `${PBTS}/peps`, true)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const ours = { senderFrame: { url: 'app://studyshelf/index.html' } };
    expect(await setDone(ours, `${PBTS}/peps`, true)).toMatchObject({ ok: true });
    const onDisk = JSON.parse(await readFile(join(dir, 'studyshelf.json'), 'utf8'));
    expect(onDisk.progress[`${PBTS}/peps`].status).toBe('done');
  });

  it('asks the page to flush pending notes before the window closes', async () => {
    const { window } = await startMain();
    window.close();
    expect(window.webContents.executeJavaScript).toHaveBeenCalledWith(expect.stringContaining(FLUSH_HOOK));
    await vi.waitFor(() => expect(window.close).toHaveBeenCalledTimes(2));
  });
});
