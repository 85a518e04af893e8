import { deviceDir, loadDevice, loadSettings } from '../../data/sync/device';
import type { DeviceInfo } from '../../data/sync/merge';

/**
 * Where the app keeps its data. `--user-data-dir=<path>` moves everything Electron keeps (tests use it);
 * `STUDYSHELF_DATA_DIR` moves only the Studyshelf document (e.g. to a synced folder).
 */
export function userDataDirFromArgs(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--user-data-dir=')) return arg.slice('--user-data-dir='.length) || null;
    if (arg === '--user-data-dir') return argv[i + 1] || null;
  }
  return null;
}

export function dataDirFor(userDataDir: string, env: Readonly<Record<string, string | undefined>>): string {
  const override = env.STUDYSHELF_DATA_DIR?.trim();
  return override ? override : userDataDir;
}

/**
 * Where this start's data is: the folder the user chose in Settings → Data folder (this computer's
 * own folder inside it), else the app's folder; `STUDYSHELF_DATA_DIR` overrides both.
 */
export async function dataLocation(
  appDir: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<{ dataDir: string; device: DeviceInfo; dataFolder: string | null }> {
  const device = await loadDevice(appDir);
  const override = env.STUDYSHELF_DATA_DIR?.trim();
  if (override) return { dataDir: override, device, dataFolder: null };
  const { dataFolder } = await loadSettings(appDir);
  return { dataDir: dataFolder ? deviceDir(dataFolder, device.id) : appDir, device, dataFolder };
}
