import { unlink } from 'node:fs/promises';
import { StudyError } from '../model/errors';
import { describeFsError } from './fs-seam';
import type { StorageHealth } from '../model/reports';

export type { StorageHealth } from '../model/reports';

/** Waits between retries of a write that failed (disk full, locked file, …); the last one repeats. */
export const RETRY_DELAYS_MS: readonly number[] = [1000, 2000, 5000, 10_000, 30_000];

/** What a change that could not be written says: it is kept, and the store keeps trying. */
export function notSavedYet(error: unknown): StudyError {
  return new StudyError('io', `Not saved to disk yet: ${describeFsError(error)}. Your change is kept and Studyshelf keeps trying.`, { cause: error });
}

export interface WriteHealthOptions {
  /** Waits between retries of a write that failed; the last one repeats. */
  retryDelaysMs: readonly number[];
  now: () => string;
  recoveryFile: string;
  /** Tries the write again (and reports back through `failed` or `succeeded`). */
  retry: () => void;
  /** Writes everything in memory to the recovery file, which the next start reads first. */
  writeRecovery: () => Promise<void>;
  /** Waits for a recovery file already on its way. */
  recoverySettled: () => Promise<void>;
  /** The health changed (or the recovery file it names was written). */
  onChange: (health: StorageHealth) => void;
}

/**
 * Whether the data is on disk. A failed write (disk full, file locked, …) turns it to not OK with the
 * reason in words, writes a recovery file with everything in memory, and retries on a widening
 * schedule; the first write that succeeds turns it back, and the recovery file goes.
 */
export class WriteHealth {
  #health: StorageHealth = { ok: true };
  #timer: ReturnType<typeof setTimeout> | undefined;
  #attempt = 0;
  #closed = false;

  constructor(private readonly options: WriteHealthOptions) {}

  get current(): StorageHealth {
    return this.#health;
  }

  get ok(): boolean {
    return this.#health.ok;
  }

  failed(error: unknown): void {
    const { options } = this;
    const before = this.#health;
    this.#health = { ok: false, reason: describeFsError(error), since: before.ok ? options.now() : before.since, recoveryFile: null };
    // A copy of everything, unsaved changes included, next to the data file: read first at next start.
    void options.writeRecovery().then(
      () => {
        if (!this.#health.ok) this.#health = { ...this.#health, recoveryFile: options.recoveryFile };
        options.onChange(this.#health);
      },
      () => options.onChange(this.#health),
    );
    if (before.ok) options.onChange(this.#health);
    this.#scheduleRetry();
  }

  async succeeded(): Promise<void> {
    if (this.#health.ok) return;
    clearTimeout(this.#timer);
    this.#attempt = 0;
    this.#health = { ok: true };
    // A recovery file the failure before started may still be on its way: it holds less than this write,
    // and a start reads it first, so it must land before it is removed, never after.
    await this.options.recoverySettled();
    if (this.#health.ok) await unlink(this.options.recoveryFile).catch(() => undefined);
    this.options.onChange(this.#health);
  }

  /** No more retries (the store closes and makes its own last attempt). */
  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
  }

  #scheduleRetry(): void {
    clearTimeout(this.#timer);
    if (this.#closed) return;
    const delays = this.options.retryDelaysMs;
    const delay = delays[Math.min(this.#attempt, delays.length - 1)] ?? 1000;
    this.#attempt++;
    this.#timer = setTimeout(() => this.options.retry(), delay);
    this.#timer.unref?.();
  }
}
