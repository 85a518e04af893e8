import { describe, expect, it } from 'vitest';
import type { StudyList } from '../../../data/model/schema';
import { tagCounts } from '../../../renderer/components/SidebarTags';

const list = (tags: Array<string[] | undefined>) => ({ id: 'l', title: 'L', resources: tags.map((t, i) => ({ id: `r${i}`, title: `R${i}`, tags: t })) }) as unknown as StudyList;

describe('the sidebar’s tag counts', () => {
  it('counts each resource once per tag whatever its case, most used first, then by name', () => {
    expect(tagCounts(list([['Python', 'gil'], ['python', 'PYTHON'], ['async'], undefined, ['GIL']]))).toEqual([
      { tag: 'gil', count: 2 },
      { tag: 'Python', count: 2 },
      { tag: 'async', count: 1 },
    ]);
  });
  it('is empty for a list without tags', () => {
    expect(tagCounts(list([undefined, []]))).toEqual([]);
  });
});
