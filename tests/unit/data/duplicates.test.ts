import { describe, expect, it } from 'vitest';
import { resourcesWithLink } from '../../../data/model/duplicates';
import type { StudyList } from '../../../data/model/schema';

const list = (id: string, ...resources: Array<[string, string | null]>): StudyList => ({
  id,
  title: `List ${id}`,
  author: null,
  description: '',
  source: null,
  bundledVersion: null,
  customized: true,
  resources: resources.map(([rid, url]) => ({ id: rid, title: `Title ${rid}`, url, author: null, kind: 'link', description: '', group: null, addedAt: null, links: [], parts: [] })),
});

describe('resourcesWithLink: where an address being added already is', () => {
  const lists = [list('a', ['x', 'https://example.com/page/']), list('b', ['y', 'https://www.Example.com/page#']), list('c', ['z', null])];

  it('finds the same address however it is written, the current list first', () => {
    expect(resourcesWithLink(lists, 'http://example.com/page', 'b').map((h) => `${h.listId}/${h.resourceId}`)).toEqual(['b/y', 'a/x']);
    expect(resourcesWithLink(lists, 'https://example.com/page', 'a')[0]).toEqual({ listId: 'a', listTitle: 'List a', resourceId: 'x', resourceTitle: 'Title x' });
  });

  it('finds nothing for another address, an empty one, or a path that only starts the same', () => {
    expect(resourcesWithLink(lists, 'https://example.com/other', 'a')).toEqual([]);
    expect(resourcesWithLink(lists, '  ', 'a')).toEqual([]);
    expect(resourcesWithLink(lists, 'https://example.com/page/2', 'a')).toEqual([]);
  });
});
