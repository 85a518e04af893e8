import { StudyError } from '../model/errors';
import { quietJob, type JobHandle } from '../jobs';
import { resolveRef, type Ref } from '../model/refs';
import type { StudyDocument } from '../model/schema';
import { isSafeExternalUrl } from '../model/web-url';
import { addressesOf } from '../model/addresses';
import type { LinkCheck } from './check-link';
import { checkLinks, type RunOptions } from './check-links';
import type { LinkLogFile} from './link-log';
import { latestCheck, recordRun, type LinkLog, type RunSummary } from './link-log';
import { archivedCopyUrl } from './wayback';
import type { LinkChecksState } from '../model/reports';

export type { LinkChecksState } from '../model/reports';

export const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export const DEFAULT_RUN_OPTIONS: RunOptions = {
  timeoutMs: 15_000,
  maxRedirects: 10,
  userAgent: 'Mozilla/5.0 (compatible; Studyshelf/0.1; +link check of a study list)',
  allowPrivateNetwork: false,
  maxConcurrent: 8,
  perHost: 2,
};

export interface LinkCheckerOptions {
  log: LinkLogFile;
  document: () => StudyDocument | null;
  run?: Partial<RunOptions>;
  /** Told after each run and setting change (the window re-reads). */
  onChange?: (state: LinkChecksState) => void;
  now?: () => Date;
}

/**
 * Link checks for the app: runs (by hand, as a job, or weekly in the background once the user
 * allowed it), the device's log of verdicts, and the two things a verdict offers — the new address
 * of a moved page and the archived copy of a dead one.
 */
export class LinkChecker {
  readonly #options: LinkCheckerOptions;
  #running: Promise<RunSummary> | null = null;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(options: LinkCheckerOptions) {
    this.#options = options;
  }

  #now(): Date {
    return this.#options.now?.() ?? new Date();
  }

  /** The network settings checks run with (the app's, or a test's loopback servers): pasted links' pages are read with them too. */
  runOptions(): RunOptions {
    return { ...DEFAULT_RUN_OPTIONS, ...this.#options.run };
  }

  state(): LinkChecksState {
    const log = this.#options.log.log;
    const latest: Record<string, LinkCheck> = {};
    for (const [url, history] of Object.entries(log.links)) if (history[0]) latest[url] = history[0];
    return { autoCheck: log.autoCheck, lastRun: log.lastRun, running: this.#running !== null, latest };
  }

  history(url: string): LinkCheck[] {
    return this.#options.log.log.links[url] ?? [];
  }

  /** Checks one list's links (or every list's, null). One run at a time. */
  async check(listId: string | null, job: JobHandle, automatic = false): Promise<RunSummary> {
    if (this.#running) throw new StudyError('invalid-argument', 'Links are being checked already; wait for that check to finish.');
    const doc = this.#options.document();
    if (!doc) throw new StudyError('read-only', 'Your data is not open.');
    const lists = listId === null ? doc.lists : doc.lists.filter((l) => l.id === listId);
    if (listId !== null && lists.length === 0) throw new StudyError('unknown-ref', 'That list no longer exists.');
    const urls = addressesOf(lists);
    let lastReport = 0;
    const run = (async () => {
      job.report(`Checking ${urls.length.toLocaleString('en')} links`, 0);
      const result = await checkLinks(urls, {
        ...DEFAULT_RUN_OPTIONS,
        ...this.#options.run,
        now: () => this.#now(),
        signal: job.signal,
        onProgress: (done, total) => {
          // At most ten progress events a second: a list of 10,000 links must not flood the window.
          const now = Date.now();
          if (done < total && now - lastReport < 100) return;
          lastReport = now;
          job.report(`Checked ${done.toLocaleString('en')} of ${total.toLocaleString('en')} links`, total ? done / total : 1);
        },
      });
      const log = recordRun(this.#options.log.log, result, { at: this.#now().toISOString(), listId, automatic });
      await this.#options.log.save(log);
      return log.lastRun!;
    })();
    this.#running = run;
    this.#changed();
    try {
      return await run;
    } finally {
      this.#running = null;
      this.#changed();
    }
  }

  async setAutoCheck(enabled: boolean): Promise<LinkChecksState> {
    await this.#options.log.save({ ...this.#options.log.log, autoCheck: enabled });
    this.#changed();
    return this.state();
  }

  /** Whether the weekly check is due now: allowed by the user, and a week since the last one. */
  autoCheckDue(): boolean {
    const log: LinkLog = this.#options.log.log;
    if (!log.autoCheck || this.#running) return false;
    if (!log.lastAutoRun) return true;
    return this.#now().getTime() - new Date(log.lastAutoRun).getTime() >= WEEK_MS;
  }

  /** Looks every `everyMs` whether the weekly check is due, and runs it quietly if so. */
  startSchedule(everyMs: number, firstAfterMs = everyMs): () => void {
    const tick = () => {
      if (!this.autoCheckDue()) return;
      void this.check(null, quietJob(), true).catch(() => undefined);
    };
    const first = setTimeout(() => {
      tick();
      this.#timer = setInterval(tick, everyMs);
      this.#timer.unref?.();
    }, firstAfterMs);
    first.unref?.();
    return () => {
      clearTimeout(first);
      clearInterval(this.#timer);
    };
  }

  /** The address the last check found the item permanently moved to, or why there is none. */
  movedAddress(doc: StudyDocument, ref: Ref): { url: string; movedTo: string } {
    const url = ownUrlOf(doc, ref);
    const check = latestCheck(this.#options.log.log, url);
    if (!url || !check?.movedTo || !isSafeExternalUrl(check.movedTo)) {
      throw new StudyError('invalid-argument', 'The last check found no new address for this link.');
    }
    return { url, movedTo: check.movedTo };
  }

  /**
   * The Wayback Machine's copy nearest to when the resource was added; failing that, to the last time
   * a check saw the link work; failing that, the newest copy.
   */
  archivedCopy(doc: StudyDocument, ref: Ref): string {
    const url = ownUrlOf(doc, ref);
    if (!url) throw new StudyError('invalid-argument', 'This item has no web address of its own.');
    const found = resolveRef(doc, ref)!;
    const lastGood = this.history(url).find((c) => c.state === 'ok' || c.state === 'redirected')?.at;
    const when = found.resource.addedAt ?? lastGood ?? this.#now().toISOString();
    return archivedCopyUrl(url, new Date(when));
  }

  #changed(): void {
    this.#options.onChange?.(this.state());
  }
}

/** The item's own address (a part without one has none to check or archive). */
function ownUrlOf(doc: StudyDocument, ref: Ref): string | null {
  const found = resolveRef(doc, ref);
  if (!found) throw new StudyError('unknown-ref', `There is no resource “${ref}”.`);
  const url = found.kind === 'resource' ? found.resource.url : found.kind === 'part' ? found.part.url : found.link.url;
  return isSafeExternalUrl(url) ? url : null;
}
