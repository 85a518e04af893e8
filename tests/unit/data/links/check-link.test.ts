import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLink, type CheckOptions } from '../../../../data/links/check-link';
import { closedPort, startServer, toLoopback, type TestServer } from '../../../support/link-servers';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const options: CheckOptions = { timeoutMs: 2000, maxRedirects: 10, userAgent: 'Studyshelf-test/1 (link check)', allowPrivateNetwork: true };

/** Routes by path: each answers with a status and, for redirects, a Location. */
async function serve(routes: Record<string, [number, string?] | ((req: IncomingMessage, res: ServerResponse) => void)>, tls = false) {
  const server = await startServer((req, res) => {
    const route = routes[req.url ?? ''];
    if (typeof route === 'function') return route(req, res);
    if (!route) return void res.writeHead(404).end('no route');
    const [status, location] = route;
    res.writeHead(status, location ? { location } : {}).end();
  }, { tls });
  servers.push(server);
  return server;
}

describe('checkLink against real servers on loopback', () => {
  it('200: ok', async () => {
    const s = await serve({ '/page': [200] });
    const check = await checkLink(`${s.origin}/page`, options);
    expect(check).toMatchObject({ state: 'ok', status: 200, movedTo: null, finalUrl: null });
    expect(s.requests.map((r) => r.method)).toEqual(['HEAD']);
  });

  it('a 301 → 308 chain to a page: redirected, with the final address offered as the new one', async () => {
    const s = await serve({ '/old': [301, '/older'], '/older': [308, '/new'], '/new': [200] });
    const check = await checkLink(`${s.origin}/old`, options);
    expect(check).toMatchObject({ state: 'redirected', status: 200, finalUrl: `${s.origin}/new`, movedTo: `${s.origin}/new` });
    expect(check.reason).toContain('moved permanently');
  });

  it('302 and 307: redirected but not moved, so no new address is offered', async () => {
    const s = await serve({ '/a': [302, '/b'], '/b': [307, '/c'], '/c': [200] });
    expect(await checkLink(`${s.origin}/a`, options)).toMatchObject({ state: 'redirected', finalUrl: `${s.origin}/c`, movedTo: null });
  });

  it('a permanent move followed by a temporary hop: the new address is where the permanent part ended', async () => {
    const s = await serve({ '/a': [301, '/b'], '/b': [302, '/login'], '/login': [200] });
    expect(await checkLink(`${s.origin}/a`, options)).toMatchObject({ state: 'redirected', movedTo: `${s.origin}/b` });
  });

  it('a redirect loop is broken, and ends', async () => {
    const s = await serve({ '/a': [301, '/b'], '/b': [302, '/a'] });
    const check = await checkLink(`${s.origin}/a`, options);
    expect(check.state).toBe('broken');
    expect(check.reason).toMatch(/loop/);
    expect(s.requests.length).toBeLessThan(10);
  });

  it('too many redirects is broken', async () => {
    const s = await serve(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`/r${i}`, [302, `/r${i + 1}`] as [number, string]])));
    const check = await checkLink(`${s.origin}/r0`, { ...options, maxRedirects: 5 });
    expect(check.state).toBe('broken');
    expect(check.reason).toMatch(/more than 5/);
  });

  it('404 and 410 are broken, in words; a 500 is unreachable, not broken', async () => {
    const s = await serve({ '/gone': [410], '/error': [500] });
    expect(await checkLink(`${s.origin}/missing`, options)).toMatchObject({ state: 'broken', status: 404, reason: expect.stringContaining('Not found') });
    expect(await checkLink(`${s.origin}/gone`, options)).toMatchObject({ state: 'broken', status: 410, reason: expect.stringContaining('Gone') });
    expect(await checkLink(`${s.origin}/error`, options)).toMatchObject({ state: 'unreachable', status: 500, reason: expect.stringContaining('may be temporary') });
  });

  it('HEAD refused (405) but GET fine: ok, checked with GET', async () => {
    const s = await serve({ '/page': (req, res) => void res.writeHead(req.method === 'HEAD' ? 405 : 200).end() });
    expect(await checkLink(`${s.origin}/page`, options)).toMatchObject({ state: 'ok', status: 200 });
    expect(s.requests.map((r) => r.method)).toEqual(['HEAD', 'GET']);
  });

  it('a server that hangs up on HEAD but answers GET: ok', async () => {
    const s = await serve({ '/page': (req, res) => (req.method === 'HEAD' ? void req.socket.destroy() : void res.writeHead(200).end()) });
    expect(await checkLink(`${s.origin}/page`, options)).toMatchObject({ state: 'ok', status: 200 });
  });

  it('a server that never answers: unreachable after the timeout, not broken', async () => {
    const s = await serve({ '/slow': () => undefined });
    const started = performance.now();
    const check = await checkLink(`${s.origin}/slow`, { ...options, timeoutMs: 300 });
    expect(check).toMatchObject({ state: 'unreachable', code: 'ETIMEOUT' });
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('a closed port: unreachable (refused), not broken', async () => {
    const port = await closedPort();
    expect(await checkLink(`http://127.0.0.1:${port}/`, options)).toMatchObject({ state: 'unreachable', code: 'ECONNREFUSED' });
  });

  it('a huge body is not downloaded: the answer is the headers', async () => {
    let sent = 0;
    const chunk = Buffer.alloc(64 * 1024, 97);
    const s = await serve({
      '/huge': (req, res) => {
        if (req.method === 'HEAD') return void res.writeHead(405).end();
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(2 * 1024 ** 3) });
        const pump = () => {
          while (!res.destroyed && sent < 2 * 1024 ** 3) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
        };
        res.on('close', () => undefined);
        pump();
      },
    });
    const check = await checkLink(`${s.origin}/huge`, options);
    expect(check).toMatchObject({ state: 'ok', status: 200 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    // What the server managed to push before the client hung up: socket buffers, not 2 GB.
    expect(sent).toBeLessThan(16 * 1024 * 1024);
  });

  it('an invalid (self-signed) certificate is broken, with the reason in words', async () => {
    const s = await serve({ '/': [200] }, true);
    const check = await checkLink(`${s.origin}/`, options);
    expect(check.state).toBe('broken');
    expect(check.reason).toMatch(/certificate is not valid \(it is self-signed\)/);
    expect(s.requests).toHaveLength(0);
  });

  it('sends a real User-Agent, and no cookie even after the site sets one', async () => {
    const s = await serve({
      '/a': (_req, res) => void res.writeHead(302, { location: '/b', 'set-cookie': 'session=1' }).end(),
      '/b': [200],
    });
    await checkLink(`${s.origin}/a`, options);
    expect(s.requests.map((r) => r.headers['user-agent'])).toEqual(['Studyshelf-test/1 (link check)', 'Studyshelf-test/1 (link check)']);
    expect(s.requests.every((r) => r.headers.cookie === undefined)).toBe(true);
  });

  it('a name that does not exist is broken', async () => {
    const lookup = ((host: string, _o: unknown, cb: (...args: unknown[]) => void) =>
      cb(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }))) as unknown as CheckOptions['lookup'];
    expect(await checkLink('https://no-such-site.example/', { ...options, lookup })).toMatchObject({ state: 'broken', code: 'ENOTFOUND' });
  });

  it('addresses on this computer or the local network are not contacted unless allowed', async () => {
    const s = await serve({ '/': [200] });
    const check = await checkLink(`${s.origin}/`, { ...options, allowPrivateNetwork: false });
    expect(check).toMatchObject({ state: 'unreachable', code: 'EPRIVATE' });
    // Also when a public-looking name resolves to a private address.
    const byName = await checkLink(`http://intranet.example:${s.port}/`, { ...options, allowPrivateNetwork: false, lookup: toLoopback });
    expect(byName).toMatchObject({ state: 'unreachable', code: 'EPRIVATE' });
    expect(s.requests).toHaveLength(0);
  });

  it('a non-web address is broken without any request', async () => {
    expect(await checkLink('javascript:alert(1)', options)).toMatchObject({ state: 'broken' });
  });
});

describe('the private-address guard at every redirect', () => {
  /** A start page the test allows (its own loopback server) redirecting to `to`, and the target's server, counting requests. */
  async function redirectFromAllowedStart(to: (target: TestServer) => string) {
    const target = await serve({ '/t': [200] });
    let location = '';
    const start = await serve({ '/start': (_req, res) => void res.writeHead(302, { location }).end() });
    location = to(target);
    const guarded: CheckOptions = { ...options, allowPrivateNetwork: false, privateOriginsAllowed: [start.origin] };
    return { start, target, location, guarded };
  }

  // Only spellings that land on loopback: were the guard to fail, the request must not leave this
  // computer. NAT64, 6to4 and IPv4-compatible forms take the same path and are in private-network.test.ts.
  it.each([
    ['IPv4-mapped, dotted', (t: TestServer) => `http://[::ffff:127.0.0.1]:${t.port}/t`],
    ['IPv4-mapped, hex', (t: TestServer) => `http://[::ffff:7f00:1]:${t.port}/t`],
    ['IPv4-mapped, long form', (t: TestServer) => `http://[0:0:0:0:0:ffff:7f00:1]:${t.port}/t`],
    ['IPv6 loopback', (t: TestServer) => `http://[::1]:${t.port}/t`],
    ['IPv4 loopback, decimal', (t: TestServer) => `http://2130706433:${t.port}/t`],
    ['IPv4 loopback, hex and short', (t: TestServer) => `http://0x7f.1:${t.port}/t`],
  ])('a redirect to a literal private address (%s) is refused, and the target sees no request', async (_name, to) => {
    const { start, target, location, guarded } = await redirectFromAllowedStart(to);
    const check = await checkLink(`${start.origin}/start`, guarded);
    expect(check).toMatchObject({ state: 'unreachable', code: 'EPRIVATE', finalUrl: new URL(location).href });
    expect(start.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['HEAD /start']);
    expect(target.requests).toHaveLength(0);
  });

  it('a redirect to a public-looking name that resolves to a mapped loopback address is refused', async () => {
    const { start, target, guarded } = await redirectFromAllowedStart((t) => `http://inside.example:${t.port}/t`);
    const mappedLoopback = ((_host: string, o: { all?: boolean }, cb: (...args: unknown[]) => void) =>
      o.all ? cb(null, [{ address: '::ffff:7f00:1', family: 6 }]) : cb(null, '::ffff:7f00:1', 6)) as unknown as CheckOptions['lookup'];
    const check = await checkLink(`${start.origin}/start`, { ...guarded, lookup: mappedLoopback });
    expect(check).toMatchObject({ state: 'unreachable', code: 'EPRIVATE' });
    expect(target.requests).toHaveLength(0);
  });

  it('the same redirect to an allowed origin is followed: the refusals above are the address, not the setup', async () => {
    const { start, target, guarded } = await redirectFromAllowedStart((t) => `${t.origin}/t`);
    const check = await checkLink(`${start.origin}/start`, { ...guarded, privateOriginsAllowed: [start.origin, target.origin] });
    expect(check).toMatchObject({ state: 'redirected', finalUrl: `${target.origin}/t` });
    expect(target.requests.map((r) => r.path)).toEqual(['/t']);
  });
});
