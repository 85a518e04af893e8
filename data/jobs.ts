import { StudyError } from './model/errors';
import type { JobProgress } from './model/reports';

export type { JobProgress } from './model/reports';

export interface JobHandle {
  /** Reports the next stage, lets other work run (a tick, a note), and stops here if cancelled. */
  stage(stage: string, fraction: number): Promise<void>;
  /** The point of no return: reported as not cancellable, then the change is made. */
  commit(stage: string, fraction: number): Promise<void>;
  /** Reports progress without yielding or stopping: for work that watches `signal` itself. */
  report(stage: string, fraction: number): void;
  /** Aborted when the user cancels: for work that stops part-way and keeps what it did (a link check). */
  readonly signal: AbortSignal;
}

export type JobHold = (progress: JobProgress, cancelled: AbortSignal) => Promise<void>;

/**
 * Long work in main (imports; later link checks) runs as a job: it reports progress as events and
 * checks for a cancel between stages, before it changes anything.
 */
export class Jobs {
  readonly #running = new Map<string, { cancelled: boolean; committed: boolean; abort: AbortController }>();

  /**
   * `hold`, a test seam: awaited after each stage is reported, before the job goes on (with the signal a
   * cancel aborts; the progress says whether the stage can still be cancelled), so a test can cancel a
   * job, or look at its progress, at a known point instead of racing it with a file big enough to be slow.
   */
  constructor(
    private readonly report: (progress: JobProgress) => void,
    private readonly hold?: JobHold,
  ) {}

  /**
   * `keepsPartial`: the work itself stops on `signal` and returns what it did, so a cancel is not an
   * error (a link check keeps the links it checked before the cancel).
   */
  async run<T>(id: string | undefined, work: (job: JobHandle) => Promise<T>, options: { keepsPartial?: boolean } = {}): Promise<T> {
    if (id === undefined) return work(quietJob());
    if (this.#running.has(id)) throw new StudyError('invalid-argument', 'That job is already running.');
    const state = { cancelled: false, committed: false, abort: new AbortController() };
    this.#running.set(id, state);
    const step = async (stage: string, fraction: number, cancellable: boolean) => {
      if (state.cancelled) throw cancelled();
      const progress = { job: id, stage, fraction, cancellable };
      this.report(progress);
      await new Promise((resolve) => setImmediate(resolve));
      await this.hold?.(progress, state.abort.signal);
      if (state.cancelled) throw cancelled();
    };
    try {
      const result = await work({
        stage: (stage, fraction) => step(stage, fraction, true),
        async commit(stage, fraction) {
          await step(stage, fraction, false);
          state.committed = true;
        },
        report: (stage, fraction) => this.report({ job: id, stage, fraction, cancellable: !state.committed }),
        signal: state.abort.signal,
      });
      // A cancel that came during the last stage of work that changes nothing (a preview) still counts.
      if (state.cancelled && !options.keepsPartial) throw cancelled();
      return result;
    } finally {
      this.#running.delete(id);
    }
  }

  /** True when the job will stop before changing anything; false when it is done or past saving. */
  cancel(id: string): boolean {
    const state = this.#running.get(id);
    if (!state || state.committed) return false;
    state.cancelled = true;
    state.abort.abort();
    return true;
  }
}

/** A job nobody watches (no id, a background run): reports go nowhere and nothing cancels it. */
export function quietJob(): JobHandle {
  return { stage: async () => undefined, commit: async () => undefined, report: () => undefined, signal: new AbortController().signal };
}

function cancelled(): StudyError {
  return new StudyError('cancelled', 'Cancelled. Nothing was changed.');
}
