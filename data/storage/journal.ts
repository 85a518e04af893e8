import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { crc32 } from 'node:zlib';
import type { CommandName } from '../model/commands';
import { realFs, type FsSeam } from './fs-seam';
import { JOURNAL_VERSION } from './journal-entry';
import { resolveRef, resourceRefOf } from '../model/refs';
import type { Activity, Note, ProgressEntry, Resource, StudyDocument } from '../model/schema';
import { SerialQueue } from './serial-queue';

/**
 * What a tick or a note changed: the new values of the progress entries and notes it wrote (null:
 * removed) and the activity it logged. Values are absolute, so applying one twice changes nothing.
 */
export interface JournalEntry {
  /** The data format the entry is written in (JOURNAL_VERSION); lines written before it had none. */
  v?: number;
  progress: Record<string, ProgressEntry | null>;
  notes: Record<string, Note | null>;
  activity: Activity[];
  /** A resource edited in place (its parts, title, link…), whole, by `listId/resourceId`. */
  resources?: Record<string, Resource>;
  /** Lists the user has now changed (see StudyList.customized). */
  customized?: string[];
  /** A change to the shape of lists, replayed by running it again (see commands.ts). */
  command?: { name: CommandName; args: unknown[] };
}

/** A journal line that was not applied, and why (reported, never silently dropped). */
export interface SkippedLine {
  file: string;
  line: number;
  reason: string;
}

/**
 * The room a new journal file is made with (NUL bytes, on disk before the first tick): about a
 * thousand ticks, or a few long notes, before the user pauses and the document is rewritten. Past it
 * the file grows as any other. Readers take NUL bytes for room, never content (JSON escapes a NUL).
 */
export const JOURNAL_ROOM_BYTES = 256 * 1024;

/**
 * The write-ahead journal beside the data file. A tick or a note is durable once its entry is appended
 * and fdatasync'd: a few hundred bytes instead of the whole document, so a change costs the same at
 * 10,000 resources as at 10. The store rewrites the whole document (lowdb, the store of record) when the
 * user pauses, then deletes the journals that document includes; at start, journals left by a crash are
 * replayed onto the document. Each line carries a CRC-32 so a line cut short by a crash is told apart.
 */
export class Journal {
  readonly #dir: string;
  readonly #prefix: string;
  readonly #fs: FsSeam;
  #generation: number;
  readonly #queue = new SerialQueue();
  /** Journal files not yet deleted, by generation. */
  readonly #files = new Map<number, string>();
  readonly #prepared = new Set<string>();
  /** Files whose last append failed: it may have left part of a line, which the next one must not extend. */
  readonly #torn = new Set<string>();
  #entries = 0;
  #size = 0;

  /**
   * `existing`: the journal files found at start; `included`: the generation the document on disk
   * already holds. New entries go to a later generation than both.
   */
  constructor(dataFile: string, existing: readonly string[], included: number, fs: FsSeam = realFs) {
    this.#dir = dirname(dataFile);
    this.#prefix = `${basename(dataFile, '.json')}.journal-`;
    this.#fs = fs;
    let last = included;
    for (const file of existing) {
      const generation = generationOf(this.#prefix, basename(file))!;
      this.#files.set(generation, file);
      last = Math.max(last, generation);
    }
    this.#entries = existing.length;
    this.#generation = last + 1;
  }

  /** The journal files of a data file, oldest first, with their generations. */
  static async files(dataFile: string): Promise<Array<{ file: string; generation: number }>> {
    const prefix = `${basename(dataFile, '.json')}.journal-`;
    const names = await readdir(dirname(dataFile)).catch(() => [] as string[]);
    return names
      .map((name) => ({ file: join(dirname(dataFile), name), generation: generationOf(prefix, name) }))
      .filter((f): f is { file: string; generation: number } => f.generation !== null)
      .sort((a, b) => a.generation - b.generation);
  }

  get file(): string {
    return join(this.#dir, `${this.#prefix}${String(this.#generation).padStart(8, '0')}.ndjson`);
  }

  /** Whether entries were appended that no written document holds yet. */
  get hasEntries(): boolean {
    return this.#entries > 0;
  }

  /** How much has been appended since the last rotate() (in UTF-16 units: a size to act on, not an exact one). */
  get size(): number {
    return this.#size;
  }

  /** Appends in call order; resolves once the entry is on disk. */
  append(entry: JournalEntry): Promise<void> {
    const json = JSON.stringify({ v: JOURNAL_VERSION, ...entry });
    const line = `${crc32(json).toString(16).padStart(8, '0')} ${json}\n`;
    this.#size += line.length;
    const file = this.file;
    this.#files.set(this.#generation, file);
    this.#entries++;
    return this.#queue.run(async () => {
      // After a failed append, a newline first: whatever part of a line it left ends there, as one bad
      // line the reader skips, instead of swallowing this good one.
      const torn = this.#torn.has(file);
      try {
        await this.#fs.appendFileSynced(file, torn ? `\n${line}` : line);
      } catch (error) {
        this.#torn.add(file);
        throw error;
      }
      if (torn) this.#torn.delete(file);
      // A new file's name is durable only once its folder is synced: done once per file, usually ahead
      // of time by prepare(), so a tick pays for one fdatasync.
      if (!this.#prepared.has(file)) {
        await this.#fs.syncDir(this.#dir);
        this.#prepared.add(file);
      }
    });
  }

  /** Creates the current journal file and makes its name durable before the first tick needs it. */
  prepare(): Promise<void> {
    const file = this.file;
    if (this.#prepared.has(file)) return Promise.resolve();
    this.#files.set(this.#generation, file);
    return this.#queue.run(async () => {
      if (this.#prepared.has(file)) return;
      // Room for the ticks until the next whole write, so each one's fdatasync flushes its line alone.
      const reserved = await this.#fs.reserveFileSynced?.(file, JOURNAL_ROOM_BYTES).then(() => true, () => false);
      if (!reserved) await this.#fs.appendFileSynced(file, '');
      await this.#fs.syncDir(this.#dir);
      this.#prepared.add(file);
    }).catch(() => undefined);
  }

  /**
   * Starts a new journal file for later entries and returns the generation a document serialised from
   * now on includes; it is stored in that document, so start-up never replays what it already holds.
   */
  rotate(options: { prepareNext: boolean }): number {
    const included = this.#generation;
    this.#generation++;
    this.#entries = 0;
    this.#size = 0;
    if (options.prepareNext) void this.prepare();
    return included;
  }

  /** After a document holding `included` is on disk: its journal files go (a failure only leaves clutter). */
  async remove(included: number): Promise<void> {
    await this.#queue.idle();
    const old = [...this.#files].filter(([generation]) => generation <= included);
    old.forEach(([generation]) => this.#files.delete(generation));
    await Promise.all(old.map(([, file]) => this.#fs.unlink(file).catch(() => undefined)));
  }

  /** The journal files whose entries may not be in the document on disk yet. */
  pending(): string[] {
    return [...this.#files.values()];
  }

  /** Waits for every append asked for so far. */
  async settled(): Promise<void> {
    await this.#queue.idle();
  }
}

function generationOf(prefix: string, name: string): number | null {
  if (!name.startsWith(prefix) || !name.endsWith('.ndjson')) return null;
  const n = Number(name.slice(prefix.length, -'.ndjson'.length));
  return Number.isInteger(n) && n > 0 ? n : null;
}

/**
 * Runs a change on the document and records what it wrote in `progress` and `notes` (through proxies,
 * so the cost does not grow with the document) and what it appended to `activity`.
 */
export function recordChange<T>(
  doc: StudyDocument,
  change: (doc: StudyDocument) => T,
  resourceRef?: string,
  command?: { name: CommandName; args: unknown[] },
): { result: T; entry: JournalEntry; undo: () => void } {
  // The arguments as they were before the change ran: a command may keep, and later alter, what it was given.
  const recorded = command ? { name: command.name, args: structuredClone(command.args) } : undefined;
  const touched = { progress: new Set<string>(), notes: new Set<string>() };
  // What each key held before the change first touched it, to put back if the change is refused.
  const before = { progress: new Map<string, ProgressEntry | undefined>(), notes: new Map<string, Note | undefined>() };
  const watch = <V extends object>(target: Record<string, V>, keys: Set<string>, old: Map<string, V | undefined>) => {
    const touch = (object: Record<string, V>, key: string | symbol) => {
      if (typeof key !== 'string') return;
      if (!old.has(key)) old.set(key, Object.hasOwn(object, key) ? object[key] : undefined);
      keys.add(key);
    };
    return new Proxy(target, {
      set(object, key, value) {
        touch(object, key);
        return Reflect.set(object, key, value);
      },
      deleteProperty(object, key) {
        touch(object, key);
        return Reflect.deleteProperty(object, key);
      },
    });
  };
  const activityBefore = doc.activity.length;
  const resourceBefore = resourceRef ? resolveRef(doc, resourceRef) : null;
  const saved = resourceBefore
    ? { list: resourceBefore.list, index: resourceBefore.list.resources.indexOf(resourceBefore.resource), resource: structuredClone(resourceBefore.resource), customized: resourceBefore.list.customized }
    : null;
  const undo = () => {
    const restore = <V>(target: Record<string, V>, old: Map<string, V | undefined>) => {
      for (const [key, value] of old) {
        if (value === undefined) delete target[key];
        else target[key] = value;
      }
    };
    restore(doc.progress, before.progress);
    restore(doc.notes, before.notes);
    doc.activity.length = Math.min(doc.activity.length, activityBefore);
    if (saved) {
      saved.list.resources[saved.index] = saved.resource;
      saved.list.customized = saved.customized;
    }
  };
  const view: StudyDocument = { ...doc, progress: watch(doc.progress, touched.progress, before.progress), notes: watch(doc.notes, touched.notes, before.notes) };
  const result = change(view);
  if (view.lists !== doc.lists || view.activity !== doc.activity) throw new Error('A journaled change may only write progress, notes and activity.');
  // A command is replayed by running it again, so what it wrote is not recorded a second time.
  if (recorded) return { result, entry: { progress: {}, notes: {}, activity: [], command: recorded }, undo };
  const entry: JournalEntry = {
    progress: Object.fromEntries([...touched.progress].map((ref) => [ref, doc.progress[ref] ?? null])),
    notes: Object.fromEntries([...touched.notes].map((ref) => [ref, doc.notes[ref] ?? null])),
    activity: doc.activity.slice(activityBefore),
  };
  const edited = resourceRef ? resolveRef(doc, resourceRef) : null;
  if (edited) {
    // The one resource the change edited in place: recorded whole (a few hundred bytes), and its list.
    entry.resources = { [resourceRefOf(resourceRef!)]: structuredClone(edited.resource) };
    if (edited.list.customized) entry.customized = [edited.list.id];
  }
  return { result, entry, undo };
}
