import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { DataFileCorruptError } from '../model/errors';
import { isErrno, realFs, sameIdentity, type FileIdentity, type FsSeam } from './fs-seam';

export interface DurableOptions {
  fs?: FsSeam;
  /** Waits between rename attempts refused by Windows (a virus scanner or indexer holding the file). */
  renameBackoffMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_BACKOFF = [10, 20, 40, 80, 160, 320, 640] as const;
let tempCounter = 0;

/**
 * lowdb adapter that never leaves a half-written file: each write goes to a fresh temp file that is
 * fsync'd, renamed over the data file, and made durable by an fsync of the folder. Writes run one at a
 * time in call order; calls made while one is in flight are coalesced into a single next write of the
 * latest document, and each call resolves only once a write holding its data is on disk.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  readonly #file: string;
  readonly #fs: FsSeam;
  readonly #backoff: readonly number[];
  readonly #sleep: (ms: number) => Promise<void>;
  #tail: Promise<void> = Promise.resolve();
  #next: Promise<void> | null = null;
  /** What the next write puts on disk: the latest document, serialised when its turn comes, or a text. */
  #latest: () => string = () => 'null';
  /** The file as we last read or wrote it, and the one a rename in flight is about to put there. */
  #ours: FileIdentity | null = null;
  #pending: FileIdentity | null = null;

  constructor(file: string, options: DurableOptions = {}) {
    this.#file = file;
    this.#fs = options.fs ?? realFs;
    this.#backoff = options.renameBackoffMs ?? DEFAULT_BACKOFF;
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  get file(): string {
    return this.#file;
  }

  async read(): Promise<T | null> {
    const bytes = await this.readBytes();
    return bytes === null ? null : (parseDocumentBytes(this.#file, bytes) as T);
  }

  /** The file's bytes (null when missing), remembered as our own version of it. */
  async readBytes(): Promise<Buffer | null> {
    const identity = await this.#fs.stat(this.#file);
    let bytes: Buffer;
    try {
      bytes = await this.#fs.readFile(this.#file);
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return null;
      throw error;
    }
    this.#ours = identity;
    return bytes;
  }

  /**
   * Takes a version of the file, seen by a `stat` taken before it was read elsewhere, as our own.
   * Stat first, read second: if the file changed in between, the next check sees a change and the
   * file is read again; the other order could mistake another program's version for ours.
   */
  adopt(identity: FileIdentity | null): void {
    this.#ours = identity;
  }

  /**
   * Whether another program changed the file since we last read or wrote it. Our own writes, even
   * one renaming at this very moment, are told apart by the identity of the file they put there.
   */
  async changedByOthers(): Promise<boolean> {
    if (!this.#ours) return false;
    const now = await this.#fs.stat(this.#file);
    return !sameIdentity(now, this.#ours) && !sameIdentity(now, this.#pending);
  }

  write(data: T): Promise<void> {
    return this.#queue(() => JSON.stringify(data, null, 2));
  }

  /** Writes a document serialised by the caller at a moment of its choosing (see the store's journal). */
  writeText(text: string): Promise<void> {
    return this.#queue(() => text);
  }

  #queue(latest: () => string): Promise<void> {
    this.#latest = latest;
    if (!this.#next) {
      const next = this.#tail.then(() => {
        // From here on, new calls queue a further write: this one serialises the state as it is now.
        this.#next = null;
        return this.#writeOnce(this.#latest());
      });
      this.#next = next;
      this.#tail = next.catch(() => undefined);
    }
    return this.#next;
  }

  /**
   * Removes temp files a killed writer left behind. Safe only while no other process writes this file,
   * which the app's single-instance lock guarantees; call it before the first write.
   */
  async removeStaleTempFiles(): Promise<number> {
    const prefix = `.${basename(this.#file)}.`;
    let names: string[];
    try {
      names = await readdir(dirname(this.#file));
    } catch {
      return 0;
    }
    const stale = names.filter((name) => name.startsWith(prefix) && name.endsWith('.tmp'));
    await Promise.all(stale.map((name) => this.#fs.unlink(join(dirname(this.#file), name)).catch(() => undefined)));
    return stale.length;
  }

  /** Resolves when every write asked for so far has finished (failed ones included). */
  async settled(): Promise<void> {
    while (this.#next) await this.#next.catch(() => undefined);
    await this.#tail;
  }

  async #writeOnce(text: string): Promise<void> {
    const dir = dirname(this.#file);
    const temp = join(dir, `.${basename(this.#file)}.${process.pid}.${Date.now()}.${++tempCounter}.tmp`);
    try {
      await this.#fs.writeFileSynced(temp, text);
      this.#pending = await this.#fs.stat(temp);
      await this.#renameWithRetry(temp, this.#file);
      this.#ours = this.#pending;
    } catch (error) {
      await this.#fs.unlink(temp).catch(() => undefined);
      throw error;
    } finally {
      this.#pending = null;
    }
    await this.#fs.syncDir(dir);
  }

  async #renameWithRetry(from: string, to: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#fs.rename(from, to);
      } catch (error) {
        const wait = this.#backoff[attempt];
        if (wait === undefined || !isErrno(error, 'EPERM', 'EBUSY', 'EACCES')) throw error;
        await this.#sleep(wait);
      }
    }
  }
}

/** Reads bytes as JSON, calling an empty, NUL-filled or malformed file what it is instead of data. */
export function parseDocumentBytes(file: string, bytes: Buffer): unknown {
  if (bytes.length > 0 && bytes.every((b) => b === 0)) throw new DataFileCorruptError(file, 'nul-filled');
  const text = bytes.toString('utf8');
  if (text.trim() === '') throw new DataFileCorruptError(file, 'empty');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DataFileCorruptError(file, 'not-json', error instanceof Error ? error.message : undefined);
  }
}
