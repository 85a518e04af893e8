import type { Store } from '../store';
import type { DeviceInfo, MergeNotice } from './merge';

export interface PeerStatus {
  id: string;
  name: string;
  /** When this computer last merged that one's changes. */
  lastMergedAt: string | null;
  /** Set while its file cannot be read yet (still arriving): it is read again, never taken as damage. */
  waiting: string | null;
}

export interface SyncStatus {
  folder: string;
  device: DeviceInfo;
  peers: PeerStatus[];
  lastMergeAt: string | null;
  /** What the merges did that the user may want to look at (newest first, at most 20). */
  notices: (MergeNotice & { at: string })[];
  /** Conflict copies made by the sync engine, merged and moved aside. */
  conflictCopiesMerged: number;
}

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
