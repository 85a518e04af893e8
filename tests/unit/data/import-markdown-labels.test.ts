import { describe, expect, it } from 'vitest';
import { importFile } from '../../../data/import/detect';

/** Issue #16, coding-interview-university (tests/fixtures/real): bullets that are headings hold the study plan. */
describe('a bullet that is a heading (“- ### Arrays”) over a list', () => {
  it('is a label: the tasks and links it holds are read as items of the section, not dropped without a word', () => {
    const md = ['## Data Structures', '', '- ### Arrays', '    - [x] [Arrays (video)](https://www.coursera.org/lecture/data-structures/arrays-OsBSF)', '    - [ ] [Dynamic Arrays (video)](https://www.coursera.org/lecture/data-structures/dynamic-arrays-EwbnV)', '', '- ### Stack', '    - [x] [Stacks (video)](https://www.coursera.org/lecture/data-structures/stacks-UdKzQ)'].join('\n');
    const preview = importFile('plan.md', md);
    expect(preview.resources.map((r) => [r.group, r.title, r.done])).toEqual([
      ['Data Structures', 'Arrays (video)', true],
      ['Data Structures', 'Dynamic Arrays (video)', false],
      ['Data Structures', 'Stacks (video)', true],
    ]);
    expect(preview.skipped).toEqual([]);
  });
});
