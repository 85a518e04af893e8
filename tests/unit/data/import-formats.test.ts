import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFile, importFileInSlices } from '../../../data/import/detect';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url), 'utf8');

describe('bookmark files (Netscape format)', () => {
  const preview = importFile('bookmarks.html', fixture('bookmarks.html'));

  it('turns folders, nested too, into groups and keeps ADD_DATE', () => {
    expect(preview.format).toBe('bookmarks');
    expect(preview.resources.map((r) => [r.group, r.title])).toEqual([
      ['CPython', 'Python/C API Reference Manual'],
      ['CPython / Internals posts', 'Python internals: Symbol tables, part 1'],
      [null, 'To GIL or not to GIL - YouTube'],
    ]);
    expect(preview.resources[0]!.addedAt).toBe(new Date(1700000100 * 1000).toISOString());
  });

  it('leaves out a bookmarklet, and lists it as skipped with why', () => {
    expect(preview.resources.map((r) => r.url)).not.toContain('javascript:void(0)');
    expect(preview.skipped).toEqual([{ line: null, text: 'A bookmarklet (javascript:void(0))', reason: 'a bookmarklet (javascript:), not a page' }]);
  });
});

describe('a web page', () => {
  const preview = importFile('reading-list.html', fixture('blog-page.html'));

  it('takes the links of the main content with their sections, not the navigation, header, footer or sidebar', () => {
    expect(preview.format).toBe('html');
    expect(preview.title).toBe('Reading list: CPython internals');
    expect(preview.resources.map((r) => [r.group, r.title])).toEqual([
      ['Articles', 'Your Guide to the CPython Source Code'],
      ['Articles', 'A Python Interpreter Written in Python'],
      ['Videos', 'the ten-hour codewalk'],
    ]);
    expect(preview.resources[0]!.description).toBe('a long tour of the repository.');
  });
});

describe('CSV', () => {
  it('reads title, url, status and tags in any case, quoted commas included, and says which rows it skipped', () => {
    const preview = importFile('links.csv', fixture('links.csv'));
    expect(preview.resources.map((r) => [r.title, r.done, r.group])).toEqual([
      ['Inside The Python Virtual Machine', true, 'books'],
      ['Python internals: Symbol tables, part 1', false, 'blogs'],
      ['A "quoted" title, with a comma', false, null],
    ]);
    expect(preview.skipped).toEqual([{ line: 5, text: expect.stringContaining('No link here'), reason: 'no url in this row' }]);
  });

  it('reads Pocket’s export: archive is done, time_added kept, tags split on | and kept as tags, not as a group', () => {
    const preview = importFile('ril_export.csv', fixture('pocket.csv'));
    expect(preview.resources.map((r) => [r.done, r.group, r.tags])).toEqual([
      [true, null, expect.arrayContaining(['python'])],
      [false, null, expect.arrayContaining(['python'])],
    ]);
    expect(preview.resources[0]!.addedAt).toBe(new Date(1712345678 * 1000).toISOString());
  });

  it('refuses a CSV without a url column, naming the columns it found', () => {
    expect(() => importFile('x.csv', 'name,link\na,b')).toThrow('“x.csv” has no “url” column (found: name, link).');
  });
});

describe('OPML', () => {
  it('makes outlines with links resources, their children parts, and folders groups', () => {
    const preview = importFile('feeds.opml', fixture('feeds.opml'));
    expect(preview.title).toBe('CPython reading');
    expect(preview.resources.map((r) => [r.group, r.title, r.url, r.parts.length])).toEqual([
      ['Blogs', 'Eli Bendersky', 'https://eli.thegreenplace.net/', 2],
      ['Blogs', 'Stupid Python Ideas', 'http://stupidpythonideas.blogspot.com/', 0],
    ]);
  });

  it('refuses an XML file that is not OPML', () => {
    expect(() => importFile('x.opml', '<?xml version="1.0"?><rss><channel/></rss>')).toThrow(/not an OPML file/);
  });
});

describe('files that are not what they claim', () => {
  it.each([
    ['truncated bookmarks', 'bookmarks.html', '<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n<DT><H3>Folder', /holds no bookmarks/],
    ['a web page without links', 'page.html', '<!doctype html><html><body><main><p>No links.</p></main></body></html>', /no links in its main content/],
    ['a JSON file offered as a list', 'backup.json', '{"schemaVersion": 2}', /reads JSON only as its own backup/],
    ['a binary file named .csv', 'data.csv', 'PK\u0003\u0004\u0000', /not a text file/],
  ])('%s: a clear message', (_what, name, content, message) => {
    expect(() => importFile(name, content)).toThrow(message);
  });
});

describe('big HTML, bookmarks and OPML files are parsed a slice at a time', () => {
  const bookmarks = (n: number) =>
    [
      '<!DOCTYPE NETSCAPE-Bookmark-file-1>',
      '<TITLE>Bookmarks</TITLE><H1>Bookmarks</H1><DL><p>',
      ...Array.from({ length: n / 100 }, (_, f) => [
        `<DT><H3 ADD_DATE="1700000000">Folder ${f} 🐍</H3><DL><p>`,
        ...Array.from({ length: 100 }, (_, i) => `<DT><A HREF="https://example.com/${f}/${i}" ADD_DATE="17000${i}">Bookmark ${f}-${i} — “quoted” 🐍</A>`),
        '</DL><p>',
      ]).flat(),
      '</DL>',
    ].join('\n');

  it.each([
    ['bookmarks.html', () => fixture('bookmarks.html')],
    ['reading-list.html', () => fixture('blog-page.html')],
    ['feeds.opml', () => fixture('feeds.opml')],
    ['bookmarks-20000.html', () => bookmarks(20_000)],
  ])('%s: the same preview as parsing it whole, with progress reported', async (name, content) => {
    const reported: number[] = [];
    const sliced = await importFileInSlices(name, content(), async (done, total) => void reported.push(done / total));
    expect(sliced).toEqual(importFile(name, content()));
    expect(reported.at(-1)).toBe(1);
    if (name.includes('20000')) {
      expect(reported.length).toBeGreaterThan(3);
      expect(sliced.resources).toHaveLength(20_000);
    }
  });
});
