import { describe, expect, it } from 'vitest';
import { bundledLists } from '../../../data/bundled-lists';
import type { Note } from '../../../data/model/schema';
import { matchesElsewhere } from '../../../renderer/search-elsewhere';

const lists = bundledLists();
const [first, second] = lists as [(typeof lists)[0], (typeof lists)[0]];
const note = (body: string): Note => ({ body, whereStopped: '', updatedAt: '2026-11-20T10:00:00.000Z' });

describe('what a search finds in the other lists', () => {
  it('counts the other lists’ resources whose words start with every word of the query, not the current list', () => {
    expect(matchesElsewhere(lists, first.id, {}, 'GIL')).toEqual([{ list: second, count: 1 }]);
    expect(matchesElsewhere(lists, second.id, {}, 'gil')).toEqual([{ list: first, count: 1 }]);
    expect(matchesElsewhere(lists, first.id, {}, 'zzzyx')).toEqual([]);
    expect(matchesElsewhere(lists, first.id, {}, '   ')).toEqual([]);
  });

  it('finds notes, and a note saved since is seen (the words are kept per resource and note)', () => {
    const ref = `${second.id}/${second.resources[0]!.id}`;
    expect(matchesElsewhere(lists, first.id, {}, 'quokka')).toEqual([]);
    expect(matchesElsewhere(lists, first.id, { [ref]: note('a quokka in the margin') }, 'quok')).toEqual([{ list: second, count: 1 }]);
  });

  it('a #tag finds tags starting with it', () => {
    const tagged = { ...second, resources: second.resources.map((r, i) => (i < 2 ? { ...r, tags: ['Python-internals'] } : r)) };
    expect(matchesElsewhere([first, tagged], first.id, {}, '#python-int')).toEqual([{ list: tagged, count: 2 }]);
    expect(matchesElsewhere([first, tagged], first.id, {}, '#rust')).toEqual([]);
  });
});
