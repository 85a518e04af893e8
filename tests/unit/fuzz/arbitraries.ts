import fc from 'fast-check';
import { SOAKING } from './runs';

/**
 * Files as people find them on the internet (bookmark exports with folders, awesome-list Markdown, OPML,
 * Pocket CSV, a web page of links: the shapes of tests/fixtures/import and tests/fixtures/real), made
 * hostile piece by piece: texts and names that are prototype keys, odd dates, deep nesting, huge
 * counts, invalid UTF-8, NUL bytes, mixed line endings, very long lines.
 */

/** Names of Object.prototype (and the key that reaches it), used as ids, keys, refs and titles. */
export const PROTO_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__'];

export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('Python internals', 'How the CPython VM works', 'Łódź — naïve café', '数据结构与算法', 'עברית מימין לשמאל', '🐍🧵 threads', 'e\u0301\u0301 combining') },
  { weight: 2, arbitrary: fc.constantFrom(...PROTO_KEYS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) }, // lone surrogates and all
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '\uD800', 'a\uDC00b', '\uFFFD\uFFFE\uFFFF', '\u202Eevil\u202C', '<script>alert(1)</script>', '[x](javascript:alert(1))',
      '&amp;&lt;&#0;&#x110000;&bogus;', '"quoted, with a comma"', '=HYPERLINK("https://evil.example")', '  ', '\t\v\f', '`code` **bold** _x_',
      ']]><!--', '%00%ff', '\\u0000', '</DL></A></outline>', '- [ ] task', '# heading', '>>>> quote',
    ),
  },
);

/** A title-sized text that is not blank (most importers skip blank titles; the blank ones come from hostileText). */
const title = hostileText.map((t) => (t.trim() === '' ? `${t}x` : t));

/** Dates as files write them, and as they should not: seconds, ms, µs, 1e20, negative, NaN, far future, junk. */
export const oddDate: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '1700000000', '1700000000000', '1700000000000000', '1e20', '-1', '-62135596800', '-8640000000001', 'NaN', 'Infinity', '-Infinity',
    '253402300800', '8640000000000001', '99999999999999999999', '0', '', '1.5', ' 1700000000 ', '0x10', '17e8', '2024-02-30', '2024-13-45T25:61:61Z',
    '+275760-09-13T00:00:00.000Z', '-000001-01-01T00:00:00Z', '2024-01-01T00:00:00.1234567Z', '9999-12-31T23:59:59.999Z', 'yesterday',
  ),
  fc.integer({ min: -1e15, max: 1e16 }).map(String),
  fc.double().map(String),
);

export const hostileUrl: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'file:///etc/passwd', 'data:text/html,<b>x</b>', 'https://example.com/a b', 'http://[::1]/',
      'https://user:pw@example.com/', '//no-scheme.example/', 'https://例え.jp/パス', 'HTTPS://EXAMPLE.COM/UP', 'https://example.com/%zz%00',
      'https://example.com/__proto__', 'https://example.com/constructor', '', ' ', 'https://', 'https://example.com/?q="><script>',
      `https://example.com/${'a'.repeat(5000)}`, '\\\\server\\share', 'app://studyshelf/index.html',
    ),
  },
);

/** One link of a file, before it is written in any format. */
export interface Entry {
  title: string;
  url: string;
  date: string;
  description: string;
  group: string;
}

const entry: fc.Arbitrary<Entry> = fc.record({ title, url: hostileUrl, date: oddDate, description: hostileText, group: fc.oneof(fc.constantFrom('Books', 'Talks', 'Blogs'), title) });

/** Few entries most of the time; thousands (tens of thousands under the soak) now and then. */
const entries: fc.Arbitrary<Entry[]> = fc.oneof(
  { weight: 9, arbitrary: fc.array(entry, { maxLength: 25 }) },
  {
    weight: 1,
    // Titles as in a real export (each its own), or the same few again and again (the same slug).
    arbitrary: fc.tuple(fc.array(entry, { minLength: 1, maxLength: 5 }), fc.constantFrom(...(SOAKING ? [3000, 20_000] : [3000])), fc.boolean()).map(([some, n, repeat]) =>
      Array.from({ length: n }, (_, i) => {
        const e = some[i % some.length]!;
        return { ...e, title: repeat ? e.title : `${e.title} ${i}`, group: `Group ${Math.floor(i / 500)}` };
      }),
    ),
  },
);

/** How deep the links sit: as real files nest them, or past the importers' limit of 1,000. */
const depth = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 4 }) }, { weight: 1, arbitrary: fc.constantFrom(...(SOAKING ? [999, 1001, 5000, 50_000] : [999, 1001, 5000])) });

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const cell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const mdText = (s: string) => s.replace(/[[\]()]/g, ' ');

function groups(list: Entry[]): Array<[string, Entry[]]> {
  const out: Array<[string, Entry[]]> = [];
  for (const e of list) {
    const last = out.at(-1);
    if (last && last[0] === e.group) last[1].push(e);
    else out.push([e.group, [e]]);
  }
  return out;
}

type Render = (name: string, list: Entry[], deep: number) => string;

const bookmarks: Render = (name, list, deep) => {
  const out = ['<!DOCTYPE NETSCAPE-Bookmark-file-1>', '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">', `<TITLE>${attr(name)}</TITLE>`, '<H1>Bookmarks</H1>', '<DL><p>'];
  out.push('<DT><H3>Nested</H3><DL><p>'.repeat(deep));
  for (const [group, items] of groups(list)) {
    out.push(`    <DT><H3 ADD_DATE="${attr(items[0]!.date)}">${attr(group)}</H3>`, '    <DL><p>');
    for (const e of items) {
      out.push(`        <DT><A HREF="${attr(e.url)}" ADD_DATE="${attr(e.date)}" TAGS="${attr(e.group)}">${attr(e.title)}</A>`);
      if (e.description) out.push(`        <DD>${attr(e.description)}`);
    }
    out.push('    </DL><p>');
  }
  out.push('</DL><p>'.repeat(deep + 1));
  return out.join('\n');
};

const awesomeMarkdown: Render = (name, list, deep) => {
  const out = [`# Awesome ${mdText(name)} [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)`, '', `> A curated list of ${mdText(name)}.`, '', '## Contents', ''];
  // An anchor as GitHub writes it; a lone surrogate (which encodeURIComponent refuses) as U+FFFD.
  for (const [group] of groups(list)) out.push(`- [${mdText(group)}](#${encodeURIComponent(group.replace(/[\uD800-\uDFFF]/g, '\uFFFD'))})`);
  out.push('');
  for (const [group, items] of groups(list)) {
    out.push(`## ${group}`, '');
    for (const e of items) out.push(`- [${mdText(e.title)}](${e.url.replace(/[()\s]/g, encodeURIComponent)}) - ${e.description}`);
    out.push('');
  }
  if (deep > 0) out.push(Array.from({ length: Math.min(deep, 20_000) }, (_, i) => `${'  '.repeat(i)}- [deep ${i}](https://example.com/${i})`).join('\n'), `${'> '.repeat(deep)}[x](https://example.com/q)`);
  return out.join('\n');
};

const opml: Render = (name, list, deep) => {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">', `  <head><title>${attr(name)}</title><dateCreated>${attr(list[0]?.date ?? '')}</dateCreated></head>`, '  <body>'];
  out.push('<outline text="nested">'.repeat(deep));
  for (const [group, items] of groups(list)) {
    out.push(`    <outline text="${attr(group)}">`);
    for (const e of items) out.push(`      <outline text="${attr(e.title)}" type="rss" xmlUrl="${attr(e.url)}" htmlUrl="${attr(e.url)}" created="${attr(e.date)}" description="${attr(e.description)}"/>`);
    out.push('    </outline>');
  }
  out.push('</outline>'.repeat(deep), '  </body>', '</opml>');
  return out.join('\n');
};

const pocketCsv: Render = (_name, list) =>
  ['title,url,time_added,tags,status', ...list.map((e) => [e.title, e.url, e.date, `${e.group}|${e.description}`, e.description.length % 2 ? 'archive' : 'unread'].map(cell).join(','))].join('\n');

const linksCsv: Render = (_name, list) => ['Title,URL,Status,Tags,Added', ...list.map((e) => [e.title, e.url, 'done', e.group, e.date].map(cell).join(','))].join('\n');

const htmlPage: Render = (name, list, deep) => {
  const out = ['<!doctype html>', `<html lang="en"><head><meta charset="utf-8"><title>${attr(name)}</title></head><body><main>`, `<h1>${attr(name)}</h1>`, '<div>'.repeat(deep)];
  for (const [group, items] of groups(list)) {
    out.push(`<h2>${attr(group)}</h2>`, '<ul>');
    for (const e of items) out.push(`<li><a href="${attr(e.url)}">${attr(e.title)}</a> <time datetime="${attr(e.date)}">${attr(e.date)}</time> ${attr(e.description)}</li>`);
    out.push('</ul>');
  }
  out.push('</div>'.repeat(deep), '</main></body></html>');
  return out.join('\n');
};

const FORMATS: Array<[Render, string[]]> = [
  [bookmarks, ['bookmarks.html', 'Bookmarks_2024_01_01.html', 'favoris.htm', 'export']],
  [awesomeMarkdown, ['awesome-python.md', 'README.md', 'README', 'notes.txt']],
  [opml, ['feeds.opml', 'subscriptions.xml', 'feedly.OPML']],
  [pocketCsv, ['ril_export.csv', 'pocket.csv', 'part_000000.csv']],
  [linksCsv, ['links.csv', 'export.tsv']],
  [htmlPage, ['page.html', 'index.htm', 'saved page']],
];

const hostileName = fc.constantFrom('__proto__.md', 'constructor.csv', 'toString', 'hasOwnProperty.opml', '.html', 'backup.json', 'résumé 数据.opml', `${'x'.repeat(480)}.md`, 'a/b\\c.md', 'CON.csv', 'name\u0000.md', '\uD800.html');

/** A change made to the whole text of a file after it was written. */
export type Mutation =
  | { kind: 'line-endings'; endings: string[] }
  | { kind: 'invalid-utf8'; at: number[]; bytes: number[] }
  | { kind: 'nul'; at: number }
  | { kind: 'bom' }
  | { kind: 'long-line'; at: number; length: number }
  | { kind: 'truncate'; at: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('line-endings' as const), endings: fc.array(fc.constantFrom('\n', '\r\n', '\r', '\n\r', '\u2028'), { minLength: 1, maxLength: 5 }) }),
  fc.record({ kind: fc.constant('invalid-utf8' as const), at: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }), bytes: fc.array(fc.constantFrom(0xff, 0xfe, 0xc3, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xf4, 0x90), { minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constant('nul' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('bom' as const) }),
  fc.record({ kind: fc.constant('long-line' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.constantFrom(5000, 300_000, ...(SOAKING ? [3_000_000] : [])) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
);

const cut = (text: string, at: number) => Math.floor(text.length * at);

/** Applies a mutation; invalid UTF-8 is decoded as the app decodes a file it reads (user-files.ts). */
export function mutate(text: string, m: Mutation): string {
  switch (m.kind) {
    case 'line-endings': {
      let i = 0;
      return text.replace(/\r\n|\r|\n/g, () => m.endings[i++ % m.endings.length]!);
    }
    case 'invalid-utf8': {
      const bytes = Buffer.from(text, 'utf8');
      const spots = m.at.map((a) => Math.floor(bytes.length * a)).sort((a, b) => a - b);
      const parts: Buffer[] = [];
      let from = 0;
      for (const spot of spots) {
        parts.push(bytes.subarray(from, spot), Buffer.from(m.bytes));
        from = spot;
      }
      parts.push(bytes.subarray(from));
      return Buffer.concat(parts).toString('utf8');
    }
    case 'nul':
      return `${text.slice(0, cut(text, m.at))}\0${text.slice(cut(text, m.at))}`;
    case 'bom':
      return `\uFEFF${text}`;
    case 'long-line':
      return `${text.slice(0, cut(text, m.at))}${'long line without a break, '.repeat(Math.ceil(m.length / 27))}${text.slice(cut(text, m.at))}`;
    case 'truncate':
      return text.slice(0, cut(text, m.at));
  }
}

/** A generated file; shown in a failure report by its shape and ends (the whole text can be megabytes). */
export class ImportFile {
  readonly content: string;

  constructor(
    readonly fileName: string,
    content: string,
    readonly shape: string,
  ) {
    // As the window sends it (IPC clones it): one flat string, not the rope its pieces were joined into,
    // whose flattening (~100 ms at 20 MB) the app never pays.
    this.content = structuredClone(content);
  }

  [fc.toStringMethod](): string {
    return `${JSON.stringify(this.fileName)} (${this.shape}; ${this.content.length} chars): ${JSON.stringify(this.content.slice(0, 600))} … ${JSON.stringify(this.content.slice(-200))}`;
  }
}

/** A file to import: its name (as given, or hostile) and its text. */
export const importFileArb: fc.Arbitrary<ImportFile> = fc
  .tuple(fc.integer({ min: 0, max: FORMATS.length - 1 }), fc.nat(), fc.option(hostileName, { freq: 5 }), title, entries, depth, fc.array(mutation, { maxLength: 3 }))
  .map(([format, pick, badName, name, list, deep, mutations]) => {
    const [render, names] = FORMATS[format]!;
    const content = mutations.reduce(mutate, render(name, list, deep));
    return new ImportFile(badName ?? names[pick % names.length]!, content, `${render.name}, ${list.length} entries, ${deep} deep, ${mutations.map((m) => m.kind).join('+') || 'unmutated'}`);
  });
