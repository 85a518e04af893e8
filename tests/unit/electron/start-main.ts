import { expect, vi } from 'vitest';
import { fakeElectron } from './fake-electron';
import { tempDir } from '../helpers';

/**
 * Runs electron/main.ts as Electron would (a fresh module, argv as given) against the fake electron,
 * and waits for its window. What it returns is the running wiring: fire its events to see what main does.
 */
export async function startMain(argv: string[] = [], options: { firstInstance?: boolean; env?: Record<string, string>; entry?: string; online?: boolean; feedVersion?: string } = {}) {
  vi.resetModules();
  const userData = await tempDir();
  const fake = fakeElectron(userData);
  fake.app.requestSingleInstanceLock.mockReturnValue(options.firstInstance ?? true);
  fake.network.online = options.online ?? false;
  fake.updater.feedVersion = options.feedVersion ?? '0.1.0';
  vi.doMock('electron', () => fake.module);
  vi.doMock('electron-updater', () => ({ default: { autoUpdater: fake.updater }, autoUpdater: fake.updater }));
  const savedArgv = process.argv;
  process.argv = ['electron', '.', ...argv];
  for (const [name, value] of Object.entries(options.env ?? {})) vi.stubEnv(name, value);
  try {
    await (options.entry ? import(/* @vite-ignore */ options.entry) : import('../../../electron/main'));
    if (options.firstInstance !== false) await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
  } finally {
    process.argv = savedArgv;
    vi.unstubAllEnvs();
    vi.doUnmock('electron');
    vi.doUnmock('electron-updater');
  }
  return { ...fake, userData, window: fake.windows[0] };
}
