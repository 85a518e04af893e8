import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { quietJob } from '../../../../data/jobs';
import { LinkChecker, WEEK_MS } from '../../../../data/links/link-checks';
import { LinkLogFile } from '../../../../data/links/link-log';
import { openStore, type Store } from '../../../../data/storage/store';
import { createHandlers } from '../../../../electron/api/handlers';
import { dispatch } from '../../../../electron/api/dispatch';
import { readJson, savedState, tempDir } from '../../helpers';
import { startServer, type TestServer } from '../../../support/link-servers';

const servers: TestServer[] = [];
const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A study list whose resources and parts point at a loopback server with the given routes. */
async function setup(routes: Record<string, [number, string?]>, options: { now?: () => Date; delayMs?: number } = {}) {
  const server = await startServer((req, res) => {
    const route = routes[req.url ?? ''] ?? [404];
    setTimeout(() => res.writeHead(route[0], route[1] ? { location: route[1] } : {}).end(), options.delayMs ?? 0);
  });
  servers.push(server);
  const dir = await tempDir();
  const store = await openStore({ dir: join(dir, 'data') });
  stores.push(store);
  // Only the loopback list: the bundled lists link the real web, which these tests never reach.
  for (const list of [...store.document()!.lists]) await store.command('deleteList', list.id);
  const created = await store.command('createList', 'Loopback', '');
  const add = (title: string, path: string) => store.command('addResource', created.id, { title, url: `${server.origin}${path}`, author: null, description: '' });
  const ok = await add('Fine page', '/ok');
  const moved = await add('Moved page', '/old');
  const gone = await add('Gone page', '/gone');
  const log = new LinkLogFile(join(dir, 'link-checks.json'));
  await log.load();
  const changes: boolean[] = [];
  const links = new LinkChecker({
    log,
    document: () => store.document(),
    run: { allowPrivateNetwork: true, timeoutMs: 2000 },
    onChange: (state) => changes.push(state.running),
    now: options.now,
  });
  const opened: string[] = [];
  const handlers = createHandlers({ store, links, openExternal: async (url) => void opened.push(url), openPath: async () => undefined });
  return { server, dir, store, listId: created.id, ok, moved, gone, links, handlers, opened, changes };
}

const ROUTES: Record<string, [number, string?]> = { '/ok': [200], '/old': [301, '/new'], '/new': [200], '/gone': [410] };

describe('link checks of a list', () => {
  it('records each link’s state, keeps a history per link, and saves it on this computer', async () => {
    const { handlers, dir, listId, server, changes } = await setup(ROUTES);
    const summary = await handlers.checkLinks(listId);
    expect(summary.counts).toEqual({ ok: 1, redirected: 1, broken: 1, unreachable: 0, notChecked: 0 });
    expect(changes).toEqual([true, false]);
    const state = await handlers.getLinkChecks();
    expect(state.latest[`${server.origin}/old`]).toMatchObject({ state: 'redirected', movedTo: `${server.origin}/new` });
    expect(state.latest[`${server.origin}/gone`]).toMatchObject({ state: 'broken', status: 410 });
    await handlers.checkLinks(listId);
    expect(await handlers.getLinkHistory(`${server.origin}/gone`)).toHaveLength(2);
    const onDisk = (await readJson(join(dir, 'link-checks.json'))) as { links: Record<string, unknown[]> };
    expect(onDisk.links[`${server.origin}/ok`]).toHaveLength(2);
  });

  it('"use the new address" points the resource at it, keeps the old one, and is saved', async () => {
    const { handlers, listId, moved, server, dir } = await setup(ROUTES);
    await handlers.checkLinks(listId);
    const ref = `${listId}/${moved.id}`;
    const updated = await handlers.useNewAddress(ref);
    expect(updated.url).toBe(`${server.origin}/new`);
    expect(updated.formerUrls).toEqual([{ url: `${server.origin}/old`, until: expect.any(String) }]);
    const saved = await savedState(join(dir, 'data'));
    const resource = saved.lists.find((l) => l.id === listId)!.resources.find((r) => r.id === moved.id)!;
    expect(resource.url).toBe(`${server.origin}/new`);
    expect(resource.formerUrls?.[0]?.url).toBe(`${server.origin}/old`);
    // The check that followed the move saw the new address answer: it shows as OK, not unchecked.
    expect((await handlers.getLinkChecks()).latest[`${server.origin}/new`]).toMatchObject({ state: 'ok', status: 200 });
    // Once moved, there is nothing more to offer for it.
    await expect(handlers.useNewAddress(ref)).rejects.toThrow(/no new address/);
  });

  it('refuses a new address for a link that was not found moved', async () => {
    const { handlers, listId, ok } = await setup(ROUTES);
    await handlers.checkLinks(listId);
    await expect(handlers.useNewAddress(`${listId}/${ok.id}`)).rejects.toThrow(/no new address/);
  });

  it('opens the archived copy nearest to the last time the link worked, in the system browser', async () => {
    const days = ['2026-03-04T10:00:00.000Z', '2026-11-20T10:00:00.000Z'];
    let now = new Date(days[0]!);
    const routes: Record<string, [number, string?]> = { ...ROUTES, '/gone': [200] };
    const { handlers, listId, gone, server, opened, store } = await setup(routes, { now: () => now });
    await handlers.checkLinks(listId); // in March, the page was there
    routes['/gone'] = [404];
    now = new Date(days[1]!);
    await handlers.checkLinks(listId); // in November it is gone
    const url = await handlers.openArchivedCopy(`${listId}/${gone.id}`);
    expect(url).toBe(`https://web.archive.org/web/20260304/${server.origin}/gone`);
    expect(opened).toEqual([url]);
    // A resource that knows when it was added (a bookmark's date) gets the copy from then.
    await store.changeResource(`${listId}/${gone.id}`, (doc) => {
      doc.lists.find((l) => l.id === listId)!.resources.find((r) => r.id === gone.id)!.addedAt = '2025-01-02T08:00:00.000Z';
    });
    expect(await handlers.openArchivedCopy(`${listId}/${gone.id}`)).toBe(`https://web.archive.org/web/20250102/${server.origin}/gone`);
  });

  it('cancel keeps the links checked before it and says how many were not', async () => {
    const { handlers, listId, store, server } = await setup(ROUTES, { delayMs: 150 });
    for (let i = 0; i < 12; i++) {
      await store.command('addResource', listId, { title: `Post ${i}`, url: `${server.origin}/ok?${i}`, author: null, description: '' });
    }
    const running = handlers.checkLinks(listId, 'job-links-1');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await handlers.cancelJob('job-links-1')).toBe(true);
    const summary = await running;
    expect(summary.cancelled).toBe(true);
    expect(summary.counts.notChecked).toBeGreaterThan(0);
    const checked = summary.counts.ok + summary.counts.redirected + summary.counts.broken;
    expect(checked).toBeGreaterThan(0);
    expect(checked + summary.counts.notChecked).toBe(15);
  });

  it('one run at a time', async () => {
    const { handlers, listId } = await setup(ROUTES, { delayMs: 100 });
    const first = handlers.checkLinks(listId);
    await expect(handlers.checkLinks(listId)).rejects.toThrow(/being checked already/);
    await first;
  });

  it('the check arguments are validated like every call', async () => {
    const { handlers } = await setup(ROUTES);
    const result = await dispatch(handlers, 'checkLinks', ['../etc', 'job']);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });
});

describe('the weekly check', () => {
  it('is off until the user turns it on, then due once a week', async () => {
    let now = new Date('2026-11-26T12:00:00Z');
    const { handlers, links } = await setup(ROUTES, { now: () => now });
    expect((await handlers.getLinkChecks()).autoCheck).toBe(false);
    expect(links.autoCheckDue()).toBe(false);
    await handlers.setAutoCheckLinks(true);
    expect(links.autoCheckDue()).toBe(true);
    await links.check(null, quietJob(), true);
    expect(links.autoCheckDue()).toBe(false);
    now = new Date(now.getTime() + WEEK_MS - 60_000);
    expect(links.autoCheckDue()).toBe(false);
    now = new Date(now.getTime() + 60_000);
    expect(links.autoCheckDue()).toBe(true);
  });

  it('the schedule runs it in the background when due, and never when off', async () => {
    const { handlers, links, server } = await setup(ROUTES);
    const stopOff = links.startSchedule(20, 5);
    await new Promise((resolve) => setTimeout(resolve, 150));
    stopOff();
    expect(server.requests).toHaveLength(0);
    await handlers.setAutoCheckLinks(true);
    const stop = links.startSchedule(20, 5);
    await expect.poll(async () => (await handlers.getLinkChecks()).lastRun?.automatic, { timeout: 5000 }).toBe(true);
    stop();
    expect(server.requests.length).toBeGreaterThan(0);
  });
});
