import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newDocument } from '../../../data/document';
import { importFile } from '../../../data/import/detect';
import { addImportedList } from '../../../data/import/to-list';
import { updateListFrom } from '../../../data/import/update';
import { DocumentSchema, type StudyDocument } from '../../../data/model/schema';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url), 'utf8');
const AT = '2024-05-01T10:00:00.000Z';
const long = (n: number) => 'x'.repeat(n);
const longUrl = `https://example.com/${long(5000)}`;

/** Files an importer reads without complaint, each with something the document has a limit for. */
const files: Array<[string, string]> = [
  ['bookmarks.html', fixture('bookmarks.html')],
  ['feeds.opml', fixture('feeds.opml')],
  ['links.csv', fixture('links.csv')],
  ['reading-list.html', fixture('blog-page.html')],
  ['seed-article.md', readFileSync(new URL('../../fixtures/seed-article.md', import.meta.url), 'utf8')],
  [
    'hostile-bookmarks.html',
    [
      '<!DOCTYPE NETSCAPE-Bookmark-file-1><DL><p>',
      `<DT><H3>${long(300)}</H3><DL><p><DT><H3>${long(300)}</H3><DL><p>`,
      '<DT><A HREF="https://a.example/" ADD_DATE="1700000000000">In a folder with a long name</A>',
      '<DT><A HREF="https://b.example/" ADD_DATE="99999999999999999999"></A>',
      '<DT><A></A>',
      `<DT><A HREF="${longUrl}">A very long address</A>`,
      `<DT><A HREF="https://c.example/">${long(3000)}</A>`,
      '</DL><p></DL><p></DL>',
    ].join('\n'),
  ],
  ['hostile-pocket.csv', `title,url,time_added,tags,status,author\n,https://a.example/,1700000000000,${long(300)},archive,${long(900)}\n${long(3000)},${longUrl},-1,,unread,\n`],
  ['hostile.opml', `<?xml version="1.0"?><opml><head><title>T</title></head><body><outline text="${long(300)}"><outline text="${long(300)}"><outline htmlUrl="https://a.example/" description="${long(20_000)}"><outline text="" htmlUrl="${longUrl}"/><outline text="${long(3000)}"/></outline></outline></outline></body></opml>`],
  ['hostile.md', `# ${long(3000)}\n\n## ${long(300)}\n\n- [${long(3000)}](https://a.example/) - ${long(20_000)}\n  - [${long(3000)}](${longUrl})\n- [](https://b.example/)\n`],
  ['hostile-page.html', `<!doctype html><html><head><title>${long(300)}</title></head><body><main><h2>${long(300)}</h2><p><a href="https://a.example/">${long(3000)}</a></p><p><a href="${longUrl}">Long address</a></p></main></body></html>`],
];

function schemaIssues(doc: StudyDocument): string[] {
  const result = DocumentSchema.safeParse(JSON.parse(JSON.stringify(doc)));
  return result.success ? [] : result.error.issues.slice(0, 8).map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('what every importer reads becomes a document the app’s own schema accepts', () => {
  it.each(files)('%s, imported as a new list', (name, content) => {
    const doc = newDocument([]);
    const list = addImportedList(doc, importFile(name, content), AT);
    expect(list.resources.length).toBeGreaterThan(0);
    expect(schemaIssues(doc)).toEqual([]);
  });

  it.each(files)('%s, imported as the new version of a list already there', (name, content) => {
    const doc = newDocument([]);
    const list = addImportedList(doc, importFile('links.csv', fixture('links.csv')), AT);
    updateListFrom(doc, list, importFile(name, content));
    expect(schemaIssues(doc)).toEqual([]);
  });
});
