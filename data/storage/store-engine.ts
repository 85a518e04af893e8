import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { documentProblem, refusedChange, undoPoint } from './document-check';
import { bundledLists } from '../bundled-lists';
import { newDocument } from '../document';
import { DurableJsonFile } from './durable-json-file';
import type { CommandName } from '../model/commands';
import { Compaction, COMPACT_AFTER_MS } from './compaction';
import { Journal, recordChange } from './journal';
import { entryProblem } from './journal-entry';
import { StudyError } from '../model/errors';
import { describeFsError, realFs, type FsSeam } from './fs-seam';
import { reloadIfChangedByOthers as reloadOutside, type OutsideChangeContext } from './outside-changes';
import type { StartupNotice } from '../model/reports';
import type { StudyDocument, StudyList } from '../model/schema';
import { SerialQueue } from './serial-queue';
import { Snapshots } from './snapshots';
import { recoveryFileOf, unsavedAtQuit } from './startup';
import type { StoreEvent, StoreOptions } from './store-api';
import { openData } from './store-open';
import { notSavedYet, RETRY_DELAYS_MS, WriteHealth } from './write-health';

export const DATA_FILE_NAME = 'studyshelf.json';

/**
 * The running store behind `openStore`'s Store: one document in memory (lowdb), changed one change at a
 * time in a serial queue. There are three ways a change reaches the disk — pick by what it touches:
 * - `journaled`: ticks, notes, parts, list commands — one small journal append, made durable at once;
 *   the whole document is rewritten when the user pauses (Compaction).
 * - `mutate`: anything else (a merge, a list edit, an import) — the whole document is written, checked.
 * - `replaceWith`: a restore or a replace — the current state is backed up first.
 * Every way reads another program's change to the file first and refuses a document our reader would reject.
 */
export class StoreEngine {
  db: Low<StudyDocument> | null;
  readonly notices: StartupNotice[];
  readonly listeners = new Set<(event: StoreEvent) => void>();
  readonly queue = new SerialQueue();
  readonly health: WriteHealth;
  #closed = false;
  /** Counts changes applied to the document; `#checkedAt` is the count when a whole check last passed. */
  #version = 0;
  #checkedAt = -1;
  readonly #compaction: Compaction;
  readonly #outside: OutsideChangeContext;

  private constructor(
    readonly file: string,
    readonly fs: FsSeam,
    readonly clock: () => Date,
    readonly shipped: StudyList[],
    readonly readOnly: string | null,
    loadedDoc: StudyDocument | null,
    notices: StartupNotice[],
    readonly adapter: DurableJsonFile<StudyDocument>,
    readonly recoveryAdapter: DurableJsonFile<StudyDocument>,
    readonly journal: Journal,
    /** Snapshots run beside the change that triggered them (not on its path); close() waits for them. */
    readonly snapshots: Snapshots,
    options: StoreOptions,
  ) {
    this.db = loadedDoc ? new Low(adapter, loadedDoc) : null;
    this.notices = notices;
    this.#compaction = new Compaction(options.compactAfterMs ?? COMPACT_AFTER_MS, () => this.#compact(), () => journal.size);
    this.health = new WriteHealth({
      retryDelaysMs: options.retryDelaysMs ?? RETRY_DELAYS_MS,
      now: this.now,
      recoveryFile: recoveryFileOf(file),
      retry: () => void (this.db && this.writeDocument().then(this.writeSucceeded, this.writeFailed)),
      writeRecovery: () => this.writeRecovery(),
      recoverySettled: () => recoveryAdapter.settled(),
      removeRecovery: () => fs.unlink(recoveryFileOf(file)),
      onChange: (current) => this.emit({ type: 'health', health: current }),
    });
    this.#outside = {
      file,
      fs,
      clock,
      adapter,
      pendingJournals: () => journal.pending(),
      healthy: () => this.health.ok,
      adopt: (doc) => {
        this.db!.data = doc;
        this.#version++;
        this.emit({ type: 'changed', cause: 'disk' });
      },
      damaged: async (notice) => {
        this.notices.push(notice);
        this.emit({ type: 'notice', notice });
        await this.writeDocument().catch(this.writeFailed);
      },
    };
  }

  /** Reads (or restores, or begins) the data, replays what a crash left in the journal, and writes what must be. */
  static async open(options: StoreOptions): Promise<StoreEngine> {
    const file = join(options.dir, DATA_FILE_NAME);
    const fs = options.fs ?? realFs;
    const clock = options.now ?? (() => new Date());
    const shipped = options.bundled ?? bundledLists();
    const adapter = new DurableJsonFile<StudyDocument>(file, { fs, renameBackoffMs: options.renameBackoffMs });
    const recoveryAdapter = new DurableJsonFile<StudyDocument>(recoveryFileOf(file), { fs, renameBackoffMs: [] });
    const { loaded, journals, seen } = await openData(file, shipped, clock, fs, [adapter, recoveryAdapter]);
    const journal = new Journal(file, journals, loaded.doc?.journalGeneration ?? 0, fs);
    const snapshots = await Snapshots.open(file, fs, clock);
    const engine = new StoreEngine(file, fs, clock, shipped, loaded.readOnly, loaded.doc, [...loaded.notices], adapter, recoveryAdapter, journal, snapshots, options);
    const { db, readOnly } = engine;
    if (db && loaded.mustWrite && !readOnly) {
      await engine.writeDocument();
      if (loaded.notices.some((n) => n.kind === 'recovered-unsaved')) await unlink(recoveryFileOf(file)).catch(() => undefined);
    } else if (db) {
      adapter.adopt(seen); // to tell other programs' changes apart, without reading the file again
    }
    if (db && !readOnly) void journal.prepare();
    // A snapshot at each start is the state the session began from; a brand-new profile has none to keep.
    if (db && !readOnly && !loaded.created) await snapshots.ifDue();
    return engine;
  }

  readonly now = (): string => this.clock().toISOString();

  emit(event: StoreEvent): void {
    this.listeners.forEach((listener) => listener(event));
  }

  /** The document a change may be made to, or why none may be. */
  #openForChange(): Low<StudyDocument> {
    if (this.readOnly) throw new StudyError('read-only', this.readOnly);
    if (!this.db) throw new StudyError('read-only', 'Your data could not be opened: restore a backup or start fresh first.');
    return this.db;
  }

  /** Runs one change after the ones before it: outside changes are read first, then it is saved. */
  async mutate<T>(change: (doc: StudyDocument) => T, changedAnything: (result: T) => boolean = () => true, depth: 'deep' | 'containers' | 'top' = 'deep'): Promise<T> {
    const applied = this.queue.run(async () => {
      const db = this.#openForChange();
      await this.reloadIfChangedByOthers();
      const undo = undoPoint(db.data, depth);
      const result = change(db.data);
      // Checked here, in turn, so a refused change is undone before any later one builds on it.
      const problem = changedAnything(result) ? documentProblem(db.data) : null;
      if (problem) {
        undo();
        throw refusedChange(problem);
      }
      this.#checkedAt = ++this.#version;
      return result;
    });
    const result = await applied;
    if (changedAnything(result)) await this.persist();
    return result;
  }

  /**
   * Tick and note changes: applied in order like any change, made durable by one journal append (a few
   * hundred bytes, not the whole document); the document itself is rewritten when the user pauses.
   */
  readonly journaled = async <T>(change: (doc: StudyDocument) => T, resourceRef?: string, command?: { name: CommandName; args: unknown[] }): Promise<T> => {
    const applied = this.queue.run(async () => {
      const db = this.#openForChange();
      await this.reloadIfChangedByOthers();
      // A command's arguments are checked before it runs; any other change's entry once it has run.
      const commandProblem = command ? entryProblem({ progress: {}, notes: {}, activity: [], command }) : null;
      if (commandProblem) throw refusedChange(commandProblem);
      this.#version++;
      const { result, entry, undo } = recordChange(db.data, change, resourceRef, command);
      const problem = entryProblem(entry);
      if (problem) {
        undo();
        throw refusedChange(problem);
      }
      // While saving fails, changes wait in memory and the recovery file: the next write is a whole one.
      const appended = this.health.ok ? this.journal.append(entry) : Promise.reject(new Error('unhealthy'));
      appended.catch(() => undefined);
      return { result, appended };
    });
    const { result, appended } = await applied;
    try {
      await appended;
    } catch {
      await this.persist();
      return result;
    }
    this.#compaction.schedule();
    return result;
  };

  /** Rewrites the whole document (outside changes read first) and drops the journals it now holds. */
  async #compact(): Promise<void> {
    await this.queue.run(() => this.reloadIfChangedByOthers()).catch(() => undefined);
    if (!this.db || this.readOnly || this.#closed) return; // close() writes the document itself
    await this.writeDocument().then(this.writeSucceeded, this.writeFailed);
  }

  /** The whole document to disk; the journal files written before it are then deleted. */
  async writeDocument(prepareNext = true): Promise<void> {
    const db = this.db!;
    // Checked once: a change that was just checked, with nothing else applied since, is not checked again.
    const problem = this.#checkedAt === this.#version ? null : documentProblem(db.data);
    if (problem) throw refusedChange(problem);
    const included = this.journal.rotate({ prepareNext: prepareNext && !this.#closed });
    db.data.journalGeneration = included;
    // Serialised now, not when the write's turn comes: the file holds exactly the journal up to
    // `included`, so a start replays later entries (commands among them) onto the very state they saw.
    await this.adapter.writeText(JSON.stringify(db.data, null, 2));
    await this.journal.remove(included);
  }

  async persist(): Promise<void> {
    try {
      await this.writeDocument();
    } catch (error) {
      this.writeFailed(error);
      throw notSavedYet(error);
    }
    if (!(await this.writeSucceeded())) throw notSavedYet(this.health.lastError);
  }

  /** False when the data cannot be said saved yet (write-health.ts `succeeded`). */
  readonly writeSucceeded = async (): Promise<boolean> => {
    if (!(await this.health.succeeded())) return false;
    this.snapshots.soon();
    return true;
  };

  readonly writeFailed = (error: unknown): void => {
    this.health.failed(error);
  };

  /** The recovery file, through the same door as the data file: never a document the reader rejects. */
  writeRecovery(): Promise<void> {
    const problem = documentProblem(this.db!.data);
    return problem ? Promise.reject(refusedChange(problem)) : this.recoveryAdapter.write(this.db!.data);
  }

  /** Must run inside the queue. */
  async reloadIfChangedByOthers(): Promise<boolean> {
    return this.db ? reloadOutside(this.#outside) : false;
  }

  /** Puts another document in place of the current one, after backing up the current state. */
  async replaceWith(doc: StudyDocument): Promise<void> {
    const problem = documentProblem(doc);
    if (problem) throw refusedChange(problem);
    await this.queue.run(async () => {
      if (this.readOnly) throw new StudyError('read-only', this.readOnly);
      if (this.db) {
        try {
          await this.writeDocument(); // the backup taken next holds every tick, journaled ones included
          await this.snapshots.take('before-restore');
        } catch (error) {
          throw new StudyError('io', `Nothing was replaced: the current data could not be backed up first (${describeFsError(error)}).`);
        }
        this.db.data = doc;
      } else {
        this.db = new Low(this.adapter, doc);
      }
      this.#version++;
    });
    await this.persist();
    this.emit({ type: 'changed', cause: 'restore' });
  }

  async startFresh(): Promise<void> {
    await this.queue.run(() => {
      if (this.db) throw new StudyError('invalid-argument', 'Your data is open; there is nothing to start afresh from.');
      this.db = new Low(this.adapter, newDocument(this.shipped));
      this.#version++;
    });
    await this.persist();
    this.emit({ type: 'changed', cause: 'fresh-start' });
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.health.close();
    await this.#compaction.close(); // one already running finishes (and its snapshot is awaited below)
    await this.queue.idle();
    await this.journal.settled();
    // Quitting writes the whole document: the next start reads one file, and no journal is left.
    let failed: { error: unknown; kept: boolean } | null = null;
    if (this.db && !this.readOnly && (this.journal.hasEntries || !this.health.ok)) {
      await this.writeDocument(false).then(this.writeSucceeded, async (error: unknown) => {
        // Everything in memory goes to the recovery file, which the next start applies first.
        failed = { error, kept: await this.writeRecovery().then(() => true, () => false) };
      });
    } else if (!this.journal.hasEntries) await this.journal.remove(Number.MAX_SAFE_INTEGER); // only the empty one made ready
    await this.snapshots.settled();
    await this.adapter.settled();
    await this.recoveryAdapter.settled();
    if (failed) throw unsavedAtQuit(failed, recoveryFileOf(this.file));
  }
}
