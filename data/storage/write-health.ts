import { StudyError } from '../model/errors';
import { describeFsError, isErrno } from './fs-seam';
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
  /** Removes the recovery file (through the store's file-system seam). */
  removeRecovery: () => Promise<void>;
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
  /** Failures so far: a success that waited tells from it whether another failure came meanwhile. */
  #failures = 0;
  #lastError: unknown = null;

  constructor(private readonly options: WriteHealthOptions) {}

  get current(): StorageHealth {
    return this.#health;
  }

  get ok(): boolean {
    return this.#health.ok;
  }

  /** What the last failure was (for a change that cannot be said saved yet). */
  get lastError(): unknown {
    return this.#lastError;
  }

  failed(error: unknown): void {
    const { options } = this;
    const before = this.#health;
    this.#failures++;
    this.#lastError = error;
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

  /**
   * A whole write succeeded. OK again only once the recovery file is gone: a start reads that file
   * first, and it holds less than this write, so until it is removed nothing may be acknowledged by
   * a journal append (the crash test found one acknowledged, then lost, while an older recovery file was
   * still being waited for). A recovery file still on its way must land before it is removed, never
   * after. False when the data cannot be said saved: another failure came meanwhile, or the file stays.
   */
  async succeeded(): Promise<boolean> {
    if (this.#health.ok) return true;
    clearTimeout(this.#timer);
    this.#attempt = 0;
    const failures = this.#failures;
    await this.options.recoverySettled();
    if (this.#failures !== failures) return false;
    try {
      await this.options.removeRecovery();
    } catch (error) {
      if (!isErrno(error, 'ENOENT')) {
        this.failed(error);
        return false;
      }
    }
    if (this.#failures !== failures) return false;
    if (!this.#health.ok) {
      this.#health = { ok: true };
      this.options.onChange(this.#health);
    }
    return true;
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
