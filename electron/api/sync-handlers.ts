import { dirname, isAbsolute } from 'node:path';
import { StudyError } from '../../data/model/errors';
import { deviceDir, renameDevice, saveSettings } from '../../data/sync/device';
import { copyData, removeMovedData } from '../../data/sync/move-data';
import type { StudyHandlers } from './contract';
import type { HandlerContext } from './handler-context';
import type { HandlerDeps } from './handlers';

type SyncMethod = 'getSyncStatus' | 'syncNow' | 'chooseDataFolder' | 'moveDataFolder' | 'renameDevice';

/** This computer, its data folder and the sync status; moving the data restarts the app on it. */
export function syncHandlers({ store }: HandlerContext, sync: HandlerDeps['sync'], dialogs: HandlerDeps['dialogs']): Pick<StudyHandlers, SyncMethod> {
  const syncDeps = () => {
    if (!sync) throw new StudyError('invalid-argument', 'Sync is not available in this window.');
    return sync;
  };
  const syncInfo = () => {
    const deps = syncDeps();
    return { device: deps.device, dataFolder: deps.dataFolder, status: deps.folderSync?.status() ?? null };
  };
  /** The folder the system dialog returned last: in Electron, the only one the window may move the data to. */
  let chosenFolder: string | null = null;
  return {
    getSyncStatus: async () => syncInfo(),
    async syncNow() {
      await syncDeps().folderSync?.syncNow();
      return syncInfo();
    },
    async chooseDataFolder() {
      if (!dialogs?.chooseDataFolder) throw new StudyError('invalid-argument', 'This window has no folder dialog; type the folder instead.');
      chosenFolder = await dialogs.chooseDataFolder();
      return chosenFolder;
    },
    async moveDataFolder(folder) {
      const deps = syncDeps();
      if (dialogs && folder !== null && folder !== chosenFolder) {
        throw new StudyError('forbidden', 'Choose the folder with “Choose folder…”.');
      }
      if (folder !== null && !isAbsolute(folder)) throw new StudyError('invalid-argument', 'Choose a folder by its full path.');
      if (store.readOnly()) throw new StudyError('read-only', store.readOnly()!);
      const from = dirname(store.file);
      const to = folder === null ? deps.appDir : deviceDir(folder, deps.device.id);
      // Folds the journal in and stops writing: what is copied is everything, and nothing comes after.
      deps.folderSync?.stop();
      try {
        // A close whose last write failed stops the move (what it held is in the recovery file, next to
        // the data that stays where it is).
        await store.close();
        await copyData(from, to);
        await saveSettings(deps.appDir, { dataFolder: folder });
      } catch (error) {
        // Nothing was switched: the app starts again on the data where it was.
        deps.relaunch();
        throw error;
      }
      await removeMovedData(from, { sharedDeviceDir: deps.dataFolder !== null });
      deps.relaunch();
      return to;
    },
    async renameDevice(name) {
      const deps = syncDeps();
      deps.device = await renameDevice(deps.appDir, deps.device, name);
      await deps.folderSync?.rename(deps.device);
      return syncInfo();
    },
  };
}
