import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lookUpPage, type PageFetchOptions } from '../../../../data/links/fetch-page';
import { applyPageInfo, fillFromPage } from '../../../../data/links/fill-from-page';
import { openStore, type Store } from '../../../../data/storage/store';
import { DocumentSchema, type StudyDocument } from '../../../../data/model/schema';
import { mergeDocuments } from '../../../../data/sync/merge';
import * as lists from '../../../../data/model/list-ops';
import { countingNoNetwork, startServer, type TestServer } from '../../../support/link-servers';
import { removeTempDirs, tempDir } from '../../helpers';

const servers: TestServer[] = [];
const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await Promise.all(stores.splice(0).map((s) => s.close()));
  await removeTempDirs();
});

const pages = join(import.meta.dirname, '../../../fixtures/real/pages');
const options: PageFetchOptions = { timeoutMs: 3000, maxRedirects: 5, userAgent: 'Studyshelf-test/1', allowPrivateNetwork: true, maxBytes: 3 * 1024 * 1024 };

async function serveRealPages(extra: Record<string, (res: ServerResponse) => void> = {}) {
  const server = await startServer((req, res) => {
    const path = (req.url ?? '').split('?')[0]!;
    if (extra[path]) return extra[path](res);
    if (path === '/pep-0008/') return void readFile(join(pages, 'pep-0008.html')).then((b) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(b));
    if (path === '/moved') return void res.writeHead(301, { location: '/pep-0008/' }).end();
    if (path === '/paper.pdf') return void res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4 not read');
    res.writeHead(404).end();
  });
  servers.push(server);
  return server;
}

describe('lookUpPage over the link checker network code, against loopback servers', () => {
  it('follows a redirect and reads the real PEP page served there', async () => {
    const s = await serveRealPages();
    const found = await lookUpPage(`${s.origin}/moved`, options);
    expect(found).toMatchObject({ ok: true, finalUrl: `${s.origin}/pep-0008/`, info: { title: 'PEP 8 – Style Guide for Python Code', author: 'Guido van Rossum, Barry Warsaw, Alyssa Coghlan' } });
  });

  it('a PDF is known by its content type; its body is not parsed', async () => {
    const s = await serveRealPages();
    expect(await lookUpPage(`${s.origin}/paper.pdf`, options)).toEqual({ ok: true, finalUrl: `${s.origin}/paper.pdf`, info: { kind: 'pdf', title: 'paper.pdf' } });
  });

  it('a private address is refused unless allowed (the same guard as link checks)', async () => {
    const s = await serveRealPages();
    const found = await lookUpPage(`${s.origin}/pep-0008/`, { ...options, allowPrivateNetwork: false });
    expect(found).toEqual({ ok: false, offline: false, reason: 'not checked: it is an address on this computer or the local network' });
    expect(s.requests).toHaveLength(0);
  });

  it('offline (the system says so, or no name resolves): nothing is asked of the network, and it says so', async () => {
    const s = await serveRealPages();
    expect(await lookUpPage(`${s.origin}/pep-0008/`, { ...options, isOnline: () => false })).toEqual({ ok: false, offline: true, reason: 'there is no network connection' });
    expect(s.requests).toHaveLength(0);
    const network = countingNoNetwork();
    expect(await lookUpPage('https://peps.python.org/pep-0008/', { ...options, allowPrivateNetwork: false, lookup: network.lookup })).toEqual({
      ok: false,
      offline: true,
      reason: 'there is no network connection',
    });
  });

  it('a page that never finishes is given up at the time limit; a huge one is read only up to the size limit', async () => {
    const s = await serveRealPages({
      '/slow': (res) => void res.writeHead(200, { 'content-type': 'text/html' }).write('<title>Slow'),
      '/huge': (res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html><head><title>Huge page</title></head><body>');
        const chunk = '<p>word </p>'.repeat(10_000);
        let sent = 0;
        const more = () => {
          // 40 chunks of 120 KB (4.8 MB), each written once, waiting for the socket when it is full.
          while (sent < 40) {
            sent += 1;
            if (!res.write(chunk)) return void res.once('drain', more);
          }
          res.end('<meta name="author" content="Past the limit"></body></html>');
        };
        more();
      },
    });
    const started = Date.now();
    expect(await lookUpPage(`${s.origin}/slow`, { ...options, timeoutMs: 300 })).toEqual({ ok: false, offline: false, reason: 'no answer in time (timed out)' });
    expect(Date.now() - started).toBeLessThan(2500);
    const huge = await lookUpPage(`${s.origin}/huge`, { ...options, timeoutMs: 30_000, maxBytes: 64 * 1024 });
    expect(huge).toMatchObject({ ok: true, info: { title: 'Huge page' } });
    // What comes after the first 64 KB of a 4.8 MB page is not read.
    expect(huge.ok && huge.info.author).toBeUndefined();
    const whole = await lookUpPage(`${s.origin}/huge`, { ...options, timeoutMs: 30_000, maxBytes: 8 * 1024 * 1024 });
    expect(whole.ok && whole.info.author).toBe('Past the limit');
  });

  it('a 404 says what the site answered', async () => {
    const s = await serveRealPages();
    expect(await lookUpPage(`${s.origin}/nothing`, options)).toEqual({ ok: false, offline: false, reason: 'the site answered 404' });
  });
});

async function storeWithPasted(url: string): Promise<{ store: Store; ref: string }> {
  const store = await openStore({ dir: await tempDir() });
  stores.push(store);
  const list = await store.command('createList', 'Pasted', '');
  const r = await store.command('addResource', list.id, { title: url, url, author: null, description: '', kind: 'link' });
  return { store, ref: `${list.id}/${r.id}` };
}

const resourceAt = (store: Store, ref: string) => {
  const [listId, id] = ref.split('/');
  return store.document()!.lists.find((l) => l.id === listId)!.resources.find((r) => r.id === id)!;
};

describe('fillFromPage', () => {
  it('fills a pasted resource in from its page, and the result is valid and saved', async () => {
    const s = await serveRealPages();
    const { store, ref } = await storeWithPasted(`${s.origin}/pep-0008/`);
    expect(await fillFromPage(store, ref, options)).toEqual({ state: 'filled', reason: null });
    const r = resourceAt(store, ref)!;
    expect(r).toMatchObject({ title: 'PEP 8 – Style Guide for Python Code', kind: 'pep', siteName: 'Python Enhancement Proposals (PEPs)', author: 'Guido van Rossum, Barry Warsaw, Alyssa Coghlan' });
    expect(r.estimateMinutes).toBeGreaterThan(20);
    expect(DocumentSchema.safeParse(store.document()).success).toBe(true);
  });

  it('a resource edited by hand while its page was being read keeps the edit: the late answer is dropped', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked!: () => void;
    const requested = new Promise<void>((resolve) => (asked = resolve));
    const s = await serveRealPages({
      '/late': (res) => {
        asked();
        void held.then(() => res.writeHead(200, { 'content-type': 'text/html' }).end('<title>Late title</title><meta name="author" content="Late author">'));
      },
    });
    const { store, ref } = await storeWithPasted(`${s.origin}/late`);
    const filling = fillFromPage(store, ref, options);
    await requested;
    await store.changeResource(ref, (doc) => lists.updateResource(doc, ref, { title: 'My own title', url: `${s.origin}/late`, author: null, description: '' }));
    release();
    expect(await filling).toEqual({ state: 'edited', reason: null });
    expect(resourceAt(store, ref)).toMatchObject({ title: 'My own title', author: null });
  });

  it('an estimate typed while the page was being read wins over the page’s, and no later reading writes over it', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked!: () => void;
    const requested = new Promise<void>((resolve) => (asked = resolve));
    const s = await serveRealPages({
      '/talk': (res) => {
        asked();
        void held.then(() => res.writeHead(200, { 'content-type': 'text/html' }).end('<title>A talk</title><meta itemprop="duration" content="PT45M">'));
      },
    });
    const url = `${s.origin}/talk`;
    const { store, ref } = await storeWithPasted(url);
    const filling = fillFromPage(store, ref, options);
    await requested;
    // Only the estimate typed: the title is still the address, as pasted.
    await store.changeResource(ref, (doc) => lists.updateResource(doc, ref, { title: url, url, author: null, description: '', estimateMinutes: 90 }));
    release();
    expect(await filling).toEqual({ state: 'edited', reason: null });
    expect(resourceAt(store, ref)).toMatchObject({ title: url, estimateMinutes: 90 });
    expect(await fillFromPage(store, ref, options)).toEqual({ state: 'edited', reason: null });
    expect(resourceAt(store, ref).estimateMinutes).toBe(90);
  });

  it('nothing is fetched for a resource that was edited by hand', async () => {
    const s = await serveRealPages();
    const { store, ref } = await storeWithPasted(`${s.origin}/pep-0008/`);
    await store.changeResource(ref, (doc) => lists.updateResource(doc, ref, { title: 'PEP 8, my notes', url: `${s.origin}/pep-0008/`, author: null, description: '' }));
    expect(await fillFromPage(store, ref, options)).toEqual({ state: 'edited', reason: null });
    expect(s.requests).toHaveLength(0);
  });

  it('offline: the resource stays with its address, and the reason is given', async () => {
    const s = await serveRealPages();
    const { store, ref } = await storeWithPasted(`${s.origin}/pep-0008/`);
    expect(await fillFromPage(store, ref, { ...options, isOnline: () => false })).toEqual({ state: 'failed', reason: 'Not filled in from the page: there is no network connection.' });
    expect(resourceAt(store, ref)!.title).toBe(`${s.origin}/pep-0008/`);
  });
});

describe('the new resource fields: optional, bounded, merged', () => {
  const base = (): StudyDocument => {
    const doc: StudyDocument = { schemaVersion: 2, lists: [], progress: {}, notes: {}, activity: [] };
    const list = lists.createList(doc, 'Shared', '');
    lists.addResource(doc, list.id, { title: 'https://peps.python.org/pep-0008/', url: 'https://peps.python.org/pep-0008/', author: null, description: '', kind: 'link' });
    return doc;
  };

  it('a document without them is valid; out-of-range values are refused by the schema', () => {
    const doc = base();
    expect(DocumentSchema.safeParse(doc).success).toBe(true);
    const r = doc.lists[0]!.resources[0]!;
    for (const bad of [{ estimateMinutes: 0 }, { estimateMinutes: 1.5 }, { estimateMinutes: 200_000 }, { siteName: 'x'.repeat(201) }, { siteName: '' }]) {
      expect(DocumentSchema.safeParse({ ...doc, lists: [{ ...doc.lists[0]!, resources: [{ ...r, ...bad }] }] }).success).toBe(false);
    }
  });

  it('filled in on one computer, the other computer takes siteName and estimateMinutes in a merge', () => {
    const doc = base();
    const ref = `${doc.lists[0]!.id}/${doc.lists[0]!.resources[0]!.id}`;
    const filled = structuredClone(doc);
    applyPageInfo(filled, ref, { title: 'PEP 8 – Style Guide for Python Code', siteName: 'Python Enhancement Proposals (PEPs)', estimateMinutes: 30, kind: 'pep' });
    const other = structuredClone(doc);
    const laptop = { device: { id: 'dev-a', name: 'Laptop' }, doc: filled };
    const desktop = { device: { id: 'dev-b', name: 'Desktop' }, doc: other };
    for (const [a, b] of [[laptop, desktop], [desktop, laptop]] as const) {
      const merged = mergeDocuments(doc, a, b).doc.lists[0]!.resources[0]!;
      expect(merged).toMatchObject({ title: 'PEP 8 – Style Guide for Python Code', siteName: 'Python Enhancement Proposals (PEPs)', estimateMinutes: 30, kind: 'pep' });
    }
    // Changed on the desktop meanwhile (an estimate of its own): the later edit is not lost silently.
    other.lists[0]!.resources[0]!.estimateMinutes = 45;
    const both = mergeDocuments(doc, laptop, desktop);
    expect(both.doc.lists[0]!.resources[0]!.estimateMinutes).toBe(30);
    expect(both.notices.some((n) => n.message.includes('estimateMinutes'))).toBe(true);
  });
});
