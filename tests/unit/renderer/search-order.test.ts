import { describe, expect, it } from 'vitest';
import { bundledLists } from '../../../data/bundled-lists';
import type { Note, ProgressEntry, StudyList } from '../../../data/model/schema';
import { applyFilters, buildIndex, NO_FILTERS, parseQuery, type Filters, type SearchIndex } from '../../../renderer/search';
import { effectiveStatus } from '../../../renderer/progress';

/**
 * What search gave before its results were put in list order by slots instead of a sort: every hit
 * sorted by its place in the list, then filtered. Kept here to hold the faster path to the same answers.
 */
function reference(list: StudyList, progress: Record<string, ProgressEntry>, notes: Record<string, Note>, filters: Filters, index: SearchIndex) {
  const { text, tags } = parseQuery(filters.query);
  const order = new Map(list.resources.map((r, i) => [r.id, i]));
  let matches = text
    ? index.search(text).map((hit) => ({ resource: list.resources.find((r) => r.id === hit.id)!, terms: [...hit.terms, ...tags] }))
    : list.resources.map((resource) => ({ resource, terms: tags }));
  if (text && filters.sort === 'list') matches.sort((a, b) => order.get(a.resource.id)! - order.get(b.resource.id)!);
  matches = matches.filter(({ resource }) => {
    if (filters.status !== 'all' && effectiveStatus(progress, list.id, resource) !== filters.status) return false;
    if (filters.kind !== 'all' && resource.kind !== filters.kind) return false;
    if (filters.hasNotes && !notes[`${list.id}/${resource.id}`]) return false;
    return tags.every((key) => (resource.tags ?? []).some((tag) => tag.toLowerCase().startsWith(key)));
  });
  if (filters.sort === 'title') matches.sort((a, b) => a.resource.title.localeCompare(b.resource.title));
  return matches;
}

describe('search results in list order', () => {
  it('are the hits of the index in the order of the list, with the filters applied, for every query and filter', () => {
    const list = structuredClone(bundledLists()[0]!);
    list.resources.forEach((r, i) => {
      if (i % 4 === 0) r.tags = ['Python', i % 8 === 0 ? 'bytecode' : 'memory'];
    });
    const at = '2026-11-01T10:00:00.000Z';
    const progress: Record<string, ProgressEntry> = {};
    const notes: Record<string, Note> = {};
    list.resources.forEach((r, i) => {
      if (i % 3 === 0) progress[`${list.id}/${r.id}`] = { status: 'done', startedAt: at, doneAt: at, updatedAt: at };
      if (i % 5 === 0) notes[`${list.id}/${r.id}`] = { body: 'the evaluation loop and the garbage collector', whereStopped: '', updatedAt: at };
    });
    const index = buildIndex(list, notes);
    const queries = ['', 'p', 'py', 'python', 'the', 'gar', 'garbage coll', 'interp', 'obj', '#py', 'python #byte', 'nothing-matches'];
    const variants: Array<Partial<Filters>> = [{}, { status: 'done' }, { status: 'todo' }, { kind: 'article' }, { hasNotes: true }, { sort: 'title' }, { sort: 'list', hasNotes: true, status: 'done' }];
    let compared = 0;
    for (const query of queries) {
      for (const variant of variants) {
        const filters = { ...NO_FILTERS, ...variant, query };
        const ours = applyFilters(list, progress, notes, filters, index);
        const expected = reference(list, progress, notes, filters, index);
        expect(ours.map((m) => m.resource.id), JSON.stringify(filters)).toEqual(expected.map((m) => m.resource.id));
        expect(ours.map((m) => m.terms)).toEqual(expected.map((m) => m.terms));
        compared += ours.length;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
