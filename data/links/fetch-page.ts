import { isSafeExternalUrl } from '../model/web-url';
import { describeError, OFFLINE_CODES, type CheckOptions } from './check-link';
import { infoFromContentType, readPageInfo, type PageInfo } from './page-info';
import { guardedRequest } from './guarded-request';

export interface PageFetchOptions extends CheckOptions {
  /** The most of a page's body read (what is past it is not needed for its <head> and is not read). */
  maxBytes: number;
  /** Electron's net.isOnline(), as link checks use it: false means nothing is asked of the network. */
  isOnline?: () => boolean;
}

export const DEFAULT_MAX_PAGE_BYTES = 3 * 1024 * 1024;

export type PageLookup =
  | { ok: true; info: PageInfo; finalUrl: string }
  /** `offline`: no network at all, as opposed to this site not answering. */
  | { ok: false; reason: string; offline: boolean };

interface Body {
  status: number;
  location: string | null;
  contentType: string;
  text: string | null;
}

const REDIRECT = new Set([301, 302, 303, 307, 308]);
const READABLE = /^(text\/html|application\/xhtml\+xml)\b/i;


/**
 * Fetches a page the way the link checker reaches sites (the same private-network guard, redirect
 * limit and user agent, no cookies), reads at most `maxBytes` of an HTML body within `timeoutMs`, and
 * tells what the page says about itself. A PDF (or other non-HTML answer) is known by its type alone;
 * its body is never read.
 */
export async function lookUpPage(url: string, options: PageFetchOptions): Promise<PageLookup> {
  if (!isSafeExternalUrl(url)) return { ok: false, reason: 'it is not a web address (http or https)', offline: false };
  if (options.isOnline && !options.isOnline()) return { ok: false, reason: 'there is no network connection', offline: true };
  const seen = new Set<string>();
  let current = url;
  for (let hops = 0; ; hops++) {
    seen.add(current);
    let answer: Body;
    try {
      answer = await get(current, options);
    } catch (error) {
      const code = codeOf(error);
      if (OFFLINE_CODES.has(code)) return { ok: false, reason: 'there is no network connection', offline: true };
      const { reason } = describeError(code, error instanceof Error ? error.message : String(error));
      return { ok: false, reason: lowerFirst(reason), offline: false };
    }
    if (REDIRECT.has(answer.status) && answer.location) {
      let next: string;
      try {
        next = new URL(answer.location, current).href;
      } catch {
        return { ok: false, reason: 'it redirects to something that is not a web address', offline: false };
      }
      if (!isSafeExternalUrl(next)) return { ok: false, reason: 'it redirects to something that is not a web address', offline: false };
      if (seen.has(next) || hops >= options.maxRedirects) return { ok: false, reason: 'it redirects too many times', offline: false };
      current = next;
      continue;
    }
    if (answer.status < 200 || answer.status >= 300) return { ok: false, reason: `the site answered ${answer.status}`, offline: false };
    const byType = infoFromContentType(answer.contentType, current);
    if (byType) return { ok: true, info: byType, finalUrl: current };
    if (answer.text === null) return { ok: false, reason: 'it is not a web page', offline: false };
    return { ok: true, info: readPageInfo(answer.text, current), finalUrl: current };
  }
}

async function get(url: string, options: PageFetchOptions): Promise<Body> {
  const accept = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';
  const answer = await guardedRequest(url, 'GET', { accept }, options, (status, headers) => {
    const readable = status >= 200 && status < 300 && READABLE.test(headers['content-type'] ?? '');
    return readable ? { maxBytes: options.maxBytes, over: 'truncate' } : null;
  });
  const location = typeof answer.headers.location === 'string' ? answer.headers.location : null;
  const contentType = answer.headers['content-type'] ?? '';
  return { status: answer.status, location, contentType, text: answer.body && decode(answer.body, contentType) };
}

/** The body in the charset the answer names (or a <meta charset> near its start), UTF-8 otherwise. */
function decode(bytes: Buffer, contentType: string): string {
  const declared = /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(bytes.subarray(0, 2048).toString('latin1'))?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'EUNKNOWN';
}

function lowerFirst(sentence: string): string {
  return sentence.replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase());
}
