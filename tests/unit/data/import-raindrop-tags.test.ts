import { describe, expect, it } from 'vitest';
import { importFile } from '../../../data/import/detect';

/** Issue #16: Raindrop.io's CSV recognised; every tag a file carries (Pocket, bookmarks, OPML) kept as a tag. */

const RAINDROP = [
  'id,title,note,excerpt,url,folder,tags,created,cover,highlights,favorite',
  '847056864,"bee-queue/bee-queue: A simple, fast, robust job/task queue for Node.js, backed by Redis.",,"A simple, fast, robust job/task queue for Node.js, backed by Redis. - bee-queue/bee-queue",https://github.com/bee-queue/bee-queue,Unsorted,,2024-09-03T20:06:53.347Z,https://opengraph.githubassets.com/x/bee-queue/bee-queue,"Highlight:A simple, fast, robust job/task queue",false',
  '833360617,Why Frameworks Suck | devdev2040,"""...frameworks suck because they take the fun out of programming.""  This is why I like WSGI.",,http://an9.org/devdev/why_frameworks_suck?checked=1,Dev/Python,"python, webdev",2005-07-19T02:57:49.000Z,,,true',
  '833335087,Retro Gadgets: The 1974 Breadboard Project | Hackaday,,It is hard to imagine experimenting with electronics without the ubiquitous solderless breadboard…,https://hackaday.com/2023/08/29/retro-gadgets,public,"electronics, projects, history, projects",1693348246,https://hackaday.com/retro.png,,false',
  '833335088,A local file,,,file:///home/me/notes.txt,public,,2023-08-29T22:30:46.000Z,,,false',
].join('\n');

describe('Raindrop.io CSV', () => {
  const preview = importFile('export.csv', RAINDROP);

  it('folder → group (nested as “Dev / Python”, “Unsorted” is its inbox, not a group), tags → tags, created → the date', () => {
    expect(preview.resources.map((r) => [r.title.slice(0, 20), r.group, r.tags, r.addedAt])).toEqual([
      ['bee-queue/bee-queue:', null, [], '2024-09-03T20:06:53.347Z'],
      ['Why Frameworks Suck ', 'Dev / Python', ['python', 'webdev'], '2005-07-19T02:57:49.000Z'],
      ['Retro Gadgets: The 1', 'public', ['electronics', 'projects', 'history'], new Date(1693348246 * 1000).toISOString()],
    ]);
  });

  it('the excerpt is the description; the user’s note and highlights become the resource’s note, never lost', () => {
    expect(preview.resources.map((r) => [r.description.slice(0, 30), r.note ?? null])).toEqual([
      ['A simple, fast, robust job/tas', 'Highlights:\n> A simple, fast, robust job/task queue'],
      ['', '"...frameworks suck because they take the fun out of programming."  This is why I like WSGI.'],
      ['It is hard to imagine experime', null],
    ]);
  });

  it('a row whose url is not a web page is listed as skipped, and the counts add up', () => {
    expect(preview.skipped.filter((s) => !s.note)).toEqual([{ line: 5, text: 'A local file (file:///home/me/notes.txt)', reason: expect.stringContaining('not a web address') }]);
    expect(preview.resources.length + preview.skipped.filter((s) => !s.note).length).toBe(4);
  });
});

describe('every tag survives', () => {
  const tagNames = Array.from({ length: 84 }, (_, i) => `tag-${String(i).padStart(2, '0')}`);

  it('a Pocket CSV with 84 distinct tags (|-separated, several a row) keeps 84 tags and makes no groups of them', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `"Article ${i}",https://a.example/${i},${1700000000 + i},${[0, 1, 2].map((k) => tagNames[(i * 3 + k) % 84]).join('|')},${i % 2 ? 'archive' : 'unread'}`);
    const preview = importFile('part_000000.csv', ['title,url,time_added,tags,status', ...rows].join('\n'));
    expect(new Set(preview.resources.flatMap((r) => r.tags ?? [])).size).toBe(84);
    expect(preview.resources.every((r) => r.group === null)).toBe(true);
    expect(preview.resources[0]!.tags).toEqual(['tag-00', 'tag-01', 'tag-02']);
  });

  it('Pocket’s HTML export (tags comma-separated) and bookmarks’ TAGS keep every tag', () => {
    const links = tagNames.map((t, i) => `<li><a href="https://p.example/${i}" time_added="1700000000" tags="${t},shared">P${i}</a></li>`).join('\n');
    const pocket = importFile('ril_export.html', `<!DOCTYPE html><html><head><title>Pocket Export</title></head><body><h1>Unread</h1><ul>\n${links}\n</ul></body></html>`);
    expect(new Set(pocket.resources.flatMap((r) => r.tags ?? [])).size).toBe(85);
    const marks = tagNames.map((t, i) => `<DT><A HREF="https://b.example/${i}" ADD_DATE="1700000000" TAGS="${t},Reading List">B${i}</A>`).join('\n');
    const bookmarks = importFile('bookmarks.html', `<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<TITLE>Bookmarks</TITLE>\n<H1>Bookmarks</H1>\n<DL><p>\n${marks}\n</DL>`);
    expect(new Set(bookmarks.resources.flatMap((r) => r.tags ?? [])).size).toBe(85);
    expect(bookmarks.resources[0]!.tags).toEqual(['tag-00', 'Reading List']);
  });
});
