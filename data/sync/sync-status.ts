import type { SyncStatus } from '../model/reports';
import type { Store } from '../storage/store';
import type { DeviceInfo } from './merge';

export type { PeerStatus, SyncStatus } from '../model/reports';

export interface FolderSyncOptions {
  folder: string;
  device: DeviceInfo;
  store: Store;
  /** Told after each merge that changed the data, and whenever the status changes. */
  onChange?: (status: SyncStatus, dataChanged: boolean) => void;
  /** Waits for the sync engine to finish a burst of writes before reading. */
  settleMs?: number;
  /** Looks again this often even without a file event (network file systems miss them). */
  pollMs?: number;
  now?: () => Date;
}
