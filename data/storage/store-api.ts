import type { BackupInfo } from './backups';
import type { CommandArgs, CommandName, CommandResult } from '../model/commands';
import type { FsSeam } from './fs-seam';
import type { RemovedPart } from '../model/part-ops';
import type { Ref } from '../model/refs';
import type { Note, Part, ProgressEntry, Status, StudyDocument, StudyList } from '../model/schema';
import type { StartupNotice } from './startup';
import type { StorageHealth } from './write-health';

// What the store offers (store.ts makes one): its events, its options and its methods.

export type StoreEvent =
  | { type: 'changed'; cause: 'disk' | 'restore' | 'fresh-start' }
  | { type: 'health'; health: StorageHealth }
  | { type: 'notice'; notice: StartupNotice };

export interface StoreOptions {
  /** The folder holding the data file; created if missing. */
  dir: string;
  /** The lists the app ships; defaults to the bundled catalog. */
  bundled?: StudyList[];
  now?: () => Date;
  fs?: FsSeam;
  retryDelaysMs?: readonly number[];
  renameBackoffMs?: readonly number[];
  compactAfterMs?: number;
}

export interface Store {
  readonly file: string;
  /** The store's clock (a test seam): the time changes are stamped with. */
  now(): string;
  /** Null only when the data was damaged beyond repair and the user has not chosen yet. */
  document(): StudyDocument | null;
  notices(): StartupNotice[];
  readOnly(): string | null;
  health(): StorageHealth;
  setDone(ref: Ref, done: boolean): Promise<ProgressEntry>;
  setStatus(ref: Ref, status: Status): Promise<ProgressEntry>;
  /** Forgets a status set by hand: a resource with parts goes back to deriving it from them. */
  clearStatus(ref: Ref): Promise<void>;
  saveNote(ref: Ref, body: string): Promise<Note | null>;
  saveWhereStopped(ref: Ref, text: string): Promise<Note | null>;
  addPart(resourceRef: Ref, title: string, url: string | null): Promise<Part>;
  renamePart(partRef: Ref, title: string): Promise<Part>;
  movePart(partRef: Ref, toIndex: number): Promise<void>;
  removePart(partRef: Ref): Promise<RemovedPart>;
  /** Puts a part back where it was (the undo of removePart), with its progress. */
  insertPart(resourceRef: Ref, part: Part, index: number, progress: ProgressEntry | null): Promise<Part>;
  /** The address a ref opens, as stored; the caller still checks it is safe to open. */
  linkOf(ref: Ref): string | null;
  /**
   * Applies one change to the document through the same guarded path as every method here (refused
   * when read-only, outside changes read first, saved durably before it resolves). The change must
   * check its arguments before it alters anything, and add or replace lists and entries rather than
   * edit inside existing ones: what a refused change is undone from is a copy of the containers only.
   */
  change<T>(apply: (doc: StudyDocument) => T): Promise<T>;
  /**
   * The same, for a change that may turn out to change nothing (a merge with another computer's data
   * that only caught up with ours): `apply` says whether it changed the document, and nothing is
   * written when it did not. It must leave the document untouched when it returns false.
   */
  changeIfAny(apply: (doc: StudyDocument) => boolean): Promise<boolean>;
  /** A change to the shape of lists (commands.ts): journaled as the command, not a rewrite. */
  command<N extends CommandName>(name: N, ...args: CommandArgs<N>): Promise<CommandResult<N>>;
  /** The same for a change to one resource in place (not its place in the list): journaled, not a rewrite. */
  changeResource<T>(resourceRef: Ref, apply: (doc: StudyDocument) => T): Promise<T>;
  /** The lists the app ships, as published (for "reset to the published version"). */
  readonly shipped: readonly StudyList[];
  /** Replaces all data with a backup file's, after backing up the current state. */
  replaceWith(doc: StudyDocument): Promise<void>;
  listBackups(): Promise<BackupInfo[]>;
  /** Replaces the data with a backup, after backing up the current state. */
  restoreBackup(name: string): Promise<void>;
  /** After damage with no backup: begin again with the bundled lists (the damaged file stays aside). */
  startFresh(): Promise<void>;
  /** Reloads the file if another program changed it; true when it did. */
  checkDisk(): Promise<boolean>;
  subscribe(listener: (event: StoreEvent) => void): () => void;
  /**
   * Stops retrying after one last attempt and waits for every write. Rejects (code 'io') when that last
   * attempt fails: what was not saved is then in the recovery file, which the next start applies.
   */
  close(): Promise<void>;
}
