import { DurableJsonFile } from '../storage/durable-json-file';
import { WEEK_MS } from '../links/link-checks';
import { FollowScheduleSchema, type FollowScheduleSettings } from '../model/reports';

export const FOLLOW_SCHEDULE_FILE_NAME = 'follow-checks.json';

/**
 * A last check dated this far ahead of the clock is not waited for: the clock was wrong when it was
 * written, or went back since. Less than this (a clock set right by a few minutes) is waited out.
 */
export const CLOCK_SLACK_MS = 24 * 60 * 60 * 1000;

export type { FollowScheduleSettings } from '../model/reports';

/**
 * Whether the weekly check of followed lists is due at `now`: turned on, online (offline nothing is
 * tried, and it stays due), and a week since the last one. A machine asleep for a month finds it due
 * once — the run is recorded before it starts, so the next look finds it done. A last run in the
 * future (a wrong clock then, or a clock that jumped back) makes it due once rather than never.
 */
export function followCheckDue(settings: Pick<FollowScheduleSettings, 'autoCheck' | 'lastAutoRun'>, now: Date, online: boolean): boolean {
  if (!settings.autoCheck || !online) return false;
  if (settings.lastAutoRun === null) return true;
  const last = Date.parse(settings.lastAutoRun);
  if (!Number.isFinite(last)) return true;
  const elapsed = now.getTime() - last;
  if (elapsed < -CLOCK_SLACK_MS) return true;
  return elapsed >= WEEK_MS;
}

export interface FollowScheduleOptions {
  /** The file in the app's own folder: this computer's consent, never synced to another one. */
  path: string;
  /** Checks every followed list (ListFollower.checkAll). */
  checkAll: () => Promise<void>;
  isOnline?: () => boolean;
  now?: () => Date;
}

/** The weekly background check of followed lists, as the link checks have one: the setting, the last run, the timer. */
export class FollowSchedule {
  readonly #options: FollowScheduleOptions;
  readonly #file: DurableJsonFile<unknown>;
  #settings: FollowScheduleSettings = { version: 1, autoCheck: false, lastAutoRun: null };
  #running: Promise<void> | null = null;

  constructor(options: FollowScheduleOptions) {
    this.#options = options;
    this.#file = new DurableJsonFile<unknown>(options.path);
  }

  /** A damaged file reads as "off": nothing is contacted until the user turns it on again. */
  async load(): Promise<FollowScheduleSettings> {
    try {
      const parsed = FollowScheduleSchema.safeParse(await this.#file.read());
      if (parsed.success) this.#settings = parsed.data;
    } catch {
      // Kept off.
    }
    return this.settings();
  }

  settings(): FollowScheduleSettings {
    return { ...this.#settings };
  }

  async setAutoCheck(enabled: boolean): Promise<FollowScheduleSettings> {
    await this.#save({ ...this.#settings, autoCheck: enabled });
    return this.settings();
  }

  due(): boolean {
    const online = this.#options.isOnline?.() ?? true;
    return this.#running === null && followCheckDue(this.#settings, this.#options.now?.() ?? new Date(), online);
  }

  /** Runs the weekly check if it is due; resolves when it is done (false: it was not due). */
  async tick(): Promise<boolean> {
    if (!this.due()) return false;
    const run = (async () => {
      await this.#save({ ...this.#settings, lastAutoRun: (this.#options.now?.() ?? new Date()).toISOString() });
      await this.#options.checkAll();
    })();
    this.#running = run;
    try {
      await run;
    } finally {
      this.#running = null;
    }
    return true;
  }

  /** Looks every `everyMs` whether the check is due. Returns the stop. */
  start(everyMs: number, firstAfterMs = everyMs): () => void {
    let timer: ReturnType<typeof setInterval> | undefined;
    const tick = () => void this.tick().catch(() => undefined);
    const first = setTimeout(() => {
      tick();
      timer = setInterval(tick, everyMs);
      timer.unref?.();
    }, firstAfterMs);
    first.unref?.();
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }

  async #save(next: FollowScheduleSettings): Promise<void> {
    this.#settings = next;
    await this.#file.write(next);
  }
}
