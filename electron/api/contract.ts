import { z } from 'zod';
import type { BackupInfo } from '../../data/backups';
import type { ErrorCode } from '../../data/errors';
import type { Note, ProgressEntry, StudyDocument } from '../../data/schema';
import type { StartupNotice } from '../../data/startup';
import type { StorageHealth } from '../../data/store';
import type { EventName, MethodName } from './channels';

export { APP_ORIGIN, CHANNELS, EVENT_CHANNELS, FLUSH_HOOK, METHOD_NAMES, channelOf, type EventName, type MethodName } from './channels';

/**
 * The whole surface main offers the renderer. Each method's arguments are a zod tuple: main parses
 * every call with it, because arguments that crossed IPC are untrusted until then. The names come from
 * channels.ts; `satisfies` makes this object hold exactly those methods, no more and no fewer.
 */
const RefArg = z.string().min(3).max(400);
/** Generous (16 M characters) so a very long note is accepted, bounded so one call cannot exhaust main. */
export const MAX_NOTE_LENGTH = 16 * 1024 * 1024;

export const methods = {
  getState: z.tuple([]),
  setDone: z.tuple([RefArg, z.boolean()]),
  saveNote: z.tuple([RefArg, z.string().max(MAX_NOTE_LENGTH)]),
  openLink: z.tuple([RefArg]),
  listBackups: z.tuple([]),
  restoreBackup: z.tuple([z.string().min(1).max(200)]),
  startFresh: z.tuple([]),
  openDataFolder: z.tuple([]),
} as const satisfies Record<MethodName, z.ZodTuple>;
export type ArgsOf<M extends MethodName> = z.infer<(typeof methods)[M]>;

export interface AppState {
  /** Null when the data file was damaged and no backup could replace it: the user must choose. */
  document: StudyDocument | null;
  dataFile: string;
  /** What happened at start (a restored backup, recovered changes, …), to tell the user. */
  notices: StartupNotice[];
  /** Set when the data must not be changed (a file from a newer version), with the reason. */
  readOnly: string | null;
  health: StorageHealth;
}

interface Returns {
  getState: AppState;
  setDone: ProgressEntry;
  saveNote: Note | null;
  /** The address handed to the system browser. */
  openLink: string;
  listBackups: BackupInfo[];
  restoreBackup: AppState;
  startFresh: AppState;
  /** The folder shown in the system's file manager. */
  openDataFolder: string;
}
export type ReturnOf<M extends MethodName> = Returns[M];

interface Events {
  stateChanged: AppState;
}
export type PayloadOf<E extends EventName> = Events[E];

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

/** What main implements: plain async functions over a store. */
export type StudyHandlers = { [M in MethodName]: (...args: ArgsOf<M>) => Promise<ReturnOf<M>> };

