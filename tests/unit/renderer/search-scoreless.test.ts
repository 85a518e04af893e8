import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it, vi } from 'vitest';
import type { Note, Resource, StudyList } from '../../../data/model/schema';
import { applyFilters, buildIndex, indexedFields, NO_FILTERS, parseQuery, updateNotes, type SearchIndex } from '../../../renderer/search';
import { FUZZY, internalsOf } from '../../../renderer/search-match';

// Search reads MiniSearch's inverted index itself instead of calling `search` (which scores and sorts
// every hit, for a window that never shows a score). These hold it to MiniSearch's own answers.

const at = '2026-12-01T10:00:00.000Z';
const note = (body: string, whereStopped = ''): Note => ({ body, whereStopped, updatedAt: at });

function resource(i: number, texts: { title: string; author: string; description: string; tags: string[]; part: string; link: string }): Resource {
  return {
    id: `r${i}`,
    title: texts.title || `untitled ${i}`,
    url: null,
    author: texts.author || null,
    kind: 'article',
    description: texts.description,
    group: null,
    addedAt: null,
    links: texts.link ? [{ id: `l${i}`, title: texts.link, url: `https://example.org/${i}` }] : [],
    parts: texts.part ? [{ id: `p${i}`, title: texts.part, url: null, formerUrls: [] }] : [],
    formerUrls: [],
    tags: texts.tags,
  } as unknown as Resource;
}

const listOf = (resources: Resource[]): StudyList =>
  ({ id: 'l', title: 'L', author: null, description: '', source: null, bundledVersion: null, customized: false, resources, follow: null }) as unknown as StudyList;

/** What the window showed before: MiniSearch's `search`, its hits in list order, the tags' words after each hit's. */
function reference(list: StudyList, index: SearchIndex, query: string) {
  const { text, tags } = parseQuery(query);
  const order = new Map(list.resources.map((r, i) => [r.id, i]));
  const hits = text ? index.search(text) : list.resources.map((r) => ({ id: r.id, terms: [] as string[] }));
  return hits
    .map((hit) => ({ resource: list.resources.find((r) => r.id === hit.id)!, terms: [...hit.terms, ...tags] }))
    .filter(({ resource }) => tags.every((key) => (resource.tags ?? []).some((tag) => tag.toLowerCase().startsWith(key))))
    .sort((a, b) => order.get(a.resource.id)! - order.get(b.resource.id)!)
    .map((m) => ({ id: m.resource.id, terms: m.terms }));
}

/** Ours, every hit's words read (before `search` runs: it tidies discarded postings as it goes). */
const ours = (list: StudyList, index: SearchIndex, notes: Record<string, Note>, query: string) =>
  applyFilters(list, {}, notes, { ...NO_FILTERS, query }, index).map((m) => ({ id: m.resource.id, terms: m.terms }));

// Words that share prefixes, lie one or two typos apart, are numbers (which JavaScript puts first among
// an object's keys) or carry accents and punctuation.
const VOCABULARY = ['a', 'ab', 'abc', 'abcd', 'ba', 'cab', 'lex', 'lexer', 'lexers', 'lexicon', 'parse', 'parser', 'parsley', 'garbage', 'garbled', 'collector', 'collection', '2024', '7', '07', 'Émile', 'emile', 'co-op', "don't", 'x.y'];
const word = fc.constantFrom(...VOCABULARY);
const text = fc.tuple(fc.array(word, { maxLength: 6 }), fc.constantFrom(' ', ' - ', ', ', '\n', '. ')).map(([words, sep]) => words.join(sep));
const texts = fc.record({ title: text, author: text, description: text, tags: fc.array(word, { maxLength: 2 }), part: text, link: text });
const typo = fc.tuple(word, fc.nat(), fc.constantFrom('x', 'e', 'a', '')).map(([w, i, c]) => {
  const at_ = i % (w.length + 1);
  return w.slice(0, at_) + c + w.slice(at_ + 1);
});
const prefix = fc.tuple(word, fc.nat()).map(([w, n]) => w.slice(0, 1 + (n % w.length)));
const query = fc.oneof(
  prefix,
  typo,
  fc.array(fc.oneof(word, prefix, typo), { minLength: 2, maxLength: 4 }).map((ws) => ws.join(' ')),
  fc.constantFrom('zzz', 'lexer zzz', '!!', ' - ', '...', '#ab', '#co lex', 'PARSE', 'émi'),
  fc.string({ unit: fc.constantFrom(...'abcelx7 -.!#'), maxLength: 10 }),
);
/** Notes saved after the index was built: resource number and its new note (or none). */
const saves = fc.array(fc.array(fc.tuple(fc.nat(), fc.option(text, { nil: undefined })), { maxLength: 4 }), { maxLength: 3 });

describe('search without scores', () => {
  it('finds what MiniSearch finds, in list order, with the same matched words per resource, also after notes are saved', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(texts, fc.option(text, { nil: undefined })), { minLength: 1, maxLength: 12 }), saves, fc.array(query, { minLength: 1, maxLength: 6 }), (rows, rounds, queries) => {
        const list = listOf(rows.map(([t], i) => resource(i, t)));
        let notes: Record<string, Note> = {};
        rows.forEach(([, body], i) => {
          if (body !== undefined) notes[`l/r${i}`] = note(body, i % 2 ? body.slice(0, 5) : '');
        });
        const index = buildIndex(list, notes);
        for (const round of rounds) {
          const after = { ...notes };
          for (const [n, body] of round) {
            const ref = `l/r${n % rows.length}`;
            if (body === undefined) delete after[ref];
            else after[ref] = note(body);
          }
          updateNotes(index, list, notes, after);
          notes = after;
        }
        expect(internalsOf(index)).not.toBeNull();
        for (const q of queries) {
          const found = ours(list, index, notes, q);
          expect(found, JSON.stringify(q)).toEqual(reference(list, index, q));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a note saved since no longer matches by its old words, and matches by its new ones', () => {
    const list = listOf([resource(0, { title: 'Crafting Interpreters', author: '', description: '', tags: [], part: '', link: '' }), resource(1, { title: 'SICP', author: '', description: '', tags: [], part: '', link: '' })]);
    const before = { 'l/r0': note('the quokka chapter') };
    const index = buildIndex(list, before);
    const find = (q: string, notes: Record<string, Note>) => applyFilters(list, {}, notes, { ...NO_FILTERS, query: q }, index).map((m) => [m.resource.id, m.terms]);
    expect(find('quok', before)).toEqual([['r0', ['quokka']]]);
    const after = { 'l/r0': note('the wombat chapter') };
    expect(updateNotes(index, list, before, after)).toBe(1);
    // The old version is discarded, its postings still in the index until a vacuum.
    expect(index.dirtCount).toBe(1);
    expect(find('quokka', after)).toEqual([]);
    expect(find('quok', after)).toEqual([]);
    expect(find('quokke', after)).toEqual([]); // a typo of the old word
    expect(find('wombat chapter', after)).toEqual([['r0', ['wombat', 'chapter']]]);
    expect(find('craft wom', after)).toEqual([['r0', ['crafting', 'wombat']]]);
    expect(find('interpretrs', after)).toEqual([['r0', ['interpreters']]]);
  });

  it('reads the index itself on the pinned MiniSearch, never calling `search` (nor scoring)', () => {
    const list = listOf([resource(0, { title: 'Lexers and parsers', author: '', description: '', tags: ['compilers'], part: '', link: '' })]);
    const index = buildIndex(list, {});
    const search = vi.spyOn(index, 'search');
    const [hit] = applyFilters(list, {}, {}, { ...NO_FILTERS, query: 'lex pars #comp' }, index);
    expect(hit!.terms).toEqual(['lexers', 'parsers', 'comp']);
    // One array per hit, read as often as a card renders: memoised cards see the same words.
    expect(hit!.terms).toBe(hit!.terms);
    expect(search).not.toHaveBeenCalled();
  });

  it('asks MiniSearch itself for an index that searches otherwise', () => {
    const list = listOf([resource(0, { title: 'Lexers and parsers', author: '', description: '', tags: [], part: '', link: '' })]);
    const other = new MiniSearch<ReturnType<typeof indexedFields>>({ fields: ['title'], searchOptions: { prefix: true, fuzzy: FUZZY * 2, combineWith: 'AND' } });
    other.add(indexedFields('l', list.resources[0]!, {}));
    expect(internalsOf(other)).toBeNull();
    const search = vi.spyOn(other, 'search');
    expect(applyFilters(list, {}, {}, { ...NO_FILTERS, query: 'lexrs' }, other).map((m) => m.terms)).toEqual([['lexers']]);
    expect(search).toHaveBeenCalledOnce();
  });
});
