import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openStore } from '../../../data/storage/store';
import { readSaved } from '../../harness/saved';
import { countingNoNetwork, startServer, type TestServer } from '../../support/link-servers';
import { axeViolations } from '../axe';
import { expect, test } from '../fixtures';

/**
 * Link checks against real HTTP servers on loopback, started here (no outside network). The harness's
 * main side runs the same checker as Electron's main; only loopback is allowed for these tests.
 */
let server: TestServer;
test.beforeEach(async () => {
  const routes: Record<string, [number, string?]> = { '/ok': [200], '/old': [301, '/new'], '/new': [200], '/gone': [404], '/part-gone': [410] };
  server = await startServer((req, res) => {
    const path = (req.url ?? '').split('?')[0]!;
    const delay = path.startsWith('/slow') ? 400 : 0;
    const [status, location] = routes[path] ?? (path.startsWith('/slow') ? [200] : [404]);
    setTimeout(() => res.writeHead(status, location ? { location } : {}).end(), delay);
  });
});
test.afterEach(async () => server.close());

/** A profile holding one list, "Loopback reading", whose links point at the test server. */
async function profileWithList(dir: string, paths: string[]): Promise<void> {
  const store = await openStore({ dir });
  const list = await store.command('createList', 'Loopback reading', 'Links served by the test.');
  for (const path of paths) {
    const title = path === '/old' ? 'Moved page' : path === '/gone' ? 'Gone page' : path === '/ok' ? 'Fine page' : `Page ${path}`;
    await store.command('addResource', list.id, { title, url: path.startsWith('http') ? path : `${server.origin}${path}`, author: null, description: '' });
  }
  const series = store.document()!.lists.find((l) => l.id === list.id)!.resources.find((r) => r.title === 'Fine page');
  if (series) await store.addPart(`${list.id}/${series.id}`, 'A removed chapter', `${server.origin}/part-gone`);
  await store.close();
}

test('check links: states shown, a moved link updated, an archived copy opened', async ({ launch, userDataDir }) => {
  await profileWithList(userDataDir, ['/ok', '/old', '/gone']);
  const app = await launch({ links: { allowPrivateNetwork: true, timeoutMs: 3000 } });
  const page = app.page;
  await page.getByRole('navigation', { name: 'Lists' }).getByText('Loopback reading').click();

  await page.getByRole('button', { name: 'Check links…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Check links' });
  await expect(dialog.getByText(/each of the 4 web addresses/)).toBeVisible();
  const weekly = dialog.getByRole('checkbox', { name: /automatically, once a week/ });
  await expect(weekly).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Check 4 links' }).click();

  await expect(page.getByText('Checked 4 links: 1 OK, 1 redirected, 2 broken.')).toBeVisible();
  const gone = page.getByRole('listitem', { name: 'Gone page', exact: true });
  await expect(gone.locator('.link-check')).toContainText('Broken link');
  await expect(gone.locator('.link-check')).toContainText('Not found (404)');
  const fine = page.getByRole('listitem', { name: 'Fine page', exact: true });
  await expect(fine.locator('.link-check').first()).toContainText('Link OK');
  // The part's own link is gone (410): said on the part, not hidden by its resource being fine.
  await expect(fine.locator('.parts .link-check')).toContainText('Gone (410)');
  await expect(page.locator('.list-links')).toContainText('2 broken');

  const moved = page.getByRole('listitem', { name: 'Moved page', exact: true });
  await expect(moved.locator('.link-check')).toContainText('Moved');
  await expect(moved.locator('.link-check')).toContainText(`moved permanently to ${server.origin}/new`);
  await moved.getByRole('button', { name: 'Use the new address for Moved page' }).click();
  await expect(page.getByText('“Moved page” now links to its new address.')).toBeVisible();
  await expect(moved.getByRole('link', { name: /Moved page/ })).toHaveAttribute('href', `${server.origin}/new`);
  await expect(moved.locator('.link-check')).toContainText('formerly at 127.0.0.1');
  await expect(moved.locator('.link-check')).toContainText('Link OK');
  await expect
    .poll(async () => {
      const doc = await readSaved(app.dataFile);
      const r = doc.lists.find((l) => l.title === 'Loopback reading')!.resources.find((x) => x.title === 'Moved page')!;
      return { url: r.url, former: r.formerUrls?.map((f) => f.url) };
    })
    .toEqual({ url: `${server.origin}/new`, former: [`${server.origin}/old`] });

  await gone.getByRole('button', { name: 'Open archived copy of Gone page' }).click();
  const today = new Date().toISOString().slice(0, 10).replaceAll('-', '');
  await expect.poll(() => app.opened).toEqual([`https://web.archive.org/web/${today}/${server.origin}/gone`]);

  // Only the problems, on request.
  await page.getByRole('button', { name: 'Show only link problems' }).click();
  await expect(page.locator('ol.resources > li')).toHaveCount(2);
  await page.getByRole('button', { name: 'Show all resources' }).click();
  await expect(page.locator('ol.resources > li')).toHaveCount(3);

  // History per link, across runs.
  await page.getByRole('button', { name: 'Check links…' }).click();
  await dialog.getByRole('button', { name: 'Check 4 links' }).click();
  await expect(page.getByText('Checked 4 links: 2 OK, 2 broken.')).toBeVisible();
  await expect(page.locator('.list-links > span').first()).toHaveText(/2 OK · 2 broken$/);
  await gone.getByRole('button', { name: 'Link history of Gone page' }).click();
  await expect(gone.getByRole('list', { name: 'Link checks of Gone page' }).getByRole('listitem')).toHaveCount(2);

  // The weekly check is the user's choice and is remembered on this computer.
  await page.getByRole('button', { name: 'Check links…' }).click();
  await weekly.check();
  await expect.poll(async () => JSON.parse(await readFile(join(userDataDir, 'link-checks.json'), 'utf8')).autoCheck).toBe(true);
});

test('a long check shows progress and can be cancelled, keeping what it checked', async ({ launch, userDataDir }) => {
  await profileWithList(userDataDir, ['/ok', ...Array.from({ length: 16 }, (_, i) => `/slow-${i}`)]);
  const app = await launch({ links: { allowPrivateNetwork: true, timeoutMs: 3000, perHost: 1, maxConcurrent: 1 } });
  const page = app.page;
  await page.getByRole('navigation', { name: 'Lists' }).getByText('Loopback reading').click();
  await page.getByRole('button', { name: 'Check links…' }).click();
  await page.getByRole('dialog', { name: 'Check links' }).getByRole('button', { name: 'Check 18 links' }).click();
  const progress = page.getByRole('dialog', { name: 'Checking links' });
  await expect(progress.getByText(/Checked \d+ of 18 links/)).toBeVisible();
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText(/Link check cancelled after \d+ links: \d+ OK.*, \d+ not checked\./)).toBeVisible();
  await expect(progress).toBeHidden();
  await expect(page.locator('.link-check-ok').first()).toBeVisible();
  // What the cancel left unchecked is counted as such, not hidden.
  await expect(page.locator('.list-links')).toContainText(/· \d+ not checked/);
});

test('offline: the check ends quickly with "not checked", and nothing is called broken', async ({ launch, userDataDir }) => {
  const urls = Array.from({ length: 30 }, (_, i) => `https://site-${i}.example/article`);
  await profileWithList(userDataDir, urls);
  // What getaddrinfo answers with no network: every name fails with EAI_AGAIN.
  const network = countingNoNetwork();
  const app = await launch({ links: { lookup: network.lookup, timeoutMs: 15_000 } });
  const page = app.page;
  await page.getByRole('navigation', { name: 'Lists' }).getByText('Loopback reading').click();
  await page.getByRole('button', { name: 'Check links…' }).click();
  await page.getByRole('dialog', { name: 'Check links' }).getByRole('button', { name: /Check \d+ links/ }).click();
  await expect(page.getByText('No network connection: 30 links were not checked, and none was marked broken.')).toBeVisible();
  await expect(page.locator('.link-check')).toHaveCount(0);
  await expect(page.getByText('Broken link')).toHaveCount(0);
  // Quickly: it gave up after the first few names instead of waiting out a timeout for each of the 30.
  expect(network.asked.length).toBeLessThan(15);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no accessibility violations (axe) in the link check dialog and the link states — ${colorScheme} theme`, async ({ launch, userDataDir }) => {
    await profileWithList(userDataDir, ['/ok', '/old', '/gone']);
    const app = await launch({ links: { allowPrivateNetwork: true, timeoutMs: 3000 }, colorScheme });
    const page = app.page;
    await page.getByRole('navigation', { name: 'Lists' }).getByText('Loopback reading').click();
    await page.getByRole('button', { name: 'Check links…' }).click();
    await expect(page.getByRole('dialog', { name: 'Check links' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('dialog', { name: 'Check links' }).getByRole('button', { name: 'Check 4 links' }).click();
    await expect(page.locator('.list-links')).toContainText('2 broken');
    await page.getByRole('button', { name: 'Link history of Gone page' }).click();
    expect(await axeViolations(page)).toEqual([]);
  });
}
