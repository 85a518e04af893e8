import { z } from 'zod';
import { DurableJsonFile } from '../storage/durable-json-file';
import type { LinkCheck } from './check-link';
import type { RunResult } from './check-links';
import { RunSummarySchema } from '../model/reports';
import type { RunSummary } from '../model/reports';

export type { RunSummary } from '../model/reports';

export const LINK_LOG_FILE_NAME = 'link-checks.json';

/** Checks kept per address, newest first: enough to see "broken since March", small enough to keep. */
export const HISTORY_LENGTH = 12;

const LinkCheckSchema = z.object({
  at: z.string(),
  state: z.enum(['ok', 'redirected', 'broken', 'unreachable']),
  status: z.number().int().nullable(),
  reason: z.string().max(2000),
  finalUrl: z.string().max(4096).nullable(),
  movedTo: z.string().max(4096).nullable(),
  code: z.string().max(100).nullable(),
});

export const LinkLogSchema = z.object({
  version: z.literal(1),
  /** The weekly background check: off until the user turns it on (it contacts every resource's site). */
  autoCheck: z.boolean(),
  lastRun: RunSummarySchema.nullable(),
  lastAutoRun: z.string().nullable(),
  links: z.record(z.string(), z.array(LinkCheckSchema)),
});

export type LinkLog = z.infer<typeof LinkLogSchema>;

export function emptyLinkLog(): LinkLog {
  return { version: 1, autoCheck: false, lastRun: null, lastAutoRun: null, links: {} };
}

/** The log with a run's verdicts added to each address's history; "not checked" leaves history alone. */
export function recordRun(log: LinkLog, run: RunResult, meta: { at: string; listId: string | null; automatic: boolean }): LinkLog {
  const links = { ...log.links };
  for (const [url, check] of run.checks) links[url] = [check, ...(links[url] ?? [])].slice(0, HISTORY_LENGTH);
  // A permanent move that ended on a working page also checked the new address: after "use the new
  // address", the link shows as OK, not as unchecked.
  for (const check of run.checks.values()) {
    if (check.state !== 'redirected' || !check.movedTo || check.movedTo !== check.finalUrl || run.checks.has(check.movedTo)) continue;
    const ok: LinkCheck = { ...check, state: 'ok', reason: `The page answered (${check.status}).`, finalUrl: null, movedTo: null };
    links[check.movedTo] = [ok, ...(links[check.movedTo] ?? [])].slice(0, HISTORY_LENGTH);
  }
  const counts = { ok: 0, redirected: 0, broken: 0, unreachable: 0, notChecked: run.notChecked.length };
  for (const check of run.checks.values()) counts[check.state] += 1;
  const lastRun: RunSummary = { ...meta, counts, offline: run.offline, cancelled: run.cancelled };
  return { ...log, links, lastRun, lastAutoRun: meta.automatic ? meta.at : log.lastAutoRun };
}

export function latestCheck(log: LinkLog, url: string | null): LinkCheck | null {
  return url ? (log.links[url]?.[0] ?? null) : null;
}

/**
 * The link log lives beside the app's own settings, not in the data folder: it is this computer's view
 * of the network, rebuilt by the next check, and never worth a sync conflict. A damaged file is read
 * as an empty log (the next save replaces it): nothing the user wrote is in it.
 */
export class LinkLogFile {
  readonly #file: DurableJsonFile<unknown>;
  #log: LinkLog = emptyLinkLog();

  constructor(path: string) {
    this.#file = new DurableJsonFile<unknown>(path);
  }

  async load(): Promise<LinkLog> {
    try {
      const parsed = LinkLogSchema.safeParse(await this.#file.read());
      this.#log = parsed.success ? parsed.data : emptyLinkLog();
    } catch {
      this.#log = emptyLinkLog();
    }
    return this.#log;
  }

  get log(): LinkLog {
    return this.#log;
  }

  async save(next: LinkLog): Promise<void> {
    this.#log = next;
    await this.#file.write(next);
  }
}

export type { LinkCheck };
