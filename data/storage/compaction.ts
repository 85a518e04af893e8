/** Ticks and notes go to the journal; the whole document is rewritten once the user pauses this long. */
export const COMPACT_AFTER_MS = 1500;
/** …or sooner, when the journal has grown this much (notes are journaled whole). */
const COMPACT_AFTER_BYTES = 4 * 1024 * 1024;

/**
 * When the store folds its journal into a whole document: once the user pauses (`afterMs` after the
 * last journaled change), or at once when the journal has grown past a few megabytes. One runs at a
 * time as far as close() is concerned: it waits for the one running, and none starts after it.
 */
export class Compaction {
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(
    private readonly afterMs: number,
    private readonly run: () => Promise<void>,
    /** How much the journal has grown since the last whole write. */
    private readonly journalBytes: () => number,
  ) {}

  /** (Re)starts the wait for the pause after a journaled change. */
  schedule(): void {
    clearTimeout(this.#timer);
    if (this.#closed) return;
    this.#timer = setTimeout(() => (this.#running = this.run()), this.journalBytes() > COMPACT_AFTER_BYTES ? 0 : this.afterMs);
    this.#timer.unref?.();
  }

  /** No more compactions; resolves once one already running has finished. */
  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    await this.#running;
  }
}
