import { readFileSync } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo, LookupFunction, Socket } from 'node:net';
import { join } from 'node:path';

export interface TestServer {
  /** http://127.0.0.1:<port> (or https://). */
  origin: string;
  port: number;
  /** Every request seen: method, path, headers. */
  requests: { method: string; path: string; headers: IncomingMessage['headers'] }[];
  /** The most connections open at once, in all and per Host header. */
  maxOpen: () => number;
  maxOpenPerHost: () => Map<string, number>;
  close: () => Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * A real HTTP(S) server on loopback for the link checker's tests: no outside network is used. It
 * counts simultaneous connections, so the tests can see the concurrency limits hold at the server.
 */
export async function startServer(handler: Handler, options: { tls?: boolean } = {}): Promise<TestServer> {
  const requests: TestServer['requests'] = [];
  let open = 0;
  let max = 0;
  const openPerHost = new Map<string, number>();
  const maxPerHost = new Map<string, number>();
  const sockets = new Set<Socket>();
  const onRequest: Handler = (req, res) => {
    requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers });
    const host = req.headers.host ?? '';
    openPerHost.set(host, (openPerHost.get(host) ?? 0) + 1);
    maxPerHost.set(host, Math.max(maxPerHost.get(host) ?? 0, openPerHost.get(host)!));
    res.on('close', () => openPerHost.set(host, openPerHost.get(host)! - 1));
    handler(req, res);
  };
  const tlsFiles = join(import.meta.dirname, '../fixtures/tls');
  const server = options.tls
    ? https.createServer({ key: readFileSync(join(tlsFiles, 'self-signed.key')), cert: readFileSync(join(tlsFiles, 'self-signed.crt')) }, onRequest)
    : http.createServer(onRequest);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    open += 1;
    max = Math.max(max, open);
    socket.on('close', () => {
      open -= 1;
      sockets.delete(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    requests,
    maxOpen: () => max,
    maxOpenPerHost: () => maxPerHost,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A resolver that sends every name to 127.0.0.1, so tests can use many host names on one loopback server. */
export const toLoopback = ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
  if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
  else callback(null, '127.0.0.1', 4);
}) as unknown as LookupFunction;

/**
 * A resolver like getaddrinfo with no network (every name fails with EAI_AGAIN), counting the names it
 * was asked for: how many addresses a run tried before it gave up.
 */
export function countingNoNetwork(): { lookup: LookupFunction; asked: string[] } {
  const asked: string[] = [];
  const lookup = ((host: string, _options: unknown, callback: (...args: unknown[]) => void) => {
    asked.push(host);
    setTimeout(() => callback(Object.assign(new Error(`getaddrinfo EAI_AGAIN ${host}`), { code: 'EAI_AGAIN' })), 5);
  }) as unknown as LookupFunction;
  return { lookup, asked };
}
