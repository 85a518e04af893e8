/**
 * Runs work one piece after another, in the order asked: each starts when the one before has settled
 * (a failure of one does not stop the next). The store's changes and the journal's appends each go
 * through one, so nothing they write interleaves.
 */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => T | Promise<T>): Promise<T> {
    const run = this.#tail.then(work);
    this.#tail = run.catch(() => undefined);
    return run;
  }

  /** Settles once everything asked for so far has (never rejects). */
  async idle(): Promise<void> {
    await this.#tail;
  }
}
