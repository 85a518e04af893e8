import { mkdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { documentProblem, refusedChange, undoPoint } from './document-check';
import { listBackups, readBackup, removeStaleBackupTemps, writeBackup, type BackupInfo } from './backups';
import { bundledLists } from './bundled-lists';
import { newDocument } from './document';
import { DurableJsonFile } from './durable-json-file';
import { runCommand, type CommandArgs, type CommandName, type CommandResult } from './commands';
import { Journal, recordChange } from './journal';
import { readJournals, replay, replayJournals } from './journal-replay';
import { entryProblem } from './journal-entry';
import { StudyError } from './errors';
import { describeFsError, realFs, type FsSeam } from './fs-seam';
import { readDocument } from './read-document';
import * as ops from './doc-ops';
import type { RemovedPart } from './part-ops';
import { resourceRefOf, urlOf, type Ref } from './refs';
import type { Note, Part, ProgressEntry, Status, StudyDocument, StudyList } from './schema';
import { SerialQueue } from './serial-queue';
import { Snapshots } from './snapshots';
import { loadDocument, moveAside, recoveryFileOf, unsavedAtQuit, type StartupNotice } from './startup';
import { WriteHealth, type StorageHealth } from './write-health';

export type { StorageHealth } from './write-health';

export const DATA_FILE_NAME = 'studyshelf.json';


/** Waits between retries of a write that failed (disk full, locked file, …); the last one repeats. */
const RETRY_DELAYS_MS = [1000, 2000, 5000, 10_000, 30_000];
/** Ticks and notes go to the journal; the whole document is rewritten once the user pauses this long. */
const COMPACT_AFTER_MS = 1500;
/** …or sooner, when the journal has grown this much (notes are journaled whole). */
const COMPACT_AFTER_BYTES = 4 * 1024 * 1024;

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

export async function openStore(options: StoreOptions): Promise<Store> {
  await mkdir(options.dir, { recursive: true });
  const file = join(options.dir, DATA_FILE_NAME);
  const fs = options.fs ?? realFs;
  const clock = options.now ?? (() => new Date());
  const now = () => clock().toISOString();
  const shipped = options.bundled ?? bundledLists();
  const retryDelays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  const adapter = new DurableJsonFile<StudyDocument>(file, { fs, renameBackoffMs: options.renameBackoffMs });
  const recoveryFile = recoveryFileOf(file);
  const recoveryAdapter = new DurableJsonFile<StudyDocument>(recoveryFile, { fs, renameBackoffMs: [] });

  await adapter.removeStaleTempFiles();
  await recoveryAdapter.removeStaleTempFiles();
  await removeStaleBackupTemps(file, fs);
  const seen = await fs.stat(file);
  const loaded = await loadDocument(file, shipped, clock(), fs);
  // Ticks and notes a crash left in the journal, newer than the document: replayed onto it. Not onto a
  // recovery file's document, which already holds everything that run had in memory.
  let journals: string[] = [];
  if (loaded.doc && !loaded.readOnly) {
    const recovered = loaded.notices.some((n) => n.kind === 'recovered-unsaved');
    const found = await replayJournals(file, recovered ? { ...loaded.doc, journalGeneration: Number.MAX_SAFE_INTEGER } : loaded.doc, fs);
    journals = found.files;
    if (found.applied > 0) loaded.mustWrite = true;
    for (const line of found.skipped) console.warn(`Studyshelf: journal line not applied (${line.file}:${line.line}): ${line.reason}`);
  }
  const journal = new Journal(file, journals, loaded.doc?.journalGeneration ?? 0, fs);
  const compactAfterMs = options.compactAfterMs ?? COMPACT_AFTER_MS;
  let compactTimer: ReturnType<typeof setTimeout> | undefined;
  let compacting: Promise<void> = Promise.resolve();
  let journaledBytes = 0;
  const notices = [...loaded.notices];
  const readOnly = loaded.readOnly;
  let db: Low<StudyDocument> | null = loaded.doc ? new Low(adapter, loaded.doc) : null;
  let closed = false;
  /** Counts changes applied to the document; `checkedAt` is the count when a whole check last passed. */
  let version = 0;
  let checkedAt = -1;
  const queue = new SerialQueue();
  const listeners = new Set<(event: StoreEvent) => void>();
  const emit = (event: StoreEvent) => listeners.forEach((listener) => listener(event));
  /** Snapshots run beside the change that triggered them (not on its path); close() waits for them. */
  const snapshots = await Snapshots.open(file, fs, clock);
  const health = new WriteHealth({
    retryDelaysMs: retryDelays,
    now,
    recoveryFile,
    retry: () => {
      if (db) void writeDocument().then(writeSucceeded, writeFailed);
    },
    writeRecovery,
    recoverySettled: () => recoveryAdapter.settled(),
    onChange: (current) => emit({ type: 'health', health: current }),
  });

  if (db && loaded.mustWrite && !readOnly) {
    await writeDocument();
    if (loaded.notices.some((n) => n.kind === 'recovered-unsaved')) await unlink(recoveryFile).catch(() => undefined);
  } else if (db) {
    adapter.adopt(seen); // to tell other programs' changes apart, without reading the file again
  }
  if (db && !readOnly) void journal.prepare();
  // A snapshot at each start is the state the session began from; a brand-new profile has none to keep.
  if (db && !readOnly && !loaded.created) await snapshots.ifDue();

  /** Runs one change after the ones before it: outside changes are read first, then it is saved. */
  async function mutate<T>(change: (doc: StudyDocument) => T, changedAnything: (result: T) => boolean = () => true, depth: 'deep' | 'containers' | 'top' = 'deep'): Promise<T> {
    const applied = queue.run(async () => {
      if (readOnly) throw new StudyError('read-only', readOnly);
      if (!db) throw new StudyError('read-only', 'Your data could not be opened: restore a backup or start fresh first.');
      await reloadIfChangedByOthers();
      const undo = undoPoint(db.data, depth);
      const result = change(db.data);
      // Checked here, in turn, so a refused change is undone before any later one builds on it.
      const problem = changedAnything(result) ? documentProblem(db.data) : null;
      if (problem) {
        undo();
        throw refusedChange(problem);
      }
      checkedAt = ++version;
      return result;
    });
    const result = await applied;
    if (changedAnything(result)) await persist();
    return result;
  }

  /**
   * Tick and note changes: applied in order like any change, made durable by one journal append (a few
   * hundred bytes, not the whole document); the document itself is rewritten when the user pauses.
   */
  async function journaled<T>(change: (doc: StudyDocument) => T, resourceRef?: string, command?: { name: CommandName; args: unknown[] }): Promise<T> {
    const applied = queue.run(async () => {
      if (readOnly) throw new StudyError('read-only', readOnly);
      if (!db) throw new StudyError('read-only', 'Your data could not be opened: restore a backup or start fresh first.');
      await reloadIfChangedByOthers();
      // A command's arguments are checked before it runs; any other change's entry once it has run.
      const commandProblem = command ? entryProblem({ progress: {}, notes: {}, activity: [], command }) : null;
      if (commandProblem) throw refusedChange(commandProblem);
      version++;
      const { result, entry, undo } = recordChange(db.data, change, resourceRef, command);
      const problem = entryProblem(entry);
      if (problem) {
        undo();
        throw refusedChange(problem);
      }
      // While saving fails, changes wait in memory and the recovery file: the next write is a whole one.
      const appended = health.ok ? journal.append(entry) : Promise.reject(new Error('unhealthy'));
      appended.catch(() => undefined);
      journaledBytes += JSON.stringify(entry).length;
      return { result, appended };
    });
    const { result, appended } = await applied;
    try {
      await appended;
    } catch {
      await persist();
      return result;
    }
    scheduleCompaction();
    return result;
  }

  function scheduleCompaction(): void {
    clearTimeout(compactTimer);
    if (closed) return;
    compactTimer = setTimeout(() => (compacting = compact()), journaledBytes > COMPACT_AFTER_BYTES ? 0 : compactAfterMs);
    compactTimer.unref?.();
  }

  /** Rewrites the whole document (outside changes read first) and drops the journals it now holds. */
  async function compact(): Promise<void> {
    await queue.run(() => reloadIfChangedByOthers()).catch(() => undefined);
    if (!db || readOnly || closed) return; // close() writes the document itself
    await writeDocument().then(writeSucceeded, writeFailed);
  }

  /** The whole document to disk; the journal files written before it are then deleted. */
  async function writeDocument(prepareNext = true): Promise<void> {
    // Checked once: a change that was just checked, with nothing else applied since, is not checked again.
    const problem = checkedAt === version ? null : documentProblem(db!.data);
    if (problem) throw refusedChange(problem);
    const included = journal.rotate({ prepareNext: prepareNext && !closed });
    journaledBytes = 0;
    db!.data.journalGeneration = included;
    // Serialised now, not when the write's turn comes: the file holds exactly the journal up to
    // `included`, so a start replays later entries (commands among them) onto the very state they saw.
    await adapter.writeText(JSON.stringify(db!.data, null, 2));
    await journal.remove(included);
  }

  async function persist(): Promise<void> {
    try {
      await writeDocument();
    } catch (error) {
      writeFailed(error);
      throw new StudyError(
        'io',
        `Not saved to disk yet: ${describeFsError(error)}. Your change is kept and Studyshelf keeps trying.`,
        { cause: error },
      );
    }
    await writeSucceeded();
  }

  async function writeSucceeded(): Promise<void> {
    await health.succeeded();
    snapshots.soon();
  }

  function writeFailed(error: unknown): void {
    health.failed(error);
  }

  /** The recovery file, through the same door as the data file: never a document the reader rejects. */
  function writeRecovery(): Promise<void> {
    const problem = documentProblem(db!.data);
    return problem ? Promise.reject(refusedChange(problem)) : recoveryAdapter.write(db!.data);
  }

  /** Must run inside the queue. */
  async function reloadIfChangedByOthers(): Promise<boolean> {
    if (!db || !(await adapter.changedByOthers())) return false;
    for (let attempt = 0; ; attempt++) {
      const bytes = await adapter.readBytes();
      if (bytes === null) return false; // deleted: our next write puts it back
      try {
        const { doc } = readDocument(file, bytes);
        if (!health.ok) {
          // Unsaved changes of ours are in memory: keep them, and keep the other version as a backup.
          await writeBackup(file, bytes, 'before-overwrite', clock(), fs);
          return false;
        }
        // Our own ticks not yet in the document stay: they are newer than what was read.
        replay(doc, await readJournals(journal.pending(), fs));
        db.data = doc;
        version++;
        emit({ type: 'changed', cause: 'disk' });
        return true;
      } catch {
        // Another program may be halfway through writing it: look again before calling it damaged.
        if (attempt < 3) {
          await new Promise((resolve) => setTimeout(resolve, 150));
          continue;
        }
        const damagedFile = await moveAside(file, clock());
        const notice: StartupNotice = { kind: 'damaged-by-other-program', damagedFile };
        notices.push(notice);
        emit({ type: 'notice', notice });
        await writeDocument().catch(writeFailed);
        return false;
      }
    }
  }

  /** Puts another document in place of the current one, after backing up the current state. */
  async function replaceWith(doc: StudyDocument): Promise<void> {
    const problem = documentProblem(doc);
    if (problem) throw refusedChange(problem);
    await queue.run(async () => {
      if (readOnly) throw new StudyError('read-only', readOnly);
      if (db) {
        try {
          await writeDocument(); // the backup taken next holds every tick, journaled ones included
          await snapshots.take('before-restore');
        } catch (error) {
          throw new StudyError('io', `Nothing was replaced: the current data could not be backed up first (${describeFsError(error)}).`);
        }
        db.data = doc;
      } else {
        db = new Low(adapter, doc);
      }
      version++;
    });
    await persist();
    emit({ type: 'changed', cause: 'restore' });
  }

  return {
    file,
    now,
    document: () => db?.data ?? null,
    notices: () => [...notices],
    readOnly: () => readOnly,
    health: () => health.current,

    setDone: (ref, done) => journaled((doc) => ops.setStatus(doc, ref, done ? 'done' : 'todo', now())),
    setStatus: (ref, status) => journaled((doc) => ops.setStatus(doc, ref, status, now())),
    clearStatus: (ref) => journaled((doc) => ops.clearStatus(doc, ref)),
    saveNote: (ref, body) => journaled((doc) => ops.editNote(doc, ref, { body }, now())),
    saveWhereStopped: (ref, text) => journaled((doc) => ops.editNote(doc, ref, { whereStopped: text.trim() }, now())),
    // Part edits change one resource in place: journaled with that resource, like a tick.
    addPart: (resourceRef, title, url) => journaled((doc) => ops.addPart(doc, resourceRef, title, url), resourceRef),
    renamePart: (partRef, title) => journaled((doc) => ops.renamePart(doc, partRef, title), resourceRefOf(partRef)),
    movePart: (partRef, toIndex) => journaled((doc) => ops.movePart(doc, partRef, toIndex), resourceRefOf(partRef)),
    removePart: (partRef) => journaled((doc) => ops.removePart(doc, partRef), resourceRefOf(partRef)),
    insertPart: (resourceRef, part, index, progress) => journaled((doc) => ops.insertPart(doc, resourceRef, part, index, progress), resourceRef),
    changeResource: (resourceRef, apply) => journaled(apply, resourceRef),
    command: (name, ...args) => journaled((doc) => runCommand(doc, name, args), undefined, { name, args }) as never,

    linkOf(ref) {
      if (!db) throw new StudyError('read-only', 'Your data is not open.');
      return urlOf(ops.resolveOrThrow(db.data, ref));
    },

    change: (apply) => mutate(apply, undefined, 'containers'),
    // A merge replaces the document's top-level fields: putting the old ones back undoes a refused one.
    changeIfAny: (apply) => mutate(apply, (changed) => changed, 'top'),
    shipped,

    listBackups: () => listBackups(file, fs),

    async restoreBackup(name) {
      let doc: StudyDocument;
      try {
        doc = await readBackup(file, name, fs);
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        throw new StudyError('invalid-argument', `That backup cannot be restored: ${why}`);
      }
      await replaceWith(doc);
    },

    replaceWith,

    async startFresh() {
      await queue.run(() => {
        if (db) throw new StudyError('invalid-argument', 'Your data is open; there is nothing to start afresh from.');
        db = new Low(adapter, newDocument(shipped));
        version++;
      });
      await persist();
      emit({ type: 'changed', cause: 'fresh-start' });
    },

    checkDisk() {
      return queue.run(() => (readOnly ? false : reloadIfChangedByOthers()));
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async close() {
      closed = true;
      health.close();
      clearTimeout(compactTimer);
      await compacting; // one already running finishes (and its snapshot is awaited below)
      await queue.idle();
      await journal.settled();
      // Quitting writes the whole document: the next start reads one file, and no journal is left.
      let failed: { error: unknown; kept: boolean } | null = null;
      if (db && !readOnly && (journal.hasEntries || !health.ok)) {
        await writeDocument(false).then(writeSucceeded, async (error: unknown) => {
          // Everything in memory goes to the recovery file, which the next start applies first.
          failed = { error, kept: await writeRecovery().then(() => true, () => false) };
        });
      } else if (!journal.hasEntries) await journal.remove(Number.MAX_SAFE_INTEGER); // only the empty one made ready
      await snapshots.settled();
      await adapter.settled();
      await recoveryAdapter.settled();
      if (failed) throw unsavedAtQuit(failed, recoveryFile);
    },
  };
}
