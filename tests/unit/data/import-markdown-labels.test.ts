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

describe('items nested under a part', () => {
  it('are parts too, in order after their parent, never dropped (a resource has one level of parts)', () => {
    const md = ['- [ ] Online Courses:', '    - [x] [Core Hash Tables (video)](https://www.coursera.org/lecture/core-hash-tables)', '    - [x] distributed hash tables:', '        - [Instant Uploads In Dropbox (video)](https://www.coursera.org/lecture/dropbox)', '        - [Distributed Hash Tables (video)](https://www.coursera.org/lecture/dht)'].join('\n');
    const [resource] = importFile('plan.md', md).resources;
    expect(resource!.parts.map((p) => [p.title, p.url !== null, p.done])).toEqual([
      ['Core Hash Tables (video)', true, true],
      ['distributed hash tables:', false, true],
      ['Instant Uploads In Dropbox (video)', true, false],
      ['Distributed Hash Tables (video)', true, false],
    ]);
  });
});
