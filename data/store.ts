import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { documentProblem, refusedChange, undoPoint } from './document-check';
import { backupToRestore, listBackups } from './backups';
import { bundledLists } from './bundled-lists';
import { newDocument } from './document';
import { DurableJsonFile } from './durable-json-file';
import type { CommandName } from './commands';
import { Compaction, COMPACT_AFTER_MS } from './compaction';
import { Journal, recordChange } from './journal';
import { entryProblem } from './journal-entry';
import { StudyError } from './errors';
import { describeFsError, realFs } from './fs-seam';
import { reloadIfChangedByOthers as reloadOutside, type OutsideChangeContext } from './outside-changes';
import * as ops from './doc-ops';
import { urlOf } from './refs';
import type { StudyDocument } from './schema';
import { SerialQueue } from './serial-queue';
import { Snapshots } from './snapshots';
import { recoveryFileOf, unsavedAtQuit } from './startup';
import type { Store, StoreEvent, StoreOptions } from './store-api';
import { journaledEdits } from './store-edits';
import { openData } from './store-open';
import { notSavedYet, RETRY_DELAYS_MS, WriteHealth } from './write-health';

export type { StorageHealth } from './write-health';
export type { Store, StoreEvent, StoreOptions } from './store-api';

export const DATA_FILE_NAME = 'studyshelf.json';

export async function openStore(options: StoreOptions): Promise<Store> {
  const file = join(options.dir, DATA_FILE_NAME);
  const fs = options.fs ?? realFs;
  const clock = options.now ?? (() => new Date());
  const now = () => clock().toISOString();
  const shipped = options.bundled ?? bundledLists();
  const adapter = new DurableJsonFile<StudyDocument>(file, { fs, renameBackoffMs: options.renameBackoffMs });
  const recoveryFile = recoveryFileOf(file);
  const recoveryAdapter = new DurableJsonFile<StudyDocument>(recoveryFile, { fs, renameBackoffMs: [] });

  const { loaded, journals, seen } = await openData(file, shipped, clock, fs, [adapter, recoveryAdapter]);
  const journal = new Journal(file, journals, loaded.doc?.journalGeneration ?? 0, fs);
  const compaction = new Compaction(options.compactAfterMs ?? COMPACT_AFTER_MS, compact);
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
    retryDelaysMs: options.retryDelaysMs ?? RETRY_DELAYS_MS,
    now,
    recoveryFile,
    retry: () => void (db && writeDocument().then(writeSucceeded, writeFailed)),
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

  /** The document a change may be made to, or why none may be. */
  function openForChange(): Low<StudyDocument> {
    if (readOnly) throw new StudyError('read-only', readOnly);
    if (!db) throw new StudyError('read-only', 'Your data could not be opened: restore a backup or start fresh first.');
    return db;
  }

  /** Runs one change after the ones before it: outside changes are read first, then it is saved. */
  async function mutate<T>(change: (doc: StudyDocument) => T, changedAnything: (result: T) => boolean = () => true, depth: 'deep' | 'containers' | 'top' = 'deep'): Promise<T> {
    const applied = queue.run(async () => {
      const db = openForChange();
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
      const db = openForChange();
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
      compaction.journaled(JSON.stringify(entry).length);
      return { result, appended };
    });
    const { result, appended } = await applied;
    try {
      await appended;
    } catch {
      await persist();
      return result;
    }
    compaction.schedule();
    return result;
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
    compaction.wrote();
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
      throw notSavedYet(error);
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

  const outside: OutsideChangeContext = {
    file,
    fs,
    clock,
    adapter,
    pendingJournals: () => journal.pending(),
    healthy: () => health.ok,
    adopt(doc) {
      db!.data = doc;
      version++;
      emit({ type: 'changed', cause: 'disk' });
    },
    async damaged(notice) {
      notices.push(notice);
      emit({ type: 'notice', notice });
      await writeDocument().catch(writeFailed);
    },
  };

  /** Must run inside the queue. */
  async function reloadIfChangedByOthers(): Promise<boolean> {
    return db ? reloadOutside(outside) : false;
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

    ...journaledEdits(journaled, now),

    linkOf(ref) {
      if (!db) throw new StudyError('read-only', 'Your data is not open.');
      return urlOf(ops.resolveOrThrow(db.data, ref));
    },

    change: (apply) => mutate(apply, undefined, 'containers'),
    // A merge replaces the document's top-level fields: putting the old ones back undoes a refused one.
    changeIfAny: (apply) => mutate(apply, (changed) => changed, 'top'),
    shipped,

    listBackups: () => listBackups(file, fs),

    restoreBackup: async (name) => replaceWith(await backupToRestore(file, name, fs)),

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
      await compaction.close(); // one already running finishes (and its snapshot is awaited below)
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
