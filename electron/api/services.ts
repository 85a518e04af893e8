import { join } from 'node:path';
import type { RunOptions } from '../../data/links/check-links';
import { FOLLOW_SCHEDULE_FILE_NAME, FollowSchedule } from '../../data/follow/follow-schedule';
import { ListFollower } from '../../data/follow/list-follower';
import { LinkChecker } from '../../data/links/link-checks';
import { LINK_LOG_FILE_NAME, LinkLogFile } from '../../data/links/link-log';
import type { Store } from '../../data/storage/store';
import { FolderSync, type FolderSyncOptions } from '../../data/sync/folder-sync';
import type { EventName } from './channels';
import type { PayloadOf } from './contract';
import type { DataLocation } from './data-dir';
import { stateOf } from './handlers';

export interface ServicesOptions {
  /** The app's own folder: the link log lives there, never in the shared data folder. */
  appDir: string;
  location: DataLocation;
  store: Store;
  nativeDialogs: boolean;
  /** Sends an event to the window (webContents.send in Electron). */
  send: <E extends EventName>(event: E, payload: PayloadOf<E>) => void;
  linkRun?: Partial<RunOptions>;
  syncTiming?: Pick<FolderSyncOptions, 'settleMs' | 'pollMs'>;
}

/**
 * What runs beside the store: link checks and, when the data is in a shared folder, the merging of the
 * other computers' changes. Electron-free, so main and the test harness run the very same wiring.
 * `started` settles after the first merge; the watching goes on until `folderSync.stop()`.
 */
export async function startServices(options: ServicesOptions): Promise<{ links: LinkChecker; follower: ListFollower; followSchedule: FollowSchedule; folderSync: FolderSync | null; started: Promise<void> }> {
  const { appDir, location, store, send } = options;
  const linkLog = new LinkLogFile(join(appDir, LINK_LOG_FILE_NAME));
  await linkLog.load();
  const links = new LinkChecker({
    log: linkLog,
    document: () => store.document(),
    run: options.linkRun,
    onChange: (state) => send('linkChecksChanged', state),
  });
  // A followed list's page is fetched under the link checks' network rules (private network, offline, timeouts).
  const follower = new ListFollower({
    document: () => store.document(),
    change: (apply) => store.change(apply),
    readOnly: () => store.readOnly(),
    run: options.linkRun,
    onChange: (states) => send('followChanged', states),
  });
  // The weekly check of followed lists: this computer's consent, in the app's own folder like the link log.
  const followSchedule = new FollowSchedule({ path: join(appDir, FOLLOW_SCHEDULE_FILE_NAME), checkAll: () => follower.checkAll(), isOnline: options.linkRun?.isOnline });
  await followSchedule.load();
  const folderSync = location.dataFolder
    ? new FolderSync({
        folder: location.dataFolder,
        device: location.device,
        store,
        ...options.syncTiming,
        onChange: (status, dataChanged) => {
          if (dataChanged) send('stateChanged', stateOf(store, options.nativeDialogs));
          send('syncStatusChanged', { device: status.device, dataFolder: location.dataFolder, status });
        },
      })
    : null;
  return { links, follower, followSchedule, folderSync, started: folderSync?.start() ?? Promise.resolve() };
}
