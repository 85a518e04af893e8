import { createHash } from 'node:crypto';
import { startServer, type TestServer } from './link-servers';

/**
 * A page on loopback that answers with the text it holds now; with `validators`, an ETag and 304 to a
 * matching If-None-Match, without them the whole page every time (as many simple sites do).
 */
export async function servePage(servers: TestServer[], contentType: string, initial: string, validators = true) {
  let body = initial;
  const server = await startServer((req, res) => {
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    if (validators && req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': contentType, ...(validators ? { etag } : {}) });
    res.end(body);
  });
  servers.push(server);
  return { server, set: (text: string) => (body = text) };
}

/** A fresh Markdown page on loopback for each test (through Playwright's hooks), closed after it. */
export function markdownPageForEachTest(hooks: { beforeEach(fn: () => Promise<void>): void; afterEach(fn: () => Promise<unknown>): void }, initial: string) {
  const site = { server: undefined as unknown as TestServer, set: (text: string): string => text };
  const servers: TestServer[] = [];
  hooks.beforeEach(async () => void Object.assign(site, await servePage(servers, 'text/markdown; charset=utf-8', initial)));
  hooks.afterEach(() => Promise.all(servers.splice(0).map((s) => s.close())));
  return site;
}
