import type { LookupFunction } from 'node:net';
import { isSafeExternalUrl } from '../model/web-url';
import { guardedRequest } from './guarded-request';
import type { LinkCheck, LinkState } from '../model/reports';

export type { LinkCheck, LinkState } from '../model/reports';

export interface CheckOptions {
  /** Per request (connect + answer headers). */
  timeoutMs: number;
  maxRedirects: number;
  userAgent: string;
  signal?: AbortSignal;
  /** For tests: a resolver (what getaddrinfo would answer). */
  lookup?: LookupFunction;
  /** Addresses on this computer or the local network are only checked when allowed (the tests' servers). */
  allowPrivateNetwork: boolean;
  /**
   * For tests: exact origins (the tests' own servers on loopback) contacted although allowPrivateNetwork
   * is false. Every other address, wherever a redirect leads, still goes through the private guard.
   */
  privateOriginsAllowed?: readonly string[];
  now?: () => Date;
}

interface Answer {
  status: number;
  location: string | null;
}

const PERMANENT = new Set([301, 308]);
/** The server closed the connection or sent something unparsable: worth a second try with GET. */
const HUNG_UP = /^(ECONNRESET|EPIPE|ERR_STREAM_PREMATURE_CLOSE|HPE_)/;
const REDIRECT = new Set([301, 302, 303, 307, 308]);

/**
 * Checks one address: HEAD first, GET when HEAD is refused, following redirects by hand (to see each
 * one), never reading a body, with no cookies (each request is fresh and none are stored).
 */
export async function checkLink(url: string, options: CheckOptions): Promise<LinkCheck> {
  const at = (options.now?.() ?? new Date()).toISOString();
  const done = (state: LinkState, reason: string, extra: Partial<LinkCheck> = {}): LinkCheck => ({
    at,
    state,
    reason,
    status: null,
    finalUrl: null,
    movedTo: null,
    code: null,
    ...extra,
  });
  if (!isSafeExternalUrl(url)) return done('broken', 'This is not a web address (http or https).');
  const head = await follow(url, 'HEAD', options);
  // Many servers refuse HEAD (405, 501), answer it wrongly, or hang up on it; what a browser gets is
  // what GET gets.
  const headRefused = (head.kind === 'answer' && head.answer.status >= 400) || (head.kind === 'error' && HUNG_UP.test(head.code));
  const result = headRefused ? await follow(url, 'GET', options) : head;
  if (result.kind === 'error') {
    const { state, reason } = describeError(result.code, result.message);
    return done(state, reason, { code: result.code, finalUrl: result.url === url ? null : result.url });
  }
  if (result.kind === 'loop') return done('broken', `It redirects in a loop (${result.hops} redirects).`, { finalUrl: result.url });
  if (result.kind !== 'answer') return done('broken', `It redirects more than ${options.maxRedirects} times.`, { finalUrl: result.url });
  const { answer, chain } = result;
  const finalUrl = chain.length > 0 ? result.url : null;
  const movedTo = movedAddress(chain);
  const after = finalUrl ? ` after redirecting to ${finalUrl}` : '';
  const status = answer.status;
  if (status >= 200 && status < 300) {
    if (!finalUrl) return done('ok', `The page answered (${status}).`, { status });
    return done(
      'redirected',
      movedTo ? `It has moved permanently to ${movedTo}.` : `It redirects (temporarily) to ${finalUrl}.`,
      { status, finalUrl, movedTo },
    );
  }
  if (REDIRECT.has(status)) return done('broken', `It redirects without saying where (${status}).`, { status, finalUrl });
  if (status === 404) return done('broken', `Not found (404)${after}: the page is gone.`, { status, finalUrl });
  if (status === 410) return done('broken', `Gone (410)${after}: the site says it was removed.`, { status, finalUrl });
  if (status === 401 || status === 403 || status === 407 || status === 429) {
    return done('unreachable', `The site refused the check (${status}${phrase(status)}); it may still open in a browser.`, { status, finalUrl });
  }
  if (status >= 500) return done('unreachable', `The site had an error (${status}${phrase(status)}); it may be temporary.`, { status, finalUrl });
  return done('broken', `The site answered ${status}${phrase(status)}${after}.`, { status, finalUrl });
}

type Followed =
  | { kind: 'answer'; answer: Answer; url: string; chain: Hop[] }
  | { kind: 'error'; code: string; message: string; url: string }
  | { kind: 'loop' | 'too-many'; url: string; hops: number };

async function follow(start: string, method: 'HEAD' | 'GET', options: CheckOptions): Promise<Followed> {
  const seen = new Set<string>();
  const chain: Hop[] = [];
  let current = start;
  for (;;) {
    seen.add(current);
    let answer: Answer;
    try {
      answer = await request(current, method, options);
    } catch (error) {
      return { kind: 'error', code: codeOf(error), message: error instanceof Error ? error.message : String(error), url: current };
    }
    if (!REDIRECT.has(answer.status) || answer.location === null) return { kind: 'answer', answer, url: current, chain };
    let next: string;
    try {
      next = new URL(answer.location, current).href;
    } catch {
      return { kind: 'error', code: 'EBADREDIRECT', message: 'bad redirect', url: current };
    }
    if (!isSafeExternalUrl(next)) return { kind: 'error', code: 'EBADREDIRECT', message: 'redirect to a non-web address', url: current };
    chain.push({ status: answer.status, to: next });
    if (seen.has(next)) return { kind: 'loop', url: next, hops: chain.length };
    if (chain.length > options.maxRedirects) return { kind: 'too-many', url: next, hops: chain.length };
    current = next;
  }
}

interface Hop {
  status: number;
  to: string;
}

/** Follows the permanent moves from the start; the first temporary hop ends what may be called the new address. */
function movedAddress(chain: Hop[]): string | null {
  let moved: string | null = null;
  for (const hop of chain) {
    if (!PERMANENT.has(hop.status)) break;
    moved = hop.to;
  }
  return moved;
}

async function request(url: string, method: 'HEAD' | 'GET', options: CheckOptions): Promise<Answer> {
  // The headers are the answer: the body is never read, however large.
  const answer = await guardedRequest(url, method, { accept: '*/*' }, options, () => null);
  const location = answer.headers.location;
  return { status: answer.status, location: typeof location === 'string' ? location : null };
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'EUNKNOWN';
}

const TLS_CODES = /^(CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_|ERR_TLS_|ERR_SSL_|EPROTO$|HOSTNAME_MISMATCH)/;
/** Errors that mean "no network here", not "the site is gone": a run that sees only these is offline. */
export const OFFLINE_CODES = new Set(['EAI_AGAIN', 'ENETUNREACH', 'ENETDOWN', 'EHOSTUNREACH', 'EAI_FAIL', 'EOFFLINE']);

export function describeError(code: string, message: string): { state: LinkState; reason: string } {
  if (code === 'ENOTFOUND') return { state: 'broken', reason: 'No such site: the name does not exist (DNS).' };
  if (TLS_CODES.test(code)) return { state: 'broken', reason: `The site's security certificate is not valid (${tlsWords(code)}).` };
  if (code === 'EBADREDIRECT') return { state: 'broken', reason: 'It redirects to something that is not a web address.' };
  if (code === 'ETIMEOUT' || code === 'ETIMEDOUT') return { state: 'unreachable', reason: 'No answer in time (timed out).' };
  if (code === 'ECONNREFUSED') return { state: 'unreachable', reason: 'The server refused the connection (nothing listening there now).' };
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ERR_STREAM_PREMATURE_CLOSE') {
    return { state: 'unreachable', reason: 'The server closed the connection without answering.' };
  }
  if (code === 'EPRIVATE') return { state: 'unreachable', reason: 'Not checked: it is an address on this computer or the local network.' };
  if (code === 'EABORTED') return { state: 'unreachable', reason: 'Not checked: the check was cancelled.' };
  if (OFFLINE_CODES.has(code)) return { state: 'unreachable', reason: 'Not checked: no network connection.' };
  return { state: 'unreachable', reason: `Could not connect (${code === 'EUNKNOWN' ? message : code}).` };
}

function tlsWords(code: string): string {
  if (code === 'CERT_HAS_EXPIRED') return 'it has expired';
  if (code === 'DEPTH_ZERO_SELF_SIGNED_CERT' || code === 'SELF_SIGNED_CERT_IN_CHAIN') return 'it is self-signed';
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || code === 'HOSTNAME_MISMATCH') return 'it is for another site';
  if (code === 'CERT_NOT_YET_VALID') return 'it is not valid yet';
  if (code.startsWith('UNABLE_TO_')) return 'it is not from a trusted authority';
  return code;
}

const PHRASES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  405: 'Method Not Allowed',
  407: 'Proxy Authentication Required',
  429: 'Too Many Requests',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};
function phrase(status: number): string {
  const words = PHRASES[status];
  return words ? ` ${words}` : '';
}
