import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { readSaved } from '../../harness/saved';
import { startServer, type TestServer } from '../../support/link-servers';
import { axeViolations } from '../axe';
import { expect, test } from '../fixtures';

/**
 * Paste or drop links on the window (#20): the card appears at once with the address as its title,
 * then fills in from the page. The pages are saved real ones (tests/fixtures/real/pages), served on
 * loopback by the test; the harness's main side reads them with the link checker's network code.
 */
const PAGES = join(import.meta.dirname, '../../fixtures/real/pages');
const ROUTES: Record<string, string> = {
  '/pep-0008/': 'pep-0008.html',
  '/watch': 'youtube-video.html',
  '/webpack-3': 'medium-post.html',
  '/agency': 'substack-post.html',
  '/microlinkhq/mql': 'github-repository.html',
};

let server: TestServer;
/** Answers to /pep-0008/ wait for this, so a test sees the card before its page is read. */
let release: () => void = () => undefined;
let held: Promise<void> = Promise.resolve();
test.beforeEach(async () => {
  server = await startServer((req, res) => {
    const path = (req.url ?? '').split('?')[0]!;
    const file = ROUTES[path];
    if (!file) return void res.writeHead(404).end();
    const answer = () => void readFile(join(PAGES, file)).then((body) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body));
    if (path === '/pep-0008/') void held.then(answer);
    else answer();
  });
});
test.afterEach(async () => {
  release();
  await server.close();
});

function holdPages(): void {
  held = new Promise((resolve) => (release = resolve));
}

/**
 * What Ctrl+V does with text on the clipboard: a paste event, carrying it, on the focused element. (The
 * harness page is not a secure origin, so the system clipboard is out of reach: the event is built here.)
 */
async function paste(page: Page, text: string, into?: Locator): Promise<void> {
  const target = into ?? page.locator('.content h1').first();
  await target.click();
  await target.evaluate((element, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

const loopback = { allowPrivateNetwork: true, timeoutMs: 5000 };

test('paste a link: the card appears at once with its address, then fills in from the page', async ({ launch }) => {
  holdPages();
  const app = await launch({ links: loopback });
  const page = app.page;
  const url = `${server.origin}/pep-0008/`;
  await paste(page, url);

  const pasted = page.getByRole('listitem', { name: url, exact: true });
  await expect(pasted).toBeVisible();
  await expect(pasted.getByRole('status')).toHaveText('Reading the page to fill this in…');
  await expect(page.getByText(`Added “${url}”.`)).toBeVisible();

  release();
  const filled = page.getByRole('listitem', { name: 'PEP 8 – Style Guide for Python Code', exact: true });
  await expect(filled).toBeVisible();
  await expect(filled.locator('.resource-meta')).toContainText('PEP');
  await expect(filled.locator('.resource-meta')).toContainText('by Guido van Rossum, Barry Warsaw, Alyssa Coghlan');
  await expect(filled.locator('.resource-meta')).toContainText('Python Enhancement Proposals (PEPs)');
  await expect(filled.locator('.resource-meta')).toContainText(/about \d+ minutes/);
  await expect(filled.getByText(/^This document gives coding conventions/)).toBeVisible();
  await expect(filled.locator('.page-fill')).toHaveCount(0);

  // Saved: the next start reads it so.
  await expect
    .poll(async () => (await readSaved(app.dataFile)).lists.flatMap((l) => l.resources).find((r) => r.url === url))
    .toMatchObject({ title: 'PEP 8 – Style Guide for Python Code', kind: 'pep', siteName: 'Python Enhancement Proposals (PEPs)' });
});

test('a pasted resource edited by hand before its page answers keeps the edit', async ({ launch }) => {
  holdPages();
  const app = await launch({ links: loopback });
  const page = app.page;
  const url = `${server.origin}/pep-0008/`;
  await paste(page, url);
  const pasted = page.getByRole('listitem', { name: url, exact: true });
  await expect(pasted.getByRole('status')).toHaveText('Reading the page to fill this in…');
  await pasted.getByRole('button', { name: `Edit ${url}` }).click();
  await pasted.getByLabel('Title').fill('Style guide (my copy)');
  await pasted.getByRole('button', { name: 'Save' }).click();
  const mine = page.getByRole('listitem', { name: 'Style guide (my copy)', exact: true });
  await expect(mine).toBeVisible();

  release();
  await expect(mine.locator('.page-fill')).toHaveCount(0);
  await expect(page.getByRole('listitem', { name: 'PEP 8 – Style Guide for Python Code' })).toHaveCount(0);
  const saved = (await readSaved(app.dataFile)).lists.flatMap((l) => l.resources).find((r) => r.url === url);
  expect(saved).toMatchObject({ title: 'Style guide (my copy)', author: null });
  expect(saved?.siteName).toBeUndefined();
});

test('drop a link from the browser onto a card: it goes in that place and fills in', async ({ launch }) => {
  const app = await launch({ links: loopback });
  const page = app.page;
  const cards = page.locator('.content [data-resource]');
  const secondTitle = await cards.nth(1).locator('.resource-title a').innerText();
  const url = `${server.origin}/watch`;
  const data = await page.evaluateHandle((u) => {
    const transfer = new DataTransfer();
    transfer.setData('text/uri-list', u);
    transfer.setData('text/plain', u);
    return transfer;
  }, url);
  await cards.nth(1).dispatchEvent('dragover', { dataTransfer: data });
  await cards.nth(1).dispatchEvent('drop', { dataTransfer: data });

  const video = page.getByRole('listitem', { name: 'Star Wars 8 THE LAST JEDI Official TRAILER (2017) Daisy Ridley, Disney Movie HD', exact: true });
  await expect(video).toBeVisible();
  await expect(video.locator('.resource-meta')).toContainText('Video');
  await expect(video.locator('.resource-meta')).toContainText('YouTube');
  await expect(video.locator('.resource-meta')).toContainText('about 2 minutes');
  // In the place it was dropped: before the card it was dropped on.
  await expect(cards.nth(1)).toHaveAttribute('aria-labelledby', (await video.getAttribute('aria-labelledby'))!);
  await expect(cards.nth(2).locator('.resource-title a')).toHaveText(secondTitle);
});

test('paste a block of Markdown with five links: a preview, then all are added and filled in', async ({ launch }) => {
  const app = await launch({ links: loopback });
  const page = app.page;
  const o = server.origin;
  const markdown = [
    '## Reading for this week',
    `- [PEP 8](${o}/pep-0008/) — style`,
    `- The trailer: ${o}/watch.`,
    `- [webpack 3](${o}/webpack-3)`,
    `* Agency (${o}/agency)`,
    `1. ${o}/microlinkhq/mql`,
    `- [PEP 8 again](${o}/pep-0008/)`,
  ].join('\n');
  await paste(page, markdown);

  const dialog = page.getByRole('dialog', { name: 'Add 5 links' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('listitem')).toHaveText([`${o}/pep-0008/`, `${o}/watch`, `${o}/webpack-3`, `${o}/agency`, `${o}/microlinkhq/mql`]);
  await dialog.getByRole('button', { name: 'Add 5 links' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Added 5 resources.')).toBeVisible();

  for (const title of ['PEP 8 – Style Guide for Python Code', 'Star Wars 8 THE LAST JEDI Official TRAILER (2017) Daisy Ridley, Disney Movie HD', '🍾🚀 webpack 3: Official Release!! 🚀🍾', 'The Most Precious Resource is Agency', 'microlinkhq/mql']) {
    await expect(page.getByRole('listitem', { name: title, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('listitem', { name: 'microlinkhq/mql', exact: true }).locator('.resource-meta')).toContainText('Repository');
  const pasted = (await readSaved(app.dataFile)).lists.flatMap((l) => l.resources).filter((r) => r.url?.startsWith(o));
  expect(pasted.map((r) => r.url)).toEqual([`${o}/pep-0008/`, `${o}/watch`, `${o}/webpack-3`, `${o}/agency`, `${o}/microlinkhq/mql`]);
});

test('offline: the pasted card keeps its address and says why it was not filled in', async ({ launch }) => {
  const app = await launch({ links: { ...loopback, isOnline: () => false } });
  const page = app.page;
  const url = `${server.origin}/webpack-3`;
  await paste(page, url);
  const pasted = page.getByRole('listitem', { name: url, exact: true });
  await expect(pasted.getByRole('status')).toHaveText('Not filled in from the page: there is no network connection.');
  expect(server.requests).toHaveLength(0);
  // Given a title by hand, the card no longer speaks of the page.
  await pasted.getByRole('button', { name: `Edit ${url}` }).click();
  await pasted.getByLabel('Title').fill('webpack 3 release notes');
  await pasted.getByRole('button', { name: 'Save' }).click();
  const named = page.getByRole('listitem', { name: 'webpack 3 release notes', exact: true });
  await expect(named).toBeVisible();
  await expect(named.locator('.page-fill')).toHaveCount(0);
  // A paste inside a text field is text, not a link to add.
  await paste(page, `${server.origin}/agency ${server.origin}/watch`, page.getByRole('searchbox').first());
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('listitem', { name: `${server.origin}/agency`, exact: true })).toHaveCount(0);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no accessibility violations (axe) in the paste preview and a card being filled in — ${colorScheme} theme`, async ({ launch }) => {
    holdPages();
    const app = await launch({ links: { ...loopback }, colorScheme });
    const page = app.page;
    await paste(page, `${server.origin}/pep-0008/ and ${server.origin}/watch`);
    const dialog = page.getByRole('dialog', { name: 'Add 2 links' });
    await expect(dialog).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Add 2 links' }).click();
    await expect(page.getByRole('listitem', { name: `${server.origin}/pep-0008/`, exact: true }).getByRole('status')).toHaveText('Reading the page to fill this in…');
    expect(await axeViolations(page)).toEqual([]);
  });
}
