import { afterEach, describe, expect, it } from 'vitest';
import { checkLinks, type RunOptions } from '../../../../data/links/check-links';
import type { CheckOptions } from '../../../../data/links/check-link';
import { countingNoNetwork, startServer, toLoopback, type TestServer } from '../../../support/link-servers';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const base: RunOptions = {
  timeoutMs: 2000,
  maxRedirects: 10,
  userAgent: 'Studyshelf-test/1',
  allowPrivateNetwork: true,
  maxConcurrent: 4,
  perHost: 2,
  lookup: toLoopback,
};

async function slowServer(delayMs: number) {
  const server = await startServer((req, res) => {
    setTimeout(() => res.writeHead(req.url?.startsWith('/missing') ? 404 : 200).end(), delayMs);
  });
  servers.push(server);
  return server;
}

describe('checkLinks', () => {
  it('holds the limits at the server: at most 2 connections per host and 4 in all', async () => {
    const s = await slowServer(80);
    const hosts = ['a.test', 'b.test', 'c.test'];
    const urls = hosts.flatMap((h) => Array.from({ length: 8 }, (_, i) => `http://${h}:${s.port}/page-${i}`));
    const progress: number[] = [];
    const run = await checkLinks(urls, { ...base, onProgress: (done) => progress.push(done) });
    expect(run.checks.size).toBe(24);
    expect([...run.checks.values()].every((c) => c.state === 'ok')).toBe(true);
    const perHost = s.maxOpenPerHost();
    for (const h of hosts) expect(perHost.get(`${h}:${s.port}`)).toBe(2);
    // The limits were reached, not merely not exceeded: 3 hosts × 2 would be 6 without the overall cap.
    expect(s.maxOpen()).toBe(4);
    expect(progress.at(-1)).toBe(24);
  });

  it('checks an address listed twice once', async () => {
    const s = await slowServer(0);
    const run = await checkLinks([`${s.origin}/x`, `${s.origin}/x`], base);
    expect(run.checks.size).toBe(1);
    expect(s.requests).toHaveLength(1);
  });

  it('offline: ends quickly with everything "not checked", nothing broken', async () => {
    const urls = Array.from({ length: 200 }, (_, i) => `https://site-${i}.example/post`);
    // Quickly means: it gives up after the first few addresses instead of trying (and timing out on)
    // all 200. Counted, not timed, so a busy machine cannot make it fail.
    const network = countingNoNetwork();
    const run = await checkLinks(urls, { ...base, lookup: network.lookup, timeoutMs: 10_000 });
    expect(network.asked.length).toBeLessThanOrEqual(base.maxConcurrent! + 3);
    expect(run.offline).toBe(true);
    expect(run.checks.size).toBe(0);
    expect(run.notChecked).toHaveLength(200);
  });

  it('offline as the system reports it: nothing is even tried', async () => {
    const s = await slowServer(0);
    const run = await checkLinks([`${s.origin}/a`], { ...base, isOnline: () => false });
    expect(run).toMatchObject({ offline: true, notChecked: [`${s.origin}/a`] });
    expect(s.requests).toHaveLength(0);
  });

  it('"no such name" is broken only when other sites answered in the same run', async () => {
    const s = await slowServer(0);
    const lookup: CheckOptions['lookup'] = ((host: string, o: { all?: boolean }, cb: (...args: unknown[]) => void) =>
      host === 'gone.example'
        ? cb(Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' }))
        : (toLoopback as unknown as (...a: unknown[]) => void)(host, o, cb)) as unknown as CheckOptions['lookup'];
    const alone = await checkLinks(['https://gone.example/'], { ...base, lookup });
    expect(alone).toMatchObject({ offline: true, notChecked: ['https://gone.example/'] });
    const withOthers = await checkLinks(['https://gone.example/', `http://ok.test:${s.port}/`], { ...base, lookup });
    expect(withOthers.checks.get('https://gone.example/')?.state).toBe('broken');
    expect(withOthers.offline).toBe(false);
  });

  it('cancel: stops, keeps what was checked, and says which were not', async () => {
    const s = await slowServer(100);
    const urls = Array.from({ length: 40 }, (_, i) => `http://h${i % 4}.test:${s.port}/p${i}`);
    const abort = new AbortController();
    const run = await checkLinks(urls, {
      ...base,
      signal: abort.signal,
      onProgress: (done) => {
        if (done === 6) abort.abort();
      },
    });
    expect(run.cancelled).toBe(true);
    expect(run.checks.size).toBeGreaterThanOrEqual(6);
    expect(run.checks.size + run.notChecked.length).toBe(40);
    expect(run.notChecked.length).toBeGreaterThan(20);
    expect([...run.checks.values()].every((c) => c.state === 'ok')).toBe(true);
  });
});
