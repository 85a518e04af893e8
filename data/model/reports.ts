import { z } from 'zod';
import type { ListReview } from '../follow/review';
import type { DeviceInfo, MergeNotice } from './merge-types';

// What main reports about its work (link checks, followed lists, storage, backups, sync), as the window
// sees it through the preload API. Declared here, Node-free, so the window's TypeScript project (DOM,
// no Node types) can name them without reaching the modules that do the work.

/**
 * ok: the page answered. redirected: it answered at another address (`movedTo` set when the move is
 * permanent). broken: it is gone (404/410, a name that does not exist, an invalid certificate).
 * unreachable: no verdict — offline, a timeout, a server error or a site that refuses automated checks.
 */
export type LinkState = 'ok' | 'redirected' | 'broken' | 'unreachable';

export interface LinkCheck {
  /** When it was checked (ISO). */
  at: string;
  state: LinkState;
  /** The last HTTP status seen, if any answer came. */
  status: number | null;
  /** What happened, in words. */
  reason: string;
  /** Where the redirects ended. */
  finalUrl: string | null;
  /** The new address, when every redirect from the first one on was permanent (301/308). */
  movedTo: string | null;
  /** The system's error code (ENOTFOUND, CERT_HAS_EXPIRED, …), for "unreachable" and "broken" by network. */
  code: string | null;
}

export const RunSummarySchema = z.object({
  at: z.string(),
  /** The list checked, or null for every list. */
  listId: z.string().nullable(),
  automatic: z.boolean(),
  counts: z.object({ ok: z.number(), redirected: z.number(), broken: z.number(), unreachable: z.number(), notChecked: z.number() }),
  offline: z.boolean(),
  cancelled: z.boolean(),
});

export type RunSummary = z.infer<typeof RunSummarySchema>;

/** What the window shows: the latest verdict per address and the run settings. */
export interface LinkChecksState {
  autoCheck: boolean;
  lastRun: RunSummary | null;
  /** Set while a run (the user's or the weekly one) is going on. */
  running: boolean;
  latest: Record<string, LinkCheck>;
}

/** What reading a pasted link's page did: `filled` the resource, or left it as it was and why. */
export interface PageFill {
  state: 'filled' | 'failed' | 'edited';
  /** A sentence for the card when it was not filled in. */
  reason: string | null;
}

/** What the window shows of one followed list. */
export interface FollowState {
  checking: boolean;
  /** When the page was last checked (this session's checks, else the one the data file remembers); null: never. */
  lastChecked: string | null;
  /** The author's changes found by the last check and not yet reviewed. */
  review: ListReview | null;
  /** What the last check said, in words. */
  message: string | null;
  /** How many of the author's changes the user left (not shown again until the author changes them again). */
  left: number;
}

export interface FollowCheck {
  outcome: 'unchanged' | 'changed' | 'offline' | 'failed';
  message: string;
  review: ListReview | null;
}

/** What happened to the data at start, told to the user once. */
export type StartupNotice =
  | { kind: 'restored-backup'; damagedFile: string; problem: string; backupTakenAt: string }
  | { kind: 'no-backup'; damagedFile: string; problem: string }
  | { kind: 'missing-restored'; backupTakenAt: string }
  | { kind: 'recovered-unsaved'; recoveryFile: string }
  | { kind: 'damaged-by-other-program'; damagedFile: string }
  | { kind: 'read-only'; message: string };

export type StorageHealth =
  | { ok: true }
  | { ok: false; reason: string; since: string; recoveryFile: string | null };

export interface BackupInfo {
  name: string;
  createdAt: string;
  reason: string;
  size: number;
  /** Null when the backup cannot be read; such a backup is listed but cannot be restored. */
  resourcesDone: number | null;
  notesCount: number | null;
}

export interface BackupFilePreview {
  lists: number;
  resources: number;
  resourcesDone: number;
  notesCount: number;
}

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

/** Where a long piece of work is: shown as a progress bar with a Cancel button. */
export interface JobProgress {
  job: string;
  /** What it is doing now, in words (“Finding the links in “bookmarks.html””). */
  stage: string;
  /** How much of the whole is done, 0 to 1. */
  fraction: number;
  /** False once it has started saving: from then on it finishes. */
  cancellable: boolean;
}

/** The weekly check of followed lists, as this computer keeps it (follow-checks.json). */
export const FollowScheduleSchema = z.object({
  version: z.literal(1),
  /** The weekly background check of followed lists: off until the user turns it on (it contacts each list's site). */
  autoCheck: z.boolean(),
  lastAutoRun: z.string().max(100).nullable(),
});

export type FollowScheduleSettings = z.infer<typeof FollowScheduleSchema>;

/** New versions of the app (electron/api/updates.ts). */
export type UpdateStatus = 'idle' | 'unavailable' | 'checking' | 'downloading' | 'latest' | 'ready' | 'offline' | 'failed';

export interface UpdateState {
  /** Look for a new version each time the app starts (the user's setting, on unless turned off). */
  checkAtStart: boolean;
  status: UpdateStatus;
  /** The new version, once found. */
  version: string | null;
  /** A sentence for the window when the last check did not work. */
  message: string | null;
}
