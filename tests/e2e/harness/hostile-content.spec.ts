import { readFile, writeFile } from 'node:fs/promises';
import { expect, test } from '../fixtures';
import { ListPage } from '../pages/list-page';

const XSS_TITLE = '<img src=x onerror="window.__pwned=1">Evil <script>window.__pwned=2</script>';

/** A list as an import or another program could leave it: markup in titles, hostile URLs. */
test('content that did not come from the user’s typing is inert: markup is text, javascript:/data: links are not clickable', async ({ launch }) => {
  const first = await launch();
  await first.close();
  const doc = JSON.parse(await readFile(first.dataFile, 'utf8'));
  const [peps, book, guide] = doc.lists[0].resources.filter((r: { id: string }) =>
    ['peps', 'inside-the-python-virtual-machine', 'your-guide-to-the-cpython-source-code'].includes(r.id),
  );
  peps.title = XSS_TITLE;
  peps.description = '<b onmouseover="window.__pwned=3">hover</b>';
  book.url = 'javascript:window.__pwned=4';
  guide.url = 'data:text/html,<script>window.__pwned=5</script>';
  doc.lists[0].resources.find((r: { id: string }) => r.id === 'cpython-internals-ten-hour-codewalk').parts[0].url = 'file:///etc/passwd';
  await writeFile(first.dataFile, JSON.stringify(doc));

  const app = await launch();
  const page = app.page;
  const list = new ListPage(page);
  await expect(list.resources).toHaveCount(10);
  // Markup shows as the text it is; no element came from it.
  await expect(page.getByRole('heading', { name: XSS_TITLE })).toBeVisible();
  await expect(page.locator('ol.resources img, ol.resources script, ol.resources b')).toHaveCount(0);
  await page.getByText('<b onmouseover').hover();

  // Unsafe links are plain text, not links.
  for (const title of ['Inside The Python Virtual Machine', 'Your Guide to the CPython Source Code']) {
    await expect(list.resource(title).getByRole('link', { name: new RegExp(title) })).toHaveCount(0);
    await list.resource(title).getByText(title, { exact: true }).click();
  }
  await expect(page.getByRole('link', { name: /^Lecture 1 - / })).toHaveCount(0);

  // Even asked directly, main refuses to open them.
  const refused = await page.evaluate(() => window.api.openLink('python-behind-the-scenes-resources/inside-the-python-virtual-machine'));
  expect(refused).toMatchObject({ ok: false, error: { code: 'unsafe-url' } });
  const refusedUrl = await page.evaluate(() => window.api.openUrl('javascript:alert(1)'));
  expect(refusedUrl).toMatchObject({ ok: false, error: { code: 'unsafe-url' } });

  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(app.opened).toEqual([]);
  expect(page.url()).toMatch(/^http:\/\/studyshelf\.harness\/index\.html/);
  expect(app.blockedRequests).toEqual([]);
});

test('a link in a note that is not http(s) is not clickable and opens nothing', async ({ app, listPage }) => {
  await (await listPage.openNotes('PEPs')).fill('[click me](javascript:window.__pwned=6) and [file](file:///etc/passwd) and [ok](https://peps.python.org/)');
  const preview = app.page.getByRole('region', { name: 'Preview of the notes for PEPs' });
  await expect(preview.getByRole('link')).toHaveText(['ok']);
  await preview.getByText('click me').click();
  await preview.getByText('file', { exact: true }).click();
  expect(await app.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(app.opened).toEqual([]);
});
