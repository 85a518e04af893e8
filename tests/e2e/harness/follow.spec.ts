import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import { importFile } from '../../../data/import/detect';
import { addImportedList } from '../../../data/import/to-list';
import { openStore } from '../../../data/storage/store';
import { readSaved } from '../../harness/saved';
import { startServer } from '../../support/link-servers';
import { markdownPageForEachTest } from '../../support/page-server';
import { axeViolations } from '../axe';
import { expect, test } from '../fixtures';
import { ListPage } from '../pages/list-page';

/**
 * Issue #23 in the window: a list imported from a Markdown file follows the page it comes from, served
 * on loopback by the test; the author changes it; the user checks, reviews, takes two changes and
 * leaves the rest. The harness's main side is the app's own wiring (app-core), so the check is main's.
 */
const V1 = `# Awesome Things

## Basics
- [Alpha guide](https://example.com/alpha)
- [Beta book](https://example.com/beta)
- [Gamma talk](https://example.com/gamma)
`;
// Zeta added after Alpha, Beta retitled, Gamma's link changed, Alpha duplicated at the end.
const V2 = `# Awesome Things

## Basics
- [Alpha guide](https://example.com/alpha)
- [Zeta video](https://example.com/zeta)
- [Beta book, second edition](https://example.com/beta)
- [Gamma talk](https://example.org/gamma-2026)
- [Alpha guide](https://example.com/alpha)
`;

const site = markdownPageForEachTest(test, V1);

async function profileWithImportedList(dir: string): Promise<void> {
  const store = await openStore({ dir });
  await store.change((doc) => addImportedList(doc, importFile('awesome.md', V1), '2026-11-01T00:00:00.000Z'));
  await store.close();
}

/** Follows the open list at the test server's page, checks it once (no changes), has the author change it, and checks again. */
async function followAndChange(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Follow a web page…' }).click();
  await page.getByRole('textbox', { name: 'Web page this list comes from' }).fill(`${site.server.origin}/awesome.md`);
  await page.getByRole('button', { name: 'Follow', exact: true }).click();
  await expect(page.locator('.list-source-line')).toHaveText(`Following ${site.server.origin}/awesome.md · not checked yet`);
  await page.getByRole('button', { name: 'Check for changes' }).click();
  await expect(page.getByText('No changes: the page lists the same resources as your list.')).toBeVisible();
  await expect(page.locator('.list-source-line')).toContainText('last checked');
  site.set(V2);
  await page.getByRole('button', { name: 'Check for changes' }).click();
  // Said in the list header (and, once, in a toast).
  await expect(page.locator('.list-header').getByRole('status').filter({ hasText: 'The author changed this list: 4 changes to review.' })).toBeVisible();
}

test('follow a list, the author changes it, check, review: two changes taken and two left; the data file and the screen agree', async ({ launch, userDataDir }) => {
  await profileWithImportedList(userDataDir);
  const app = await launch({ links: { allowPrivateNetwork: true, timeoutMs: 3000 } });
  const page = app.page;
  const listPage = new ListPage(page);
  await listPage.openList('Awesome Things');
  await expect(listPage.resources).toHaveCount(3);
  // The user's own: Beta is done, Gamma has a note.
  await listPage.checkbox('Beta book').check();
  const note = await listPage.openNotes('Gamma talk');
  await note.fill('Watch the Q&A.');
  await expect.poll(async () => Object.values((await readSaved(app.dataFile)).notes).map((n) => n.body)).toEqual(['Watch the Q&A.']);

  await followAndChange(page);
  const requestsBefore = site.server.requests.length;
  await page.getByRole('button', { name: 'Review changes…' }).click();
  const dialog = page.getByRole('dialog', { name: 'What the author changed in “Awesome Things”' });
  for (const box of await dialog.getByRole('checkbox').all()) await expect(box).not.toBeChecked();
  await expect(dialog.locator('.review-changes li')).toHaveText([
    'Added “Zeta video” after “Alpha guide” in “Basics”.',
    'Retitled “Beta book” to “Beta book, second edition”.',
    'Changed the link of “Gamma talk” to https://example.org/gamma-2026.',
    'Added “Alpha guide” after “Gamma talk” in “Basics”.',
  ]);
  await dialog.getByRole('checkbox', { name: 'Added “Zeta video” after “Alpha guide” in “Basics”.' }).check();
  await dialog.getByRole('checkbox', { name: 'Retitled “Beta book” to “Beta book, second edition”.' }).check();
  await dialog.getByRole('button', { name: 'Take 2 and leave 2' }).click();
  await expect(page.getByText('Took 2 changes and left 2.')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('The author changed this list')).toHaveCount(0);

  // The screen: the new resource in its place, the retitle taken, Gamma's old link and no duplicate (left).
  const expected = ['Alpha guide', 'Zeta video', 'Beta book, second edition', 'Gamma talk'];
  await expect.poll(async () => (await listPage.resourceTitles()).map((t) => t.replace(/↗$/, '').trim())).toEqual(expected);
  await expect(listPage.checkbox('Beta book, second edition')).toBeChecked();
  await expect(listPage.resource('Gamma talk').locator('h2 a')).toHaveAttribute('href', 'https://example.com/gamma');
  // The data file: the same, with the tick and the note where they were, and the page's version remembered.
  const saved = await readSaved(app.dataFile);
  const list = saved.lists.find((l) => l.title === 'Awesome Things')!;
  expect(list.resources.map((r) => r.title)).toEqual(expected);
  expect(list.resources.find((r) => r.title === 'Gamma talk')!.url).toBe('https://example.com/gamma');
  const beta = list.resources.find((r) => r.title === 'Beta book, second edition')!;
  expect(saved.progress[`${list.id}/${beta.id}`]?.status).toBe('done');
  const gamma = list.resources.find((r) => r.title === 'Gamma talk')!;
  expect(saved.notes[`${list.id}/${gamma.id}`]?.body).toBe('Watch the Q&A.');
  expect(list.follow).toMatchObject({ url: `${site.server.origin}/awesome.md`, etag: `"${createHash('sha1').update(V2).digest('hex')}"` });
  expect(site.server.requests.length).toBe(requestsBefore);

  // Checked again, the page as reviewed answers 304: one conditional request, no changes.
  await page.getByRole('button', { name: 'Check for changes' }).click();
  await expect(page.getByText('No changes: the page is as it was when you last reviewed it.')).toBeVisible();
  expect(site.server.requests.slice(requestsBefore).map((r) => r.headers['if-none-match'])).toEqual([list.follow!.etag]);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no accessibility violations (axe) on a followed list, its review and “Add a list from a web page” — ${colorScheme} theme`, async ({ launch, userDataDir }) => {
    await profileWithImportedList(userDataDir);
    const app = await launch({ colorScheme, links: { allowPrivateNetwork: true, timeoutMs: 3000 } });
    const listPage = new ListPage(app.page);
    await listPage.openList('Awesome Things');
    await followAndChange(app.page);
    expect(await axeViolations(app.page)).toEqual([]);
    await app.page.getByRole('button', { name: 'Review changes…' }).click();
    await app.page.getByRole('checkbox', { name: /^Retitled/ }).check();
    await expect(app.page.getByRole('button', { name: 'Take 1 and leave 3' })).toBeVisible();
    expect(await axeViolations(app.page)).toEqual([]);
    await app.page.getByRole('button', { name: 'Decide later' }).click();
    await app.page.getByRole('button', { name: '+ Add a list from a web page…' }).click();
    await expect(app.page.getByRole('textbox', { name: 'Web page address' })).toBeFocused();
    expect(await axeViolations(app.page)).toEqual([]);
  });
}

const ARTICLE = `<!doctype html><html><head><title>Compilers reading list</title></head><body>
<nav><a href="https://example.com/home">Home</a></nav>
<article><h1>Compilers reading list</h1>
<h2>Books</h2>
<p><a href="https://example.com/dragon">The Dragon Book</a>, the classic.</p>
<p><a href="https://example.com/crafting">Crafting Interpreters</a></p>
</article></body></html>`;

test('add a list from a web page: the import preview first, then a list that follows the page; a hostile page is refused and nothing is imported', async ({ launch }) => {
  const article = await startServer((req, res) => {
    if (req.url === '/binary') res.writeHead(200, { 'content-type': 'text/plain' }).end('not\0text\0');
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE);
  });
  try {
    const app = await launch({ links: { allowPrivateNetwork: true, timeoutMs: 3000 } });
    const page = app.page;
    const listPage = new ListPage(page);
    const before = (await readSaved(app.dataFile)).lists.length;

    await page.getByRole('button', { name: '+ Add a list from a web page…' }).click();
    let dialog = page.getByRole('dialog', { name: 'Add a list from a web page' });
    await dialog.getByRole('textbox', { name: 'Web page address' }).fill(`${article.origin}/binary`);
    await dialog.getByRole('button', { name: 'Read the page' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '“binary.md” is not a text file (it contains binary data).' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await readSaved(app.dataFile)).lists).toHaveLength(before);

    await page.getByRole('button', { name: '+ Add a list from a web page…' }).click();
    dialog = page.getByRole('dialog', { name: 'Add a list from a web page' });
    await dialog.getByRole('textbox', { name: 'Web page address' }).fill(`${article.origin}/compilers/`);
    await dialog.getByRole('button', { name: 'Read the page' }).click();
    const preview = page.getByRole('dialog', { name: 'Import “Compilers reading list”' });
    await expect(preview).toBeVisible();
    expect((await readSaved(app.dataFile)).lists).toHaveLength(before);
    await preview.getByRole('button', { name: 'Import list' }).click();
    await expect(listPage.heading).toHaveText('Compilers reading list');
    await expect(page.locator('.list-source-line')).toHaveText(`Following ${article.origin}/compilers/ · not checked yet`);
    const saved = (await readSaved(app.dataFile)).lists.find((l) => l.title === 'Compilers reading list')!;
    expect(saved.resources.map((r) => r.title)).toEqual(['The Dragon Book', 'Crafting Interpreters']);
    expect(saved.follow).toEqual({ url: `${article.origin}/compilers/` });
  } finally {
    await article.close();
  }
});

test('a resource the author removed that has the user’s note: “Take all” leaves it; taken on its own it goes, and Undo brings it back with its note', async ({ launch, userDataDir }) => {
  await profileWithImportedList(userDataDir);
  const app = await launch({ links: { allowPrivateNetwork: true, timeoutMs: 3000 } });
  const page = app.page;
  const listPage = new ListPage(page);
  await listPage.openList('Awesome Things');
  const note = await listPage.openNotes('Gamma talk');
  await note.fill('Watch the Q&A.');
  await expect.poll(async () => Object.values((await readSaved(app.dataFile)).notes).map((n) => n.body)).toEqual(['Watch the Q&A.']);
  await page.getByRole('button', { name: 'Follow a web page…' }).click();
  await page.getByRole('textbox', { name: 'Web page this list comes from' }).fill(`${site.server.origin}/awesome.md`);
  await page.getByRole('button', { name: 'Follow', exact: true }).click();
  await page.getByRole('button', { name: 'Check for changes' }).click();
  await expect(page.getByText('No changes: the page lists the same resources as your list.')).toBeVisible();
  site.set(V1.replace('- [Gamma talk](https://example.com/gamma)\n', ''));
  await page.getByRole('button', { name: 'Check for changes' }).click();
  await page.getByRole('button', { name: 'Review changes…' }).click();
  const dialog = page.getByRole('dialog', { name: 'What the author changed in “Awesome Things”' });
  const removal = dialog.getByRole('checkbox', { name: 'Removed “Gamma talk” — it has your notes, so it stays unless you take this change.' });
  await dialog.getByRole('button', { name: 'Take all' }).click();
  await expect(removal).not.toBeChecked();
  await expect(dialog.getByRole('button', { name: 'Take 0 and leave 1' })).toBeVisible();
  await removal.check();
  await dialog.getByRole('button', { name: 'Take 1 and leave 0' }).click();
  await expect(listPage.resources).toHaveCount(2);
  expect((await readSaved(app.dataFile)).notes).toEqual({});
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(listPage.resources).toHaveCount(3);
  await expect.poll(async () => Object.values((await readSaved(app.dataFile)).notes).map((n) => n.body)).toEqual(['Watch the Q&A.']);
  expect((await readSaved(app.dataFile)).lists.find((l) => l.title === 'Awesome Things')!.resources.map((r) => r.title)).toEqual(['Alpha guide', 'Beta book', 'Gamma talk']);
});
