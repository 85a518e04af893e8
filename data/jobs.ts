import { StudyError } from './errors';

/** Where a long piece of work is: shown as a progress bar with a Cancel button. */
export interface JobProgress {
  job: string;
  /** What it is doing now, in words (“Finding the links in “bookmarks.html””). */
  stage: string;
  /** How much of the whole is done, 0 to 1. */
  fraction: number;
  /** False once it has started saving: from then on it finishes. */
  cancellable: boolean;
}

export interface JobHandle {
  /** Reports the next stage, lets other work run (a tick, a note), and stops here if cancelled. */
  stage(stage: string, fraction: number): Promise<void>;
  /** The point of no return: reported as not cancellable, then the change is made. */
  commit(stage: string, fraction: number): Promise<void>;
}

/**
 * Long work in main (imports; later link checks) runs as a job: it reports progress as events and
 * checks for a cancel between stages, before it changes anything.
 */
export class Jobs {
  readonly #running = new Map<string, { cancelled: boolean; committed: boolean }>();

  constructor(private readonly report: (progress: JobProgress) => void) {}

  async run<T>(id: string | undefined, work: (job: JobHandle) => Promise<T>): Promise<T> {
    if (id === undefined) return work(QUIET);
    if (this.#running.has(id)) throw new StudyError('invalid-argument', 'That job is already running.');
    const state = { cancelled: false, committed: false };
    this.#running.set(id, state);
    const step = async (stage: string, fraction: number, cancellable: boolean) => {
      if (state.cancelled) throw cancelled();
      this.report({ job: id, stage, fraction, cancellable });
      await new Promise((resolve) => setImmediate(resolve));
      if (state.cancelled) throw cancelled();
    };
    try {
      const result = await work({
        stage: (stage, fraction) => step(stage, fraction, true),
        async commit(stage, fraction) {
          await step(stage, fraction, false);
          state.committed = true;
        },
      });
      // A cancel that came during the last stage of work that changes nothing (a preview) still counts.
      if (state.cancelled) throw cancelled();
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
    return true;
  }
}

const QUIET: JobHandle = { stage: async () => undefined, commit: async () => undefined };

function cancelled(): StudyError {
  return new StudyError('cancelled', 'Cancelled. Nothing was changed.');
}
