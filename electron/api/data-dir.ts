import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { deviceDir, loadDevice, loadSettings, SETTINGS_FILE_NAME } from '../../data/sync/device';
import type { DeviceInfo } from '../../data/sync/merge';

/**
 * Where the app keeps its data. `--user-data-dir=<path>` moves everything Electron keeps (tests use it);
 * `STUDYSHELF_DATA_DIR` moves only the Studyshelf document (scripts, benchmarks; it does not sync).
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
export interface DataLocation {
  dataDir: string;
  device: DeviceInfo;
  dataFolder: string | null;
}

export async function dataLocation(appDir: string, env: Readonly<Record<string, string | undefined>>): Promise<DataLocation> {
  const device = await loadDevice(appDir);
  const override = env.STUDYSHELF_DATA_DIR?.trim();
  if (override) return { dataDir: override, device, dataFolder: null };
  const { dataFolder } = await loadSettings(appDir);
  if (dataFolder && !(await stat(dataFolder).then((s) => s.isDirectory()).catch(() => false))) {
    // Never start empty in a folder that is only missing for now (a drive not connected, a sync app not
    // started): the data there would look lost, and a fresh one would be made in its place.
    throw new Error(
      `Your data folder ${dataFolder} is not there. Connect its drive or start your sync app, then start Studyshelf again. ` +
        `To use the app's own folder instead, delete ${join(appDir, SETTINGS_FILE_NAME)}.`,
    );
  }
  return { dataDir: dataFolder ? deviceDir(dataFolder, device.id) : appDir, device, dataFolder };
}
