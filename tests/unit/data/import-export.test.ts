import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportMarkdown } from '../../../data/export/markdown';
import { importMarkdown } from '../../../data/import/markdown';
import { addImportedList } from '../../../data/import/to-list';
import { newDocument } from '../../../data/document';
import { openStore } from '../../../data/storage/store';
import { exportFrom, importInto } from '../../../data/transfer';
import { tempDir } from '../helpers';

const article = () => readFile(new URL('../../fixtures/seed-article.md', import.meta.url), 'utf8');

describe('importing through the store', () => {
  it('adds the list with its done states, and the file on disk has it', async () => {
    const store = await openStore({ dir: await tempDir() });
    const id = await store.change((doc) => importInto(doc, 'plan.md', '# Plan\n\n- [x] [A](https://a.example)\n- [ ] [B](https://b.example)', 'new', new Date().toISOString()));
    const list = store.document()!.lists.find((l) => l.id === id)!;
    expect(list.title).toBe('Plan');
    expect(store.document()!.progress[`${id}/${list.resources[0]!.id}`]?.status).toBe('done');
    expect(JSON.parse(await readFile(store.file, 'utf8')).lists.map((l: { id: string }) => l.id)).toContain(id);
  });

  it('a second import of the same file is a second list, never a clash of ids', async () => {
    const store = await openStore({ dir: await tempDir() });
    const text = await article();
    const a = await store.change((doc) => importInto(doc, 'article.md', text, 'new', new Date().toISOString()));
    const b = await store.change((doc) => importInto(doc, 'article.md', text, 'new', new Date().toISOString()));
    expect(a).not.toBe(b);
    expect(new Set(store.document()!.lists.map((l) => l.id)).size).toBe(4);
    await store.close();
  });

  it.each([
    ['empty', ''],
    ['binary', '\u0000\u0001\u0002'],
    ['not a list', '# Hello\n\nJust prose.'],
  ])('refuses a file that is %s with a clear message and leaves the data exactly as it was', async (_kind, content) => {
    const store = await openStore({ dir: await tempDir() });
    const before = await readFile(store.file, 'utf8');
    await expect(store.change((doc) => importInto(doc, 'file.md', content, 'new', new Date().toISOString()))).rejects.toMatchObject({ code: 'invalid-argument', message: expect.stringContaining('“file.md”') });
    expect(await readFile(store.file, 'utf8')).toBe(before);
  });
});

describe('Markdown export', () => {
  it('writes a task list with done states, parts, and quoted notes when asked', async () => {
    const store = await openStore({ dir: await tempDir() });
    const L = 'python-behind-the-scenes-resources';
    await store.setDone(`${L}/peps`, true);
    await store.setDone(`${L}/cpython-internals-ten-hour-codewalk/cpython-internals-lecture-1`, true);
    await store.saveNote(`${L}/peps`, '- a bullet in my note\n\nmore');
    const { content } = exportFrom(store.document()!, L, 'markdown-notes');
    expect(content).toContain('- [x] [PEPs](https://www.python.org/dev/peps/)');
    expect(content).toContain('  - [x] [Lecture 1 - Interpreter and source code overview]');
    expect(content).toContain('  - [ ] Lecture 2 - Opcodes and main interpreter loop');
    expect(content).toContain('  > - a bullet in my note');
    expect(exportFrom(store.document()!, L, 'markdown').content).not.toContain('a bullet in my note');
  });

  it('round-trips: export then import gives back the same resources, links, parts and done states', () => {
    // Titles with the punctuation Markdown could read as markup: emphasis, code, entities, brackets.
    const title = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ,:'’()!?#.*_`&;<>[\]-]{0,40}$/).map((t) => t.trim()).filter((t) => t.length > 0);
    const url = fc.webUrl({ withQueryParameters: true, withFragments: true }).filter((u) => !/[()\s\\]/.test(u));
    const item = fc.record({ title, url: fc.option(url, { nil: null }), done: fc.boolean() });
    const resource = fc.record({
      title,
      url,
      done: fc.boolean(),
      parts: fc.array(item, { maxLength: 4 }),
      links: fc.array(fc.record({ title, url }), { maxLength: 2 }),
    });
    fc.assert(
      fc.property(fc.array(resource, { minLength: 1, maxLength: 8 }), (resources) => {
        const doc = newDocument([]);
        const list = addImportedList(
          doc,
          {
            title: 'Round trip',
            format: 'markdown',
            skipped: [],
            resources: resources.map((r) => ({ ...r, author: null, description: '', group: null, line: 1 })),
          },
          '2026-11-26T10:00:00.000Z',
        );
        const back = importMarkdown('x.md', exportMarkdown(doc, list, { notes: false }));
        expect(back.resources.map((r) => ({ title: r.title, url: r.url, done: r.done, parts: r.parts, links: r.links }))).toEqual(
          resources.map((r) => ({ title: r.title, url: r.url, done: r.done, parts: r.parts, links: r.links })),
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('CSV export', () => {
  it('writes one row per resource that the CSV importer reads back with the same done states', async () => {
    const { importCsv } = await import('../../../data/import/csv');
    const store = await openStore({ dir: await tempDir() });
    const L = 'python-behind-the-scenes-resources';
    await store.setDone(`${L}/peps`, true);
    await store.setStatus(`${L}/stupid-python-ideas`, 'skipped');
    const { fileName, content } = exportFrom(store.document()!, L, 'csv');
    expect(fileName).toBe(`${L}.csv`);
    const back = importCsv(fileName, content);
    const list = store.document()!.lists[0]!;
    expect(back.resources.map((r) => [r.title, r.url, r.done])).toEqual(list.resources.map((r) => [r.title, r.url, r.id === 'peps']));
  });
});
