import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newDocument } from '../../../data/document';
import type { ProgressEntry, Status, StudyDocument, StudyList } from '../../../data/model/schema';
import { cleanTags, MAX_TAG_LENGTH } from '../../../data/model/tags';
import { carried, threeCycles } from './export-roundtrip-shared';

// `STUDYSHELF_PROPERTY_RUNS=10000 npx vitest run tests/unit/data/export-roundtrip-properties` for a soak.
const RUNS = Number(process.env.STUDYSHELF_PROPERTY_RUNS ?? 100);

/** Each control character (and line separator) of `text` as `by`, but those in `keep`. */
function controls(text: string, by: string, keep = ''): string {
  const control = (c: number) => c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029;
  return [...text].map((ch) => (control(ch.codePointAt(0)!) && !keep.includes(ch) ? by : ch)).join('');
}

/** Text on one line as people write it: no control characters, nothing at either end to trim. */
const oneLine = (arbitrary: fc.Arbitrary<string>) => arbitrary.map((t) => controls(t, ' ').trim()).filter((t) => t.length > 0);
const words = fc.constantFrom('Flask', 'by Flask.', 'Inspired by Flask', 'PEP 523 — frame evaluation', 'A · B', '*emphasis* and _this_', '[x] done?', '# not a heading', '- not a bullet', '1. not a list', '&amp; &mdash;', 'C:\\path\\to', '<b>bold</b>', '`code`', 'status: done', 'Where I stopped: here', '日本語', 'Ünïcode ✓', 'https://example.com/bare');
const text = oneLine(fc.oneof(fc.array(words, { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }), fc.string({ minLength: 200, maxLength: 1000 })));
const url = fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.constantFrom('https://en.wikipedia.org/wiki/Python_(programming_language)', 'https://例え.jp/本?q=ü&x=1'));
const date = fc.date({ min: new Date('2001-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
const state = fc.record({ status: fc.constantFrom<Status>('todo', 'in-progress', 'done', 'skipped'), startedAt: fc.option(date, { nil: null }), doneAt: date });
const noteLine = fc.oneof(fc.constantFrom('```', '````js', '~~~', '- [ ] task', '- [x] done', '# Heading', '> quote', '', '   indented', '\ttab', '<!-- c -->', '---', '  >', '\\', '[link](https://x.example)'), fc.string({ unit: 'grapheme', maxLength: 30 }).map((t) => controls(t, '', '\t')));
const note = fc.record({ body: fc.array(noteLine, { maxLength: 8 }).map((l) => l.join('\n')), whereStopped: fc.oneof(fc.constant(''), text.map((t) => t.slice(0, 500).trim())) });
const item = fc.record({ title: text, url: fc.option(url, { nil: null }), state });
/**
 * Tags as the document keeps them (data/model/tags.ts): on one line, trimmed, no commas, 1–60 characters, one
 * per spelling whatever the case; with what Markdown and spreadsheets read as markup or formulas.
 */
const tagWords = fc.constantFrom('python', 'Python', 'machine learning', 'C#', '#hash', '=SUM(A1)', '-dash', '@home', 'a\\b', 'status: done', '*x* _y_ [z]', '&mdash; ·', '日本語', 'Ünïcode ✓', '> quote');
const tag = fc.oneof(tagWords, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 70 })).map((t) => cleanTags([t.replace(/,/g, ' ')])[0]?.slice(0, MAX_TAG_LENGTH).trim() ?? '');
const tags = fc.array(tag, { maxLength: 6 }).map((all) => cleanTags(all));
const resource = fc.record({
  title: text,
  url: fc.option(url, { nil: null, freq: 4 }),
  author: fc.option(fc.constantFrom('Armin Ronacher', 'Raymond — Hettinger', 'O’Reilly · Team', 'by Flask'), { nil: null }),
  description: fc.oneof(fc.constant(''), text),
  kind: fc.constantFrom('link', 'book', 'video', 'course'),
  group: fc.option(fc.constantFrom('Books', 'Talks & videos', 'Ünïcode ✓', '1. Basics', 'C# *and* F#'), { nil: null }),
  addedAt: fc.option(date, { nil: null }),
  state,
  note: fc.option(note, { nil: null }),
  parts: fc.array(item, { maxLength: 3 }),
  links: fc.array(fc.record({ title: text, url: fc.option(url, { nil: null }) }), { maxLength: 2 }),
  tags,
});
type Generated = typeof resource extends fc.Arbitrary<infer T> ? T : never;

/** Duplicates too: some resources again, as a bookmark kept in two folders. */
const lists = fc.record({ title: text, resources: fc.array(resource, { minLength: 1, maxLength: 8 }), again: fc.array(fc.nat(), { maxLength: 3 }) });

function progressOf(s: Generated['state']): ProgressEntry | null {
  if (s.status === 'todo' && !s.startedAt) return null;
  return { status: s.status, startedAt: s.startedAt, doneAt: s.status === 'done' ? s.doneAt : null, updatedAt: s.doneAt };
}

function build(title: string, generated: Generated[]): { doc: StudyDocument; list: StudyList } {
  const list: StudyList = { id: 'generated', title, author: null, description: '', source: null, bundledVersion: null, customized: false, resources: [] };
  const doc = newDocument([]);
  generated.forEach((g, i) => {
    const ref = `generated/r${i}`;
    list.resources.push({
      id: `r${i}`,
      title: g.title,
      url: g.url,
      author: g.author,
      kind: g.kind,
      description: g.description,
      group: g.group,
      addedAt: g.addedAt,
      parts: g.parts.map((p, j) => ({ id: `p${j}`, title: p.title, url: p.url })),
      links: g.links.map((l, j) => ({ id: `l${j}`, title: l.title, url: l.url, kind: 'link', description: '' })),
      ...(g.tags.length > 0 ? { tags: g.tags } : {}),
    });
    const entries: Array<[string, ProgressEntry | null]> = [[ref, progressOf(g.state)], ...g.parts.map((p, j): [string, ProgressEntry | null] => [`${ref}/p${j}`, progressOf(p.state)])];
    for (const [key, entry] of entries) if (entry) doc.progress[key] = entry;
    if (g.note && (g.note.body || g.note.whereStopped)) doc.notes[ref] = { ...g.note, updatedAt: g.state.doneAt };
  });
  doc.lists.push(list);
  return { doc, list };
}

describe.each(['markdown-notes', 'csv', 'markdown'] as const)('%s export of generated lists', (format) => {
  it('import(export(list)) gives back every field the format carries, and the same file, three cycles in a row', () => {
    fc.assert(
      fc.property(lists, ({ title, resources, again }) => {
        const all = [...resources, ...again.map((n) => resources[n % resources.length]!)];
        const { doc, list } = build(title, all);
        const { files, lists: back } = threeCycles(doc, list, format);
        const expected = carried(doc, list, format);
        for (const b of back) expect(b).toEqual(expected);
        expect(files[1]).toBe(files[0]);
        expect(files[2]).toBe(files[0]);
      }),
      { numRuns: RUNS },
    );
  });
});
