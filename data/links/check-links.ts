import { checkLink, OFFLINE_CODES, type CheckOptions, type LinkCheck } from './check-link';

export interface RunOptions extends CheckOptions {
  /** Requests at once, in all. */
  maxConcurrent: number;
  /** Requests at once to one host: a list with 40 posts of one blog must not hammer it. */
  perHost: number;
  /** Electron's net.isOnline(); when false the run ends at once, checking nothing. */
  isOnline?: () => boolean;
  /** After each address is checked (or found offline), for progress. */
  onProgress?: (finished: number, total: number) => void;
}

export interface RunResult {
  /** The verdict for each address checked. */
  checks: Map<string, LinkCheck>;
  /** Addresses with no verdict: offline, or the run was cancelled before them. */
  notChecked: string[];
  offline: boolean;
  cancelled: boolean;
}

/** How many first results, all without any network, mean "offline": stop instead of waiting out every timeout. */
const OFFLINE_AFTER = 3;

/**
 * Checks many addresses with limits on concurrency, overall and per host. A run that reaches no
 * server at all calls nothing broken: a missing network looks like missing sites, so it reports
 * "not checked" instead.
 */
export async function checkLinks(addresses: Iterable<string>, options: RunOptions): Promise<RunResult> {
  const urls = [...new Set(addresses)];
  const result: RunResult = { checks: new Map(), notChecked: [], offline: false, cancelled: false };
  if (options.isOnline && !options.isOnline()) {
    return { ...result, notChecked: urls, offline: true };
  }
  const abort = new AbortController();
  const outer = options.signal;
  const onOuterAbort = () => abort.abort();
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  if (outer?.aborted) abort.abort();

  // Waiting addresses per host, hosts in first-seen order: picking the next one costs O(hosts with
  // room), not a scan of every waiting address (10,000 posts of one blog would make that quadratic).
  const waiting = new Map<string, string[]>();
  for (const url of urls) {
    const host = hostOf(url);
    const list = waiting.get(host);
    if (list) list.push(url);
    else waiting.set(host, [url]);
  }
  const perHost = new Map<string, number>();
  let active = 0;
  let finished = 0;
  let answered = false;
  let doubtful = 0;

  await new Promise<void>((allDone) => {
    const settle = () => {
      if (active === 0 && (waiting.size === 0 || abort.signal.aborted)) allDone();
    };
    const next = (): { url: string; host: string } | null => {
      for (const [host, list] of waiting) {
        if ((perHost.get(host) ?? 0) >= options.perHost) continue;
        const url = list.shift()!;
        if (list.length === 0) waiting.delete(host);
        return { url, host };
      }
      return null;
    };
    const pump = () => {
      if (abort.signal.aborted) return settle();
      while (active < options.maxConcurrent) {
        const picked = next();
        if (!picked) break;
        const { url, host } = picked;
        active += 1;
        perHost.set(host, (perHost.get(host) ?? 0) + 1);
        void checkLink(url, { ...options, signal: abort.signal }).then((check) => {
          active -= 1;
          perHost.set(host, perHost.get(host)! - 1);
          finished += 1;
          if (abort.signal.aborted && check.code === 'EABORTED') {
            result.notChecked.push(url);
          } else {
            result.checks.set(url, check);
            const evidence = evidenceOf(check);
            if (evidence === 'network') answered = true;
            else if (evidence === 'doubtful') doubtful += 1;
            if (!answered && doubtful >= Math.min(OFFLINE_AFTER, urls.length)) {
              result.offline = true;
              abort.abort();
            }
          }
          options.onProgress?.(finished, urls.length);
          pump();
        });
      }
      settle();
    };
    pump();
  });
  outer?.removeEventListener('abort', onOuterAbort);
  result.cancelled = !!outer?.aborted;
  for (const list of waiting.values()) result.notChecked.push(...list);

  if (!answered) {
    // Nothing answered: a "no such name" may just be a missing network. Say not checked, not broken.
    for (const [url, check] of result.checks) {
      if (evidenceOf(check) === 'doubtful') {
        result.checks.delete(url);
        result.notChecked.push(url);
        result.offline = true;
      }
    }
  }
  return result;
}

/**
 * What a verdict says about the network: "network" when some server took part (an HTTP answer, a
 * certificate, a refused port), "doubtful" when it is what a missing network also produces.
 */
function evidenceOf(check: LinkCheck): 'network' | 'doubtful' | 'none' {
  if (check.status !== null) return 'network';
  if (check.code === null) return 'none';
  if (OFFLINE_CODES.has(check.code) || check.code === 'ENOTFOUND') return 'doubtful';
  if (['ETIMEOUT', 'ETIMEDOUT', 'EABORTED', 'EPRIVATE', 'EUNKNOWN'].includes(check.code)) return 'none';
  return 'network';
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}
