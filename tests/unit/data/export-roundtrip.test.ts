import { describe, expect, it } from 'vitest';
import { newDocument } from '../../../data/document';
import type { Resource, StudyDocument, StudyList } from '../../../data/model/schema';
import { exportFrom, importInto } from '../../../data/transfer';
import { AT, carried, threeCycles } from './export-roundtrip-shared';

const D = (day: number, hour = 9) => new Date(Date.UTC(2025, 2, day, hour, 30, 15, 250)).toISOString();
const LONG = `A very long title ${'about CPython internals, bytecode and the evaluation loop; '.repeat(15)}end`.slice(0, 1000);

/** A note in Markdown holding what could break out of a quote or a fence: fences, task boxes, headings. */
const NOTE = [
  '# My summary',
  '',
  '- [ ] re-read chapter 3',
  '- [x] try the examples',
  '',
  '```python',
  'def f():',
  '    return 1  # a comment',
  '```',
  '',
  '````',
  '```nested fence```',
  '````',
  '> a quote of my own',
  '    indented code',
  '\ttabbed',
  '<!-- not a comment to hide -->',
  '---',
  'status: done · started 2020-01-01T00:00:00.000Z',
  '',
].join('\n');

function resource(id: string, title: string, url: string | null, more: Partial<Resource> = {}): Resource {
  return { id, title, url, author: null, kind: 'link', description: '', group: null, addedAt: null, links: [], parts: [], ...more };
}

/** A list with every status, dates, notes, parts, nested links, groups mixed with no group, and no-link resources. */
function studiedList(): { doc: StudyDocument; list: StudyList } {
  const list: StudyList = {
    id: 'studied',
    title: 'Python — lectures, books & *talks* #1',
    author: null,
    description: '',
    source: null,
    bundledVersion: null,
    customized: false,
    resources: [
      resource('flask', 'Flask', 'https://flask.palletsprojects.com/', {
        author: 'Armin Ronacher',
        description: 'by Flask. Inspired by Flask — a micro framework · small',
        kind: 'docs',
        addedAt: D(1),
        // Tags with what Markdown or a spreadsheet could read as markup: each comes back as it was.
        tags: ['python', 'Web frameworks', 'C#', '#hash', 'a\\b · c — d', 'status: done', '*stars* & [x]', '日本語'],
      }),
      resource('no-link', 'A book with no link — 2nd ed. · draft', null, { author: 'Raymond — Hettinger · Jr.', description: '- starts like a bullet', kind: 'book', tags: ['=SUM(A1)', '-dash', 'python'] }),
      resource('lectures', 'CPython internals: ten-hour codewalk', 'https://www.youtube.com/playlist?list=PLzV58Zm8FuBL6OAv1Yu6AwXZrnsFbbR0S&x=(1)', {
        group: 'Videos',
        kind: 'video',
        parts: [
          { id: 'l1', title: 'Lecture 1 - Interpreter and source code overview', url: 'https://www.youtube.com/watch?v=LhadeL7_EIU' },
          { id: 'l2', title: 'Lecture 2 · Opcodes — main loop', url: null },
          { id: 'l3', title: '[x] Lecture 3: frames', url: null },
          { id: 'l4', title: 'Lecture 4', url: 'https://en.wikipedia.org/wiki/Python_(programming_language)' },
        ],
        links: [
          { id: 'c-api', title: 'C-API reference', url: 'https://docs.python.org/3/c-api/', kind: 'link', description: '' },
          { id: 'status', title: 'status: not a status line', url: null, kind: 'link', description: '' },
          { id: 'stopped', title: 'Where I stopped: not a note', url: null, kind: 'link', description: '' },
        ],
      }),
      resource('japanese', 'Précis — 日本語の本 · 第二版', 'https://例え.jp/本?q=ü', { group: 'Videos', description: 'Ünïcode ✓ everywhere', tags: ['@mention'] }),
      resource('after-section', 'Ungrouped after a section', 'https://example.com/after', { description: 'must not be pulled into “Videos”' }),
      resource('long', LONG, 'https://example.com/long', { group: 'Books & *papers*' }),
      resource('dup-1', 'Same title', 'https://example.com/same', { group: 'Books & *papers*' }),
      resource('dup-2', 'Same title', 'https://example.com/same', { group: 'Books & *papers*' }),
      resource('markup', 'Title with *stars*, _underscores_, `code`, [brackets], <b>, &amp; and \\ backslash', 'https://example.com/markup?a=1&b=2', { group: 'Videos' }),
    ],
  };
  const doc = newDocument([list]);
  const progress = (ref: string, status: 'todo' | 'in-progress' | 'done' | 'skipped', startedAt: string | null, doneAt: string | null) => {
    doc.progress[`studied/${ref}`] = { status, startedAt, doneAt, updatedAt: doneAt ?? startedAt ?? D(20) };
  };
  progress('flask', 'done', D(2), D(3, 18));
  progress('no-link', 'in-progress', D(4), null);
  progress('lectures', 'in-progress', D(5), null);
  progress('lectures/l1', 'done', D(5), D(6));
  progress('lectures/l2', 'in-progress', D(7), null);
  progress('lectures/l3', 'skipped', null, null);
  progress('japanese', 'skipped', null, null);
  progress('dup-2', 'done', D(8), D(9));
  progress('long', 'todo', D(10), null);
  doc.notes['studied/lectures'] = { body: NOTE, whereStopped: 'lecture 2, 12:30 — *slide* 7 · [x]', updatedAt: D(11) };
  doc.notes['studied/flask'] = { body: '  leading spaces\n\n\ntrailing blank lines\n\n', whereStopped: '', updatedAt: D(12) };
  doc.notes['studied/dup-1'] = { body: '', whereStopped: 'page 12', updatedAt: D(12) };
  return { doc, list };
}

describe.each(['markdown-notes', 'csv', 'markdown'] as const)('%s: import(export(list)) gives back the list', (format) => {
  it('every field the format carries, three cycles in a row, and the same file each time', () => {
    const { doc, list } = studiedList();
    const { files, lists, docs } = threeCycles(doc, list, format);
    const expected = carried(doc, list, format);
    for (const back of lists) expect(back).toEqual(expected);
    expect(files[1]).toBe(files[0]);
    expect(files[2]).toBe(files[0]);
    if (format !== 'markdown') {
      // The file's dates are kept, and nothing it holds counts as studied today.
      for (const back of docs) expect(back.activity).toEqual([]);
      for (const back of docs) expect(Object.values(back.progress).flatMap((p) => [p.startedAt, p.doneAt])).not.toContain(AT);
    }
  });
});

describe('what each file looks like', () => {
  it('Markdown: a task list with a status line, parts, links and the note quoted under each resource', () => {
    const { doc } = studiedList();
    const text = exportFrom(doc, 'studied', 'markdown-notes').content;
    expect(text.split('\n')[0]).toBe('# Python — lectures, books \\& \\*talks\\* \\#1');
    expect(text).toContain(`- [x] [Flask](https://flask.palletsprojects.com/) by Armin Ronacher — by Flask. Inspired by Flask — a micro framework · small\n  - status: done · started ${D(2)} · finished ${D(3, 18)} · added ${D(1)}`);
    expect(text).toContain('  - [x] [Lecture 1 - Interpreter and source code overview](https://www.youtube.com/watch?v=LhadeL7_EIU) · done');
    expect(text).toContain('  - [C-API reference](https://docs.python.org/3/c-api/)');
    expect(text).toContain('  > ```python\n  > def f():');
    expect(text).toContain('  - Where I stopped: lecture 2, 12:30 — \\*slide\\* 7 · \\[x\\]');
    // Ungrouped resources before the first section; one after a section is set apart by a rule.
    expect(text.indexOf('[Flask]')).toBeLessThan(text.indexOf('## Videos'));
    expect(text).toMatch(/\n---\n\n- \[ \] \[Ungrouped after a section\]/);
    // Tags under the status line, each after a `#`, escaped as any text of the user's is.
    expect(text).toContain(`· added ${D(1)}\n  - tags: #python, #Web frameworks, #C\\#, #\\#hash, #a\\\\b · c — d, #status: done, #\\*stars\\* \\& \\[x\\], #日本語\n`);
  });

  it('Markdown to share (without notes) keeps the tags, as the first line under a resource', () => {
    const { doc } = studiedList();
    const text = exportFrom(doc, 'studied', 'markdown').content;
    expect(text).toContain('- [ ] **A book with no link — 2nd ed. · draft** by Raymond &mdash; Hettinger &middot; Jr. — - starts like a bullet\n  - tags: #=SUM\\(A1\\), #-dash, #python\n');
  });

  it('CSV: one row per resource with the list’s title, statuses, dates, parts, links and the note', () => {
    const { doc } = studiedList();
    const text = exportFrom(doc, 'studied', 'csv').content;
    expect(text.split('\r\n')[0]).toBe('list,title,url,status,started,finished,added,group,author,description,kind,tags,parts,links,note,where_stopped');
    expect(text.split('\r\n')[1]).toMatch(/^"Python — lectures, books & \*talks\* #1",Flask,https:\/\/flask\.palletsprojects\.com\/,done,2025-03-02T09:30:15\.250Z,/);
    // Tags in one cell, separated by commas; a cell a spreadsheet would run as a formula starts with an apostrophe.
    expect(text.split('\r\n')[1]).toContain(',docs,"python, Web frameworks, C#, #hash, a\\b · c — d, status: done, *stars* & [x], 日本語",');
    expect(text.split('\r\n')[2]).toContain(`,book,"'=SUM(A1), -dash, python",`);
  });

  it('an old Studyshelf CSV (title,url,status,tags,…) still imports with its done states', () => {
    const back = newDocument([]);
    const id = importInto(back, 'old.csv', 'title,url,status,tags,author,description,started,finished,parts\nA,https://a.example,done,Books,,,,,\nB,https://b.example,todo,,,,,,\n', 'new', AT);
    const list = back.lists.find((l) => l.id === id)!;
    expect(list.resources.map((r) => [r.title, r.group, back.progress[`${id}/${r.id}`]?.status ?? 'todo'])).toEqual([['A', 'Books', 'done'], ['B', null, 'todo']]);
  });
});
