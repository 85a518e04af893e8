import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledLists } from '../../../data/bundled-lists';
import { importMarkdown, importMarkdownInSlices } from '../../../data/import/markdown';

const article = readFileSync(new URL('../../fixtures/seed-article.md', import.meta.url), 'utf8');

describe('importing Markdown', () => {
  it('reads the seed article as the same 10 resources, in order, with the same 14 URLs as the bundled list', () => {
    const preview = importMarkdown('python-behind-the-scenes.md', article);
    const bundled = bundledLists()[0]!;
    expect(preview.title).toBe('Python behind the scenes: a list of resources');
    expect(preview.resources.map((r) => r.url)).toEqual(bundled.resources.map((r) => r.url));
    const urls = preview.resources.flatMap((r) => [r.url, ...r.links.map((l) => l.url)]);
    expect(urls).toEqual(bundled.resources.flatMap((r) => [r.url, ...r.links.map((l) => l.url)]));
    expect(urls).toHaveLength(14);
    expect(preview.resources[5]!.title).toBe('Python’s Innards series');
    expect(preview.resources[2]!.author).toBe('Obi Ike-Nwosu');
    expect(preview.skipped).toEqual([]);
  });

  it('reads an awesome list: sections become groups, “- [Title](url) - description”, badges ignored', () => {
    const md = [
      '# Awesome CPython',
      '',
      '[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)',
      '',
      '## Books',
      '',
      '- [CPython Internals](https://realpython.com/products/cpython-internals-book/) - A book by Anthony Shaw.',
      '',
      '## Talks',
      '',
      '* [To GIL or not to GIL](https://www.youtube.com/watch?v=7RlqbHCCVyc) — subinterpreters.',
      '* Just some text without a link',
    ].join('\n');
    const preview = importMarkdown('awesome.md', md);
    expect(preview.title).toBe('Awesome CPython');
    expect(preview.resources.map((r) => [r.group, r.title, r.description])).toEqual([
      ['Books', 'CPython Internals', 'A book by Anthony Shaw.'],
      ['Talks', 'To GIL or not to GIL', 'subinterpreters.'],
    ]);
    expect(preview.resources[0]!.author).toBe('Anthony Shaw');
    expect(preview.skipped).toEqual([{ line: 12, text: 'Just some text without a link', reason: 'no link in this bullet' }]);
  });

  it('reads GitHub task lists (done) and nested bullets (parts), front matter for the title', () => {
    const md = ['---', 'title: "My CPython plan"', '---', '- [x] [Lectures](https://example.com/playlist)', '  - [x] [Lecture 1](https://example.com/1)', '  - [ ] Lecture 2', '- [ ] Read ceval.c'].join('\n');
    const preview = importMarkdown('plan.md', md);
    expect(preview.title).toBe('My CPython plan');
    expect(preview.resources[0]).toMatchObject({ title: 'Lectures', done: true, parts: [{ title: 'Lecture 1', url: 'https://example.com/1', done: true }, { title: 'Lecture 2', url: null, done: false }] });
    expect(preview.resources[1]).toMatchObject({ title: 'Read ceval.c', url: null, done: false });
  });

  it('reads bare https addresses, uppercase [X] boxes and non-ASCII links as written; “[x]text” is no task box', () => {
    const md = ['- https://docs.python.org/3/c-api/ - the C API', '- [X] [Пайтон](https://ru.wikipedia.org/wiki/Пайтон)', '- [x]not-a-box [Link](https://example.com/a_(b))'].join('\n');
    const preview = importMarkdown('x.md', md);
    expect(preview.resources.map((r) => [r.title, r.url, r.done])).toEqual([
      ['https://docs.python.org/3/c-api/', 'https://docs.python.org/3/c-api/', false],
      ['Пайтон', 'https://ru.wikipedia.org/wiki/Пайтон', true],
      ['Link', 'https://example.com/a_(b)', false],
    ]);
    expect(preview.resources[0]!.description).toBe('the C API');
  });

  it('leaves out an item whose link is javascript:, never a link, and says so with the line', () => {
    const preview = importMarkdown('x.md', '- [Click](javascript:alert(1)) - bad\n- [Ok](https://example.com)');
    expect(preview.resources.map((r) => r.title)).toEqual(['Ok']);
    expect(preview.skipped).toEqual([{ line: 1, text: 'Click (javascript:alert(1))', reason: expect.stringContaining('bookmarklet') }]);
  });

  it.each([
    ['empty', '', /is empty/],
    ['binary', 'PK\u0003\u0004\u0000\u0000binary', /not a text file/],
    ['without any list of links', '# Just a title\n\nSome prose.', /has no list of links/],
  ])('refuses a file that is %s with a message naming the problem', (_kind, content, message) => {
    expect(() => importMarkdown('file.md', content)).toThrow(message);
  });

  it('refuses a 50 MB file', () => {
    expect(() => importMarkdown('huge.md', '- [a](https://a.example)\n'.repeat(2_200_000))).toThrow(/up to 20 MB/);
  });
});

describe('reading a long Markdown file in slices', () => {
  it('gives exactly what reading it whole gives: groups, parts, task boxes, fenced code and line numbers', async () => {
    const section = (n: number) => [
      `## Section ${n}`,
      '',
      ...Array.from({ length: 300 }, (_, i) => `- [${i % 7 === 0 ? 'x' : ' '}] [Item ${n}.${i}](https://example.com/${n}/${i}) - about item ${i}`),
      `- [Series ${n}](https://example.com/series/${n})`,
      `  - [x] [Part 1](https://example.com/series/${n}/1)`,
      '  - Part 2',
      '',
      '```markdown',
      '- [Not a link to import](https://example.com/in-code)',
      '## Not a heading',
      '```',
      '',
    ];
    const md = ['# A very long list', '', ...Array.from({ length: 40 }, (_, n) => section(n)).flat()].join('\n');
    const whole = importMarkdown('long.md', md);
    const reported: number[] = [];
    const sliced = await importMarkdownInSlices('long.md', md, async (done, total) => void reported.push(done / total));
    expect(reported.length).toBeGreaterThan(2);
    expect(sliced).toEqual(whole);
    expect(whole.resources).toHaveLength(40 * 301);
    expect(whole.resources.at(-1)).toMatchObject({ title: 'Series 39', group: 'Section 39', parts: [{ title: 'Part 1', done: true }, { title: 'Part 2', done: false }] });
  });
});
