import { z } from 'zod';
import type { ErrorCode } from '../../data/model/errors';
import type { DeviceInfo } from '../../data/model/merge-types';
import type { BackupFilePreview, BackupInfo, JobProgress, FollowState, LinkCheck, LinkChecksState, PageFill, RunSummary, StartupNotice, StorageHealth, SyncStatus } from '../../data/model/reports';
import type { RemovedPart } from '../../data/model/part-ops';
import type { ImportPreview } from '../../data/import/imported';
import { IdSchema, NoteSchema, REVIEW_ANSWERS, ProgressEntrySchema, ResourceSchema, StatusSchema, StudyListSchema, type Note, type Part, type ProgressEntry, type Resource, type StudyDocument, type StudyList } from '../../data/model/schema';
import type { ListPutBack, Removed } from '../../data/model/list-ops';
import type { EventName, MethodName } from './channels';
import { followMethods, type FollowReturns } from './contract-follow';
import type { WindowCommandId } from './command-table';
import type { DeepLink } from './deep-link';
import type { UpdateState } from '../../data/model/reports';
import { isSafeExternalUrl } from './external-url';

export { APP_ORIGIN, CHANNELS, EVENT_CHANNELS, FLUSH_HOOK, METHOD_NAMES, channelOf, type EventName, type MethodName } from './channels';

/**
 * The whole surface main offers the renderer. Each method's arguments are a zod tuple: main parses
 * every call with it, because arguments that crossed IPC are untrusted until then. The names come from
 * channels.ts; `satisfies` makes this object hold exactly those methods, no more and no fewer.
 */
const RefArg = z.string().min(3).max(400);
/** Names a long piece of work, so its progress events can be told apart and it can be cancelled. */
const JobId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
const ExportFormatSchema = z.enum(['markdown', 'markdown-notes', 'csv', 'json', 'sessions-csv']);
/** Generous (16 M characters) so a very long note is accepted, bounded so one call cannot exhaust main. */
export const MAX_NOTE_LENGTH = 16 * 1024 * 1024;
const Title = z.string().max(500);
/** A part's own link: an http(s) address, or none (it then opens its resource's link). */
const PartUrl = z
  .string()
  .max(4096)
  .refine((url) => isSafeExternalUrl(url), 'a link must be an http or https address')
  .nullable();
const Index = z.number().int().min(0).max(100_000);
const ListFields = z.object({ title: Title, description: z.string().max(10_000) });
/**
 * Tags as the window sent them, bounded so one call cannot exhaust main; the command cleans them and
 * refuses, with a sentence, what cannot be kept (data/model/tags.ts).
 */
const TagsArg = z.array(z.string().max(1000)).max(1000);
const ResourceFields = z.object({
  title: Title,
  url: PartUrl,
  author: z.string().max(500).nullable(),
  description: z.string().max(10_000),
  kind: z.string().max(100).optional(),
  tags: TagsArg.optional(),
  /** Typed by the user (data/model/estimate.ts parses it in the window); null clears it. */
  estimateMinutes: z.number({ error: 'Type the estimate in minutes.' }).int('Type whole minutes.').min(1, 'An estimate is at least 1 minute.').max(100_000, 'An estimate is at most 100,000 minutes.').nullable().optional(),
  id: IdSchema.optional(),
});
/** Minutes of one study session, as the user typed them. */
const StudyMinutes = z.number({ error: 'Type the minutes as a number.' }).int('Type whole minutes.').min(0, 'Minutes cannot be negative.').max(24 * 60, 'A session is at most 24 hours (1440 minutes).');
const RemovedEntries = { index: Index, progress: z.record(z.string(), ProgressEntrySchema), notes: z.record(z.string(), NoteSchema) };

export const methods = {
  getState: z.tuple([]),
  setDone: z.tuple([RefArg, z.boolean()]),
  setStatus: z.tuple([RefArg, StatusSchema]),
  clearStatus: z.tuple([RefArg]),
  saveNote: z.tuple([RefArg, z.string().max(MAX_NOTE_LENGTH)]),
  saveWhereStopped: z.tuple([RefArg, z.string().max(500)]),
  addPart: z.tuple([RefArg, Title, PartUrl]),
  renamePart: z.tuple([RefArg, Title]),
  movePart: z.tuple([RefArg, Index]),
  removePart: z.tuple([RefArg]),
  insertPart: z.tuple([RefArg, z.object({ id: IdSchema, title: Title, url: PartUrl }), Index, ProgressEntrySchema.nullable()]),
  openLink: z.tuple([RefArg]),
  /** A link written in a note: opened only when it is http(s). */
  openUrl: z.tuple([z.string().max(4096)]),
  createList: z.tuple([ListFields]),
  updateList: z.tuple([IdSchema, ListFields]),
  moveList: z.tuple([IdSchema, Index]),
  deleteList: z.tuple([IdSchema]),
  restoreList: z.tuple([z.object({ item: StudyListSchema, ...RemovedEntries })]),
  resetList: z.tuple([IdSchema]),
  addResource: z.tuple([IdSchema, ResourceFields]),
  updateResource: z.tuple([RefArg, ResourceFields]),
  moveResource: z.tuple([RefArg, IdSchema, Index]),
  deleteResource: z.tuple([RefArg]),
  restoreResource: z.tuple([z.object({ item: ResourceSchema, listId: IdSchema, ...RemovedEntries })]),
  /** The undo of an import into a list: the list's snapshot importList answered with (`before`). */
  putBackList: z.tuple([z.object({ item: StudyListSchema, ...RemovedEntries, after: z.object({ item: StudyListSchema, progress: z.record(z.string(), ProgressEntrySchema), notes: z.record(z.string(), NoteSchema) }).optional() })]),
  /** The undo of setStatus: the entry before it (null: none) and the `updatedAt` setStatus answered. */
  undoStatus: z.tuple([RefArg, ProgressEntrySchema.nullable(), z.iso.datetime({ offset: true })]),
  /** A file the user chose or dropped: its name and its text (read in the page, parsed in main). */
  previewImport: z.tuple([z.string().max(500), z.string(), JobId.optional(), z.strictObject({ intoListId: IdSchema }).optional()]),
  /** `removeMissing`: an update also removes what the file no longer has (kept by default), with its progress and notes. */
  importList: z.tuple([z.string().max(500), z.string(), z.enum(['new', 'update']), JobId.optional(), z.strictObject({ removeMissing: z.boolean().optional(), intoListId: IdSchema.optional() }).optional()]),
  /** Stops a job (see jobProgress) before it changes anything; false when it is too late. */
  cancelJob: z.tuple([JobId]),
  /** One resource as it is now, with its progress and note: what the window re-reads after editing it. */
  getResource: z.tuple([RefArg]),
  previewBackupFile: z.tuple([z.string().max(500), z.string()]),
  /** Replace everything with the backup's data, or merge it into the current data. */
  restoreFromFile: z.tuple([z.string().max(500), z.string(), z.enum(['replace', 'merge'])]),
  /** One list, or every list (null). */
  exportList: z.tuple([IdSchema.nullable(), ExportFormatSchema, JobId.optional()]),
  /** The system's open dialog (Electron only: see AppState.nativeDialogs); null when cancelled. */
  openImportFile: z.tuple([]),
  /** The system's save dialog, then the file written whole; null when cancelled. */
  saveExport: z.tuple([IdSchema.nullable(), ExportFormatSchema, JobId.optional()]),
  listBackups: z.tuple([]),
  restoreBackup: z.tuple([z.string().min(1).max(200)]),
  startFresh: z.tuple([]),
  openDataFolder: z.tuple([]),
  getLinkChecks: z.tuple([]),
  /** Every check of one address, newest first. */
  getLinkHistory: z.tuple([z.string().max(4096)]),
  /** One list's links, or every list's (null), as a job: progress events and cancel, keeping what was checked. */
  checkLinks: z.tuple([IdSchema.nullable(), JobId.optional()]),
  /** The weekly background check: the user's consent to contact every resource's site. */
  setAutoCheckLinks: z.tuple([z.boolean()]),
  /** Points the item at the address the last check found it moved to; the old one is kept. */
  useNewAddress: z.tuple([RefArg]),
  /** The Wayback Machine's copy of the item's link, in the system browser. */
  openArchivedCopy: z.tuple([RefArg]),
  getSyncStatus: z.tuple([]),
  /** Merges the other computers' changes now (it also happens by itself when their files change). */
  syncNow: z.tuple([]),
  /** The system's folder dialog (Electron only); null when cancelled. */
  chooseDataFolder: z.tuple([]),
  /**
   * Moves the data to the folder (this computer's own folder inside it), or back to the app's folder
   * (null), then restarts the app on it. In Electron only a folder the dialog returned is accepted.
   */
  moveDataFolder: z.tuple([z.string().min(1).max(4096).nullable()]),
  /** This computer's name, as conflict markers and the other computers show it. */
  renameDevice: z.tuple([z.string().trim().min(1, 'A computer needs a name.').max(200)]),
  /**
   * Reads the page of a resource that was just pasted or dropped (its address as its title, nothing
   * else written) and fills in what the page says; a resource edited by hand meanwhile is left alone.
   */
  fillFromPage: z.tuple([RefArg]),
  /** The focus timer on a resource or part: a stopwatch or Pomodoro (work/break minutes from the settings). */
  startTimer: z.tuple([RefArg, z.enum(['stopwatch', 'pomodoro'])]),
  pauseTimer: z.tuple([]),
  resumeTimer: z.tuple([]),
  /** Keeps the session; the minutes when the user says how long it really was (after a crash). */
  stopTimer: z.tuple([StudyMinutes.optional()]),
  /** A session's minutes, or null to remove it. */
  editSession: z.tuple([IdSchema, StudyMinutes.nullable()]),
  answerReview: z.tuple([RefArg, z.enum(REVIEW_ANSWERS), z.string().max(10_000)]),
  setStudySettings: z.tuple([
    z.strictObject({
      timerMode: z.enum(['stopwatch', 'pomodoro']).optional(),
      workMinutes: z.number().int().min(1).max(180).optional(),
      breakMinutes: z.number().int().min(1).max(60).optional(),
      weeklyGoalMinutes: z.number().int().min(0).max(7 * 24 * 60).optional(),
      reminderTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Pick the reminder’s time as hours and minutes (19:30).').nullable().optional(),
      review: z.strictObject({ listId: IdSchema, on: z.boolean() }).optional(),
    }),
  ]),
  ...followMethods,
  /** The studyshelf:// links that arrived since the last call (deep-link.ts), each handed over once. */
  takeDeepLinks: z.tuple([]),
  /** Updates (updates.ts): the state, the "check at start" setting, and the restart into a downloaded version. */
  getUpdates: z.tuple([]),
  setCheckUpdatesAtStart: z.tuple([z.boolean()]),
  restartToUpdate: z.tuple([]),
} as const satisfies Record<MethodName, z.ZodTuple>;
export type ArgsOf<M extends MethodName> = z.infer<(typeof methods)[M]>;

export interface ResourceState {
  listId: string;
  resource: Resource;
  /** Entries of the resource, its parts and its links, by ref. */
  progress: Record<string, ProgressEntry>;
  note: Note | null;
  customized: boolean;
}

export interface AppState {
  /** Null when the data file was damaged and no backup could replace it: the user must choose. */
  document: StudyDocument | null;
  dataFile: string;
  /** What happened at start (a restored backup, recovered changes, …), to tell the user. */
  notices: StartupNotice[];
  /** Set when the data must not be changed (a file from a newer version), with the reason. */
  readOnly: string | null;
  health: StorageHealth;
  /** True in Electron, where import and export use the system's open and save dialogs; the harness has none. */
  nativeDialogs: boolean;
}

interface Returns extends FollowReturns {
  getState: AppState;
  setDone: ProgressEntry;
  setStatus: ProgressEntry;
  clearStatus: null;
  saveNote: Note | null;
  saveWhereStopped: Note | null;
  addPart: Part;
  renamePart: Part;
  movePart: null;
  removePart: RemovedPart;
  insertPart: Part;
  /** The address handed to the system browser. */
  openLink: string;
  openUrl: string;
  createList: { list: StudyList; listId: string };
  updateList: StudyList;
  moveList: null;
  deleteList: Removed<StudyList>;
  restoreList: StudyList;
  resetList: StudyList;
  addResource: Resource;
  updateResource: Resource;
  /** The resource's new ref. */
  moveResource: string;
  deleteResource: Removed<Resource> & { listId: string };
  restoreResource: Resource;
  putBackList: StudyList;
  undoStatus: ProgressEntry | null;
  previewImport: ImportPreview;
  /** `changed: false`: the file was the list as it is, and nothing was written. `removed`: for an undo (restoreResource each). `before`: an import into a list, the list as it was, for its undo (putBackList). */
  importList: AppState & { listId: string; changed: boolean; removed: Array<Removed<Resource> & { listId: string }>; added?: string[]; before?: ListPutBack };
  previewBackupFile: BackupFilePreview;
  restoreFromFile: AppState;
  exportList: { fileName: string; content: string };
  openImportFile: { fileName: string; content: string } | null;
  cancelJob: boolean;
  getResource: ResourceState;
  /** Where the file was saved. */
  saveExport: string | null;
  listBackups: BackupInfo[];
  restoreBackup: AppState;
  startFresh: AppState;
  /** The folder shown in the system's file manager. */
  openDataFolder: string;
  getLinkChecks: LinkChecksState;
  getLinkHistory: LinkCheck[];
  checkLinks: RunSummary;
  setAutoCheckLinks: LinkChecksState;
  useNewAddress: Resource;
  /** The address handed to the system browser. */
  openArchivedCopy: string;
  getSyncStatus: SyncInfo;
  syncNow: SyncInfo;
  chooseDataFolder: string | null;
  /** Where the data now is; the app restarts on it. */
  moveDataFolder: string;
  renameDevice: SyncInfo;
  fillFromPage: PageFill;
  startTimer: AppState;
  pauseTimer: AppState;
  resumeTimer: AppState;
  stopTimer: AppState;
  editSession: AppState;
  answerReview: AppState;
  setStudySettings: AppState;
  takeDeepLinks: DeepLink[];
  getUpdates: UpdateState;
  setCheckUpdatesAtStart: UpdateState;
  restartToUpdate: null;
}

/** The Sync view: this computer, where the data is, and — in a synced folder — what the merges did. */
export interface SyncInfo {
  device: DeviceInfo;
  /** The folder chosen in Settings → Data folder; null: the app's own folder (not shared). */
  dataFolder: string | null;
  status: SyncStatus | null;
}
export type ReturnOf<M extends MethodName> = Returns[M];

interface Events {
  stateChanged: AppState;
  jobProgress: JobProgress;
  /** A link check started or ended (also the weekly one), or its settings changed. */
  linkChecksChanged: LinkChecksState;
  /** Another computer's changes were merged, or a file is waiting to arrive whole. */
  syncStatusChanged: SyncInfo;
  /** A followed list was checked, reviewed, followed or no longer followed. */
  followChanged: Record<string, FollowState>;
  /** An item of the application menu was chosen: the window runs that command (command-table.ts). */
  menuCommand: { id: WindowCommandId };
  /** A studyshelf:// link arrived: the window takes it with takeDeepLinks. */
  deepLinkArrived: null;
  /** A check for a new version started or ended, a new version is ready, or the setting changed. */
  updatesChanged: UpdateState;
}
export type PayloadOf<E extends EventName> = Events[E];

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

/** What main implements: plain async functions over a store. */
export type StudyHandlers = { [M in MethodName]: (...args: ArgsOf<M>) => Promise<ReturnOf<M>> };

