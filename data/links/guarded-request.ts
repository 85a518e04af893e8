import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPrivateAddress, privateGuardedLookup } from './private-network';

/** What every request to an address from a list or a page shares: who may be contacted, and for how long. */
export interface GuardOptions {
  /** Per request, whole answer included: a page that trickles is given up on. */
  timeoutMs: number;
  userAgent: string;
  signal?: AbortSignal;
  /** The system's resolver by default; tests pass one. */
  lookup?: LookupFunction;
  /** Tests only: the servers they start on loopback. */
  allowPrivateNetwork?: boolean;
  /** Origins on this computer or the local network the user named themselves (e.g. a list they follow). */
  privateOriginsAllowed?: readonly string[];
}

/**
 * How much of a body to read, decided once the status and headers are in: `null` reads none (the headers
 * are the answer); `truncate` keeps the first `maxBytes` and stops downloading; `refuse` fails with
 * `ETOOBIG` as soon as the answer is, or says it will be, larger.
 */
export type BodyRule = null | { maxBytes: number; over: 'truncate' | 'refuse' };

export interface GuardedAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** `null` when the rule read no body. */
  body: Buffer | null;
}

function coded(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/**
 * One HTTP(S) request that never reaches this computer or the local network (unless allowed), on a
 * fresh connection, within one deadline, cancellable, reading at most what `readBody` allows. It
 * settles once: the first of the answer, an error, the deadline or a cancel decides, and a body cut
 * off by any of them is an error, never taken for a whole (shorter) page. Redirects are the caller's.
 */
export function guardedRequest(
  url: string,
  method: 'HEAD' | 'GET',
  headers: Record<string, string>,
  options: GuardOptions,
  readBody: (status: number, headers: IncomingHttpHeaders) => BodyRule,
): Promise<GuardedAnswer> {
  const target = new URL(url);
  const literal = target.hostname.replace(/^\[|\]$/g, '');
  const allowPrivate = options.allowPrivateNetwork || (options.privateOriginsAllowed?.includes(target.origin) ?? false);
  if (!allowPrivate && isIP(literal) && isPrivateAddress(literal)) return Promise.reject(coded('EPRIVATE', 'private address'));
  const lookup = allowPrivate ? options.lookup : privateGuardedLookup(options.lookup);
  return new Promise<GuardedAnswer>((resolve, reject) => {
    const module = target.protocol === 'https:' ? https : http;
    const req = module.request(target, {
      method,
      // A fresh connection per request: no shared pool, nothing kept between sites.
      agent: false,
      headers: { 'user-agent': options.userAgent, 'accept-encoding': 'identity', ...headers },
      ...(lookup ? { lookup } : {}),
    });
    let settled = false;
    const finish = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    };
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      finish();
      outcome();
    };
    const fail = (error: unknown) => settle(() => reject(error));
    const stop = (code: string, message: string) => {
      const error = coded(code, message);
      fail(error);
      req.destroy(error);
    };
    const done = (answer: GuardedAnswer, res: http.IncomingMessage) => {
      settle(() => resolve(answer));
      res.destroy();
      req.destroy();
    };
    const timer = setTimeout(() => stop('ETIMEOUT', 'timed out'), options.timeoutMs);
    const onAbort = () => stop('EABORTED', 'cancelled');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    req.on('response', (res) => {
      res.on('error', fail);
      const status = res.statusCode ?? 0;
      const rule = readBody(status, res.headers);
      if (rule === null) return done({ status, headers: res.headers, body: null }, res);
      const declared = Number(res.headers['content-length']);
      if (rule.over === 'refuse' && Number.isFinite(declared) && declared > rule.maxBytes) return stop('ETOOBIG', 'too big');
      const chunks: Buffer[] = [];
      let size = 0;
      const end = () => done({ status, headers: res.headers, body: Buffer.concat(chunks) }, res);
      res.on('data', (chunk: Buffer) => {
        const room = rule.maxBytes - size;
        if (chunk.length > room && rule.over === 'refuse') return stop('ETOOBIG', 'too big');
        if (room <= 0) return;
        chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
        size += Math.min(chunk.length, room);
        // Enough read: what follows is not needed, and is not downloaded.
        if (size >= rule.maxBytes && rule.over === 'truncate') end();
      });
      res.on('end', end);
    });
    req.on('error', fail);
    if (options.signal?.aborted) onAbort();
    req.end();
  });
}
