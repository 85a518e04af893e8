import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newDocument } from '../../../../data/document';
import { rawSourceOf } from '../../../../data/follow/fetch-source';
import type { ListFollower } from '../../../../data/follow/list-follower';
import { applyReview, changeWords, reviewChanges, takeAllIds } from '../../../../data/follow/review';
import { addImportedList } from '../../../../data/import/to-list';
import { DocumentSchema } from '../../../../data/model/schema';
import { startServer, type TestServer } from '../../../support/link-servers';
import { followerOver, servePage } from './pages';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const page = (contentType: string, initial: string) => servePage(servers, contentType, initial);

function setUp(fileName: string, content: string, url: string, run: ConstructorParameters<typeof ListFollower>[0]['run'] = {}) {
  return { ...followerOver(fileName, content, { run }), url };
}

const MD_V1 = `# Awesome Things

## Basics
- [Alpha guide](https://example.com/alpha) - the start
- [Beta book](https://example.com/beta)
- [Gamma talk](https://example.com/gamma)

## More
- [Delta notes](https://example.com/delta)
- [Epsilon course](https://example.com/epsilon)
`;

// Added Zeta (after Alpha), removed Epsilon, retitled Beta, moved Delta to the top of Basics, changed Gamma's link, a duplicate of Alpha at the end.
const MD_V2 = `# Awesome Things

## Basics
- [Delta notes](https://example.com/delta)
- [Alpha guide](https://example.com/alpha) - the start
- [Zeta video](https://example.com/zeta)
- [Beta book, second edition](https://example.com/beta)
- [Gamma talk](https://example.org/gamma-2026)

## More
- [Alpha guide](https://example.com/alpha) - the start
`;

const HTML_V1 = `<!doctype html><html><head><title>Python behind the scenes</title></head><body>
<nav><a href="https://example.com/home">Home</a></nav>
<article><h1>Python behind the scenes</h1>
<h2>Talks</h2>
<p><a href="https://example.com/a">How CPython works</a> by someone.</p>
<p><a href="https://example.com/b">The GIL explained</a></p>
<h2>Books</h2>
<p><a href="https://example.com/c">CPython Internals</a></p>
<p><a href="https://example.com/d">Fluent Python</a></p>
</article></body></html>`;

// Added "Bytecode tour" at the end of Talks, removed "Fluent Python", retitled b, moved c to Talks' top, a's link changed, a duplicate of c in Books.
const HTML_V2 = `<!doctype html><html><head><title>Python behind the scenes</title></head><body>
<nav><a href="https://example.com/home">Home</a></nav>
<article><h1>Python behind the scenes</h1>
<h2>Talks</h2>
<p><a href="https://example.com/c">CPython Internals</a></p>
<p><a href="https://example.net/a">How CPython works</a> by someone.</p>
<p><a href="https://example.com/b">The GIL, explained again</a></p>
<p><a href="https://example.com/e">Bytecode tour</a></p>
<h2>Books</h2>
<p><a href="https://example.com/c">CPython Internals</a></p>
</article></body></html>`;

describe('following a list', () => {
  it('a Markdown list: the first check finds no changes, then the review shows exactly what the author changed', async () => {
    const { server, set } = await page('text/markdown; charset=utf-8', MD_V1);
    const app = setUp('awesome.md', MD_V1, `${server.origin}/awesome.md`);
    await app.follower.follow(app.listId, app.url);
    const first = await app.follower.check(app.listId);
    expect(first.outcome).toBe('unchanged');
    expect(first.message).toBe('No changes: the page lists the same resources as your list.');

    set(MD_V2);
    const second = await app.follower.check(app.listId);
    expect(second.outcome).toBe('changed');
    expect(second.message).toBe('The author changed this list: 6 changes to review.');
    expect(second.review!.changes.map(changeWords).sort()).toEqual(
      [
        'Moved “Delta notes” at the top in “Basics”.',
        'Added “Zeta video” after “Alpha guide” in “Basics”.',
        'Retitled “Beta book” to “Beta book, second edition”.',
        'Changed the link of “Gamma talk” to https://example.org/gamma-2026.',
        'Added “Alpha guide” after “Gamma talk” in “More”.',
        'Removed “Epsilon course”.',
      ].sort(),
    );
  });

  // The page importer lists a link met before on the same page as skipped (html-page.ts), so the
  // article's duplicate of “CPython Internals” is not offered as a new resource: the first one is kept.
  it('an HTML article: the review shows exactly the added, removed, retitled, moved and relinked; a repeated link is not a new resource', async () => {
    const { server, set } = await page('text/html; charset=utf-8', HTML_V1);
    const app = setUp('behind-the-scenes.html', HTML_V1, `${server.origin}/materials/`);
    await app.follower.follow(app.listId, app.url);
    expect((await app.follower.check(app.listId)).outcome).toBe('unchanged');
    set(HTML_V2);
    const result = await app.follower.check(app.listId);
    expect(result.review!.changes.map(changeWords).sort()).toEqual(
      [
        'Moved “CPython Internals” at the top in “Talks”.',
        'Changed the link of “How CPython works” to https://example.net/a.',
        'Retitled “The GIL explained” to “The GIL, explained again”.',
        'Added “Bytecode tour” after “The GIL, explained again” in “Talks”.',
        'Removed “Fluent Python”.',
      ].sort(),
    );
  });

  it('taking some changes and leaving others keeps every tick, status, part and note; a removal with notes is not in “take all”', async () => {
    const { server, set } = await page('text/markdown', MD_V1);
    const app = setUp('awesome.md', MD_V1, `${server.origin}/awesome.md`);
    const list = () => app.doc.lists.find((l) => l.id === app.listId)!;
    await app.follower.follow(app.listId, app.url);
    await app.follower.check(app.listId);
    const ids = Object.fromEntries(list().resources.map((r) => [r.title, r.id]));
    const at = '2026-02-01T00:00:00.000Z';
    app.doc.progress[`${app.listId}/${ids['Beta book']}`] = { status: 'done', startedAt: at, doneAt: at, updatedAt: at };
    app.doc.progress[`${app.listId}/${ids['Delta notes']}`] = { status: 'in-progress', startedAt: at, doneAt: null, updatedAt: at };
    app.doc.notes[`${app.listId}/${ids['Epsilon course']}`] = { body: 'my notes', whereStopped: 'week 2', updatedAt: at };
    app.doc.notes[`${app.listId}/${ids['Gamma talk']}`] = { body: 'good talk', whereStopped: '', updatedAt: at };
    const progressBefore = structuredClone(app.doc.progress);
    const notesBefore = structuredClone(app.doc.notes);

    set(MD_V2);
    const { review } = await app.follower.check(app.listId);
    const removal = review!.changes.find((c) => c.kind === 'removed')!;
    expect(changeWords(removal)).toBe('Removed “Epsilon course” — it has your notes, so it stays unless you take this change.');
    expect(takeAllIds(review!)).not.toContain(removal.id);

    const take = review!.changes.filter((c) => c.kind === 'retitled' || c.kind === 'link').map((c) => c.id);
    const writes = app.writes();
    const outcome = await app.follower.finishReview(app.listId, take);
    expect(app.writes()).toBe(writes + 1);
    expect(outcome.removed).toEqual([]);
    expect(list().resources.map((r) => [r.title, r.url])).toEqual([
      ['Alpha guide', 'https://example.com/alpha'],
      ['Beta book, second edition', 'https://example.com/beta'],
      ['Gamma talk', 'https://example.org/gamma-2026'],
      ['Delta notes', 'https://example.com/delta'],
      ['Epsilon course', 'https://example.com/epsilon'],
    ]);
    expect(app.doc.progress).toEqual(progressBefore);
    expect(app.doc.notes).toEqual(notesBefore);
    expect(list().follow!.etag).toMatch(/^"[0-9a-f]{40}"$/);
    expect(app.follower.states()[app.listId]!.review).toBeNull();
  });

  it('an unchanged page costs one conditional request, says “no changes” and writes nothing', async () => {
    const { server } = await page('text/markdown', MD_V1);
    const app = setUp('awesome.md', MD_V1, `${server.origin}/awesome.md`);
    await app.follower.follow(app.listId, app.url);
    await app.follower.check(app.listId);
    const saved = JSON.stringify(app.doc);
    const writes = app.writes();
    server.requests.length = 0;
    const again = await app.follower.check(app.listId);
    expect(again).toEqual({ outcome: 'unchanged', message: 'No changes: the page is as it was when you last reviewed it.', review: null });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers['if-none-match']).toBe(app.doc.lists[0]!.follow!.etag);
    expect(app.writes()).toBe(writes);
    expect(JSON.stringify(app.doc)).toBe(saved);
    expect(app.follower.states()[app.listId]!.lastChecked).not.toBeNull();
  });

  it('offline: nothing is tried, and the message says when the list was last checked', async () => {
    const { server } = await page('text/markdown', MD_V1);
    let online = true;
    const app = setUp('awesome.md', MD_V1, `${server.origin}/awesome.md`, { isOnline: () => online });
    await app.follower.follow(app.listId, app.url);
    await app.follower.check(app.listId);
    const last = app.follower.states()[app.listId]!.lastChecked!;
    online = false;
    server.requests.length = 0;
    const result = await app.follower.check(app.listId);
    expect(result.outcome).toBe('offline');
    expect(result.message).toMatch(/^No network connection: nothing was tried\. Last checked .+ UTC\.$/);
    expect(server.requests).toHaveLength(0);
    expect(app.follower.states()[app.listId]!.lastChecked).toBe(last);
  });

  it('a huge page is refused while it arrives, and a hostile one is refused like a hostile import; nothing is written', async () => {
    const huge = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/markdown' });
      const chunk = `- [x](https://example.com/${'x'.repeat(1000)})\n`.repeat(100);
      let sent = 0;
      const more = () => {
        while (sent < 400 && res.write(chunk)) sent++;
        if (sent >= 400) res.end();
        else res.once('drain', more);
      };
      res.on('error', () => undefined);
      more();
    });
    servers.push(huge);
    const app = setUp('awesome.md', MD_V1, `${huge.origin}/huge.md`, { maxBytes: 1024 * 1024 });
    await app.follower.follow(app.listId, app.url);
    const writes = app.writes();
    const refused = await app.follower.check(app.listId);
    expect(refused).toEqual({ outcome: 'failed', message: "The list's page could not be checked: The page is larger than 1 MB; Studyshelf imports lists up to that size.", review: null });

    const { server } = await page('text/markdown', 'binary\0data\0');
    const hostile = setUp('awesome.md', MD_V1, `${server.origin}/list.md`);
    await hostile.follower.follow(hostile.listId, hostile.url);
    const result = await hostile.follower.check(hostile.listId);
    expect(result.outcome).toBe('failed');
    expect(result.message).toBe('The list’s page was refused: “list.md” is not a text file (it contains binary data).'.replace('’', "'"));
    expect(app.writes()).toBe(writes);
    expect(hostile.follower.states()[hostile.listId]!.review).toBeNull();
  });

  it('a private address is not contacted unless allowed, as for link checks', async () => {
    const { server } = await page('text/markdown', MD_V1);
    const app = setUp('awesome.md', MD_V1, `${server.origin}/awesome.md`, { allowPrivateNetwork: false });
    await app.follower.follow(app.listId, app.url);
    const result = await app.follower.check(app.listId);
    expect(result.outcome).toBe('failed');
    expect(result.message).toBe("The list's page could not be checked: Not checked: it is an address on this computer or the local network.");
    expect(server.requests).toHaveLength(0);
  });

  it('a GitHub repository or README page is followed as its raw Markdown file', () => {
    expect(rawSourceOf('https://github.com/sindresorhus/awesome')).toBe('https://raw.githubusercontent.com/sindresorhus/awesome/HEAD/README.md');
    expect(rawSourceOf('https://github.com/a/b/blob/main/docs/list.md')).toBe('https://raw.githubusercontent.com/a/b/main/docs/list.md');
    expect(rawSourceOf('https://example.com/list')).toBe('https://example.com/list');
  });
});

describe('following a real awesome list', () => {
  // tests/fixtures/real/SOURCES.md: timofurrer/awesome-asyncio's README on 2022-10-30 and on 2025-03-11.
  const real = (name: string) => readFileSync(join(import.meta.dirname, '../../../fixtures/real/markdown', name), 'utf8');

  it('between two versions of awesome-asyncio the review shows exactly the author’s four additions, each where it sits', async () => {
    const before = real('awesome-asyncio-2022-10-30.md');
    const { server, set } = await page('text/plain; charset=utf-8', before);
    const app = setUp('README.md', before, `${server.origin}/timofurrer/awesome-asyncio/HEAD/README.md`);
    await app.follower.follow(app.listId, app.url);
    expect((await app.follower.check(app.listId)).outcome).toBe('unchanged');
    set(real('awesome-asyncio.md'));
    const { review } = await app.follower.check(app.listId);
    // The same four lines `git diff 3aa3156f e69f873 -- README.md` adds, after the same neighbours.
    expect(review!.changes.map((c) => c.words)).toEqual([
      'Added “Django” after “FastAPI” in “Web Frameworks”.',
      'Added “Beanie” after “Piccolo” in “Database Drivers”.',
      'Added “async_property” after “asgiref” in “Misc”.',
      'Added “taskiq” after “aiomisc” in “Misc”.',
    ]);
    const list = app.doc.lists[0]!;
    const fastapi = list.resources.find((r) => r.title === 'FastAPI')!;
    const at = '2026-02-01T00:00:00.000Z';
    app.doc.progress[`${app.listId}/${fastapi.id}`] = { status: 'done', startedAt: at, doneAt: at, updatedAt: at };
    await app.follower.finishReview(app.listId, takeAllIds(review!));
    const titles = app.doc.lists[0]!.resources.map((r) => r.title);
    expect(titles.slice(titles.indexOf('FastAPI'), titles.indexOf('FastAPI') + 2)).toEqual(['FastAPI', 'Django']);
    expect(app.doc.lists[0]!.resources).toHaveLength(list.resources.length + 4);
    expect(app.doc.progress[`${app.listId}/${fastapi.id}`]?.status).toBe('done');
    expect((await app.follower.check(app.listId)).outcome).toBe('unchanged');
  });
});

describe('the review in words', () => {
  it('parts the author added to a resource are one change, and taking it adds them after the part each follows, keeping the ticked ones', () => {
    const resource = (parts: string[]) => ({ title: 'Lectures', url: 'https://example.com/l', author: null, description: '', group: null, done: false, parts: parts.map((title) => ({ title, url: null, done: false })), links: [], line: 1 });
    const preview = (parts: string[]) => ({ title: 'Course', format: 'markdown' as const, resources: [resource(parts)], skipped: [] });
    const doc = newDocument([]);
    const list = addImportedList(doc, preview(['Lecture 1', 'Lecture 2']), '2026-01-01T00:00:00.000Z');
    const first = list.resources[0]!.parts[0]!;
    const at = '2026-02-01T00:00:00.000Z';
    doc.progress[`${list.id}/${list.resources[0]!.id}/${first.id}`] = { status: 'done', startedAt: at, doneAt: at, updatedAt: at };
    const next = preview(['Lecture 1', 'Lecture 1b', 'Lecture 2', 'Lecture 3']);
    const review = reviewChanges(doc, list, next);
    expect(review.changes.map((c) => c.words)).toEqual(['Added 2 parts to “Lectures”: “Lecture 1b”, “Lecture 3”.']);
    applyReview(doc, list, next, new Set(review.changes.map((c) => c.id)));
    const parts = doc.lists[0]!.resources[0]!.parts;
    expect(parts.map((p) => p.title)).toEqual(['Lecture 1', 'Lecture 1b', 'Lecture 2', 'Lecture 3']);
    expect(parts[0]!.id).toBe(first.id);
    expect(doc.progress[`${list.id}/${list.resources[0]!.id}/${first.id}`]?.status).toBe('done');
  });
});

describe('hostile answers', () => {
  it('validators too long for the data file are not kept: nothing is written that our own reader would reject', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/markdown', 'last-modified': `Wed, 21 Oct 2015 07:28:00 GMT${' '.repeat(300)}x`, etag: `"${'e'.repeat(999)}"` });
      res.end(MD_V1);
    });
    servers.push(server);
    const app = setUp('awesome.md', MD_V1, `${server.origin}/awesome.md`);
    await app.follower.follow(app.listId, app.url);
    expect((await app.follower.check(app.listId)).outcome).toBe('unchanged');
    expect(() => DocumentSchema.parse(app.doc)).not.toThrow();
    // Both validators dropped: the page has none worth keeping, so the list is as it was.
    expect(app.doc.lists[0]!.follow).toEqual({ url: app.url });
  });
});
