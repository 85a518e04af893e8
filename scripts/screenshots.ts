import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../data/storage/store';
import { bigDocument, writeProfile } from '../bench/fixture';
import { ListPage } from '../tests/e2e/pages/list-page';
import { launchApp } from '../tests/harness/launch-app';
import { toLoopback } from '../tests/support/link-servers';
import { deliverAll, prepareComputer } from '../tests/support/sync-engine';
import { ROOT } from './electron-binary';

// Regenerates the README's screenshots from the real renderer on the harness. A few months of study
// are written first through the real store with a moving clock (so the activity picture is real),
// then the rest is done through the UI as a person would.
const P = 'python-behind-the-scenes-resources';
const S = 'python-behind-the-scenes-series';
const W = 'cpython-internals-ten-hour-codewalk';

async function seed(dir: string): Promise<void> {
  const day = 86_400_000;
  let t = Date.now() - 120 * day;
  const store = await openStore({ dir, now: () => new Date(t) });
  const steps: Array<() => Promise<unknown>> = [
    () => store.setStatus(`${P}/python-documentation`, 'in-progress'),
    () => store.setDone(`${P}/python-documentation/python-c-api-reference`, true),
    () => store.setDone(`${P}/python-documentation`, true),
    () => store.setDone(`${P}/peps/pep-0587`, true),
    () => store.setDone(`${P}/peps`, true),
    () => store.setDone(`${P}/your-guide-to-the-cpython-source-code`, true),
    () => store.setStatus(`${P}/stupid-python-ideas`, 'skipped'),
    ...[1, 2, 3].map((n) => () => store.setDone(`${P}/${W}/cpython-internals-lecture-${n}`, true)),
    ...[1, 2, 3, 4, 5].map((n) => () => store.setDone(`${S}/${(
      [
        'python-behind-the-scenes-1-how-the-cpython-vm-works',
        'python-behind-the-scenes-2-how-the-cpython-compiler-works',
        'python-behind-the-scenes-3-stepping-through-the-cpython-source-code',
        'python-behind-the-scenes-4-how-python-bytecode-is-executed',
        'python-behind-the-scenes-5-how-variables-are-implemented-in-cpython',
      ] as const
    )[n - 1]}`, true)),
    () => store.setStatus(`${P}/pythons-innards`, 'in-progress'),
    () => store.setDone(`${P}/pythons-innards/pythons-innards-introduction`, true),
    () => store.setDone(`${P}/pythons-innards/pythons-innards-objects-101`, true),
  ];
  for (const [i, step] of steps.entries()) {
    t += (i % 3 === 0 ? 4 : 1) * day + (i % 5) * 3_600_000;
    await step();
    if (i % 2 === 0) await store.saveNote(`${P}/${W}`, `Session ${i}: read along with the lecture.`);
  }
  // The last days in a row: a streak.
  for (let d = 4; d >= 0; d--) {
    t = Date.now() - d * day;
    await store.saveNote(`${P}/${W}`, `## Lecture 4 — PyObject\n\n- \`ob_refcnt\` and \`ob_type\` live in **PyObject_HEAD**\n- [x] watched up to 12:30\n- [ ] read \`Include/object.h\`\n\n\`\`\`c\ntypedef struct _object {\n    Py_ssize_t ob_refcnt;\n    PyTypeObject *ob_type;\n} PyObject;\n\`\`\`\n\nDay ${5 - d}: see [Objects/object.c](https://github.com/python/cpython/blob/2.7/Objects/object.c).`);
  }
  await store.saveWhereStopped(`${P}/${W}`, 'lecture 4, 12:30');
  await store.setStatus(`${P}/${W}`, 'in-progress');
  await store.close();
}

/**
 * A list checked for dead links. The sites are a server on this computer (names resolved to loopback
 * for the shot): the verdicts are real checks of real HTTP answers, not staged states.
 */
async function linkCheckShot(userDataDir: string): Promise<void> {
  const routes: Record<string, [number, string?]> = {
    '/2012/eval-loop': [301, '/posts/inside-the-eval-loop'],
    '/posts/inside-the-eval-loop': [200],
    '/gil': [404],
    '/memory': [200],
    '/compiler': [200],
    '/compiler/slides': [410],
    '/innards': [503],
  };
  const server = http.createServer((req, res) => {
    const [status, location] = routes[req.url ?? ''] ?? [404];
    res.writeHead(status, location ? { location } : {}).end();
  });
  // Port 80 when allowed, so the addresses read like the web's; any free port otherwise.
  await new Promise<void>((resolve) => {
    server.once('error', () => server.listen(0, '127.0.0.1', resolve));
    server.listen(80, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const at = (host: string, path: string) => `http://${host}${port === 80 ? '' : `:${port}`}${path}`;
  const store = await openStore({ dir: userDataDir });
  for (const list of [...store.document()!.lists]) await store.command('deleteList', list.id);
  const list = await store.command('createList', 'CPython reading list', 'Posts and talks collected over the years.');
  const add = (title: string, author: string, url: string, description: string) =>
    store.command('addResource', list.id, { title, url, author, description });
  await add('Inside the evaluation loop', 'A. Writer', at('blog.example.org', '/2012/eval-loop'), 'How ceval.c dispatches opcodes, walked through line by line.');
  await add('Notes on the GIL', 'B. Author', at('notes.example.net', '/gil'), 'Why the GIL exists and what it protects.');
  await add('Memory management in CPython', 'C. Speaker', at('docs.example.com', '/memory'), 'Arenas, pools and blocks: pymalloc explained.');
  const talk = await add('A tour of the compiler', 'D. Presenter', at('talks.example.com', '/compiler'), 'From tokens to bytecode in forty minutes.');
  await store.addPart(`${list.id}/${talk.id}`, 'Slides', at('talks.example.com', '/compiler/slides'));
  await add("Python's innards, mirrored", 'E. Archivist', at('mirror.example.com', '/innards'), 'A copy of the classic series.');
  await store.close();
  const app = await launchApp({
    userDataDir,
    viewport: { width: 1280, height: 860 },
    links: { allowPrivateNetwork: true, lookup: toLoopback },
  });
  const page = app.page;
  await page.getByRole('button', { name: 'Check links…' }).click();
  await page.getByRole('dialog', { name: 'Check links' }).getByRole('button', { name: /^Check \d+ links$/ }).click();
  await page.locator('.list-links').waitFor();
  await page.waitForTimeout(300);
  await page.mouse.move(1, 1);
  await page.screenshot({ path: join(ROOT, 'docs/studyshelf-links.png') });
  await app.close();
  await new Promise((resolve) => server.close(resolve));
}

/**
 * Two computers sharing a synced folder, each with its own copy of it; the sync engine's part (copying
 * each computer's files to the other's copy) is done here by hand. Both edit the same note line.
 */
async function syncShot(root: string): Promise<void> {
  const computers = [
    { profile: join(root, 'laptop'), folder: join(root, 'laptop-sync'), device: { id: 'dev-3f2a91c04b7e', name: 'Laptop' } },
    { profile: join(root, 'desktop'), folder: join(root, 'desktop-sync'), device: { id: 'dev-8c1d07e5a962', name: 'Desktop' } },
  ];
  for (const c of computers) await prepareComputer(c);
  const deliver = () => deliverAll(computers);
  const [laptop, desktop] = [
    await launchApp({ userDataDir: computers[0]!.profile, viewport: { width: 1280, height: 860 } }),
    await launchApp({ userDataDir: computers[1]!.profile, viewport: { width: 1280, height: 860 } }),
  ];
  const ref = `${P}/peps`;
  await laptop.store.setDone(`${P}/python-documentation`, true);
  await laptop.store.saveNote(ref, 'PEP 339: the compiler.\nPEP 3155: qualified names.');
  await desktop.store.setStatus(`${P}/your-guide-to-the-cpython-source-code`, 'in-progress');
  for (let i = 0; i < 2; i++) {
    await deliver();
    await desktop.folderSync!.syncNow();
    await laptop.folderSync!.syncNow();
  }
  await laptop.store.saveNote(ref, 'PEP 339: the compiler.\nPEP 3155: qualified names — read on the train.');
  await desktop.store.saveNote(ref, 'PEP 339: the compiler.\nPEP 3155: qualified names, with the examples tried out.');
  for (let i = 0; i < 2; i++) {
    await deliver();
    await desktop.folderSync!.syncNow();
    await laptop.folderSync!.syncNow();
  }
  const page = laptop.page;
  await page.getByRole('status').filter({ hasText: 'note to resolve' }).waitFor();
  await page.getByRole('button', { name: 'Sync and data folder…' }).click();
  await page.getByRole('dialog', { name: 'Sync and data folder' }).waitFor();
  await page.mouse.move(1, 1);
  await page.screenshot({ path: join(ROOT, 'docs/studyshelf-sync.png') });
  await laptop.close();
  await desktop.close();
}

const dir = await mkdtemp(join(tmpdir(), 'studyshelf-shots-'));
try {
  for (const colorScheme of ['light', 'dark'] as const) {
    const userDataDir = join(dir, colorScheme);
    await seed(userDataDir);
    const app = await launchApp({ userDataDir, viewport: { width: 1280, height: 860 }, colorScheme });
    const page = app.page;
    const list = new ListPage(page);
    await list.resources.first().waitFor();
    await page.mouse.move(1, 1);
    await page.screenshot({ path: join(ROOT, `docs/studyshelf-${colorScheme}.png`) });
    if (colorScheme === 'light') {
      await list.openNotes(`CPython internals: A ten-hour codewalk through the Python interpreter source code`);
      await page.locator('[data-resource$="/cpython-internals-ten-hour-codewalk"] .notes').scrollIntoViewIfNeeded();
      await page.evaluate(() => document.querySelector('[data-resource$="/cpython-internals-ten-hour-codewalk"] .notes')?.scrollIntoView({ block: 'end' }));
      await page.mouse.move(1, 1);
      await page.screenshot({ path: join(ROOT, 'docs/studyshelf-notes.png') });
      await page.keyboard.press('Escape');
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('/');
      await page.keyboard.type('pyobject');
      await page.getByRole('status').filter({ hasText: 'of 10 resources' }).waitFor();
      await page.evaluate(() => document.querySelector('.content')?.scrollTo({ top: 0 }));
      await page.screenshot({ path: join(ROOT, 'docs/studyshelf-search.png') });
      await page.getByRole('button', { name: /^Progress/ }).click();
      await page.getByRole('heading', { name: 'Progress', level: 1 }).waitFor();
      await page.screenshot({ path: join(ROOT, 'docs/studyshelf-progress.png') });
      // At 800 px the sidebar folds away behind a button, and lies over the content when opened.
      await page.setViewportSize({ width: 800, height: 860 });
      await page.getByRole('button', { name: 'Lists and menu' }).click();
      await page.getByRole('navigation', { name: 'Lists' }).waitFor();
      await page.mouse.move(1, 1);
      await page.screenshot({ path: join(ROOT, 'docs/studyshelf-narrow.png') });
    }
    await app.close();
  }
  // A whole bookmarks file: 10,000 resources, scrolled half-way down.
  const big = join(dir, 'big');
  await writeProfile(big, bigDocument(10_000));
  const app = await launchApp({ userDataDir: big, viewport: { width: 1280, height: 860 }, env: { STUDYSHELF_DATA_DIR: big } });
  await app.page.locator('[data-resource]').first().waitFor();
  await app.page.locator('.content').evaluate((scroller) => (scroller.scrollTop = scroller.scrollHeight / 2));
  await app.page.waitForTimeout(300);
  await app.page.mouse.move(1, 1);
  await app.page.screenshot({ path: join(ROOT, 'docs/studyshelf-10000.png') });
  await app.close();
  await linkCheckShot(join(dir, 'links'));
  await syncShot(join(dir, 'sync'));
  console.log('Wrote docs/studyshelf-{light,dark,notes,search,progress,narrow,10000,links,sync}.png');
} finally {
  await rm(dir, { recursive: true, force: true });
}
