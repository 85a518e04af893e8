import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import catalogJson from '../../../data/catalogs/catalog.json' with { type: 'json' };
import { bundledLists, catalogToLists } from '../../../data/bundled-lists';
import { newDocument, refreshBundledLists } from '../../../data/document';
import { StudyListSchema } from '../../../data/model/schema';

const article = readFileSync(new URL('../../fixtures/seed-article.md', import.meta.url), 'utf8');

describe('the bundled lists', () => {
  const [resourcesList, series] = bundledLists();

  it('are valid lists', () => {
    for (const list of bundledLists()) expect(() => StudyListSchema.parse(list)).not.toThrow();
  });

  it('hold the article’s 10 resources in the article’s order', () => {
    const bulletTitles = [...article.matchAll(/^\* \[([^\]]+)\]/gm)].map((m) => m[1]!.replace('â€™', '’'));
    expect(bulletTitles).toHaveLength(10);
    const titles = resourcesList!.resources.map((r) => r.title);
    bulletTitles.forEach((title, i) => expect(titles[i]).toContain(title.replace(/ series$/, '')));
  });

  it('keep all 14 URLs of the article exactly as it gives them', () => {
    const articleUrls = [...article.matchAll(/\]\((https?:\/\/[^)]+)\)/g)].map((m) => m[1]);
    expect(articleUrls).toHaveLength(14);
    const listUrls = resourcesList!.resources.flatMap((r) => [r.url, ...r.links.map((l) => l.url)]);
    expect(listUrls).toEqual(articleUrls);
  });

  it('nest the C-API reference, the extending tutorial and PEPs 432 and 587 under their resources', () => {
    const docs = resourcesList!.resources.find((r) => r.id === 'python-documentation')!;
    const peps = resourcesList!.resources.find((r) => r.id === 'peps')!;
    expect(docs.links.map((l) => l.title)).toEqual(['Python/C API reference', 'Extending and Embedding the Python Interpreter']);
    expect(peps.links.map((l) => l.title)).toEqual(['PEP 432', 'PEP 587']);
  });

  it('give the multi-part resources their parts, lectures 2–9 without a URL of their own', () => {
    const parts = Object.fromEntries(resourcesList!.resources.map((r) => [r.id, r.parts]));
    expect(parts['cpython-internals-ten-hour-codewalk']).toHaveLength(9);
    expect(parts['pythons-innards']).toHaveLength(10);
    expect(parts['eli-bendersky-python-internals']).toHaveLength(2);
    const lectures = parts['cpython-internals-ten-hour-codewalk']!;
    expect(lectures[0]!.url).toMatch(/^https:\/\/www\.youtube\.com\/watch/);
    expect(lectures.slice(1).every((p) => p.url === null)).toBe(true);
  });

  it('repair the article’s encoding slip in “Python’s Innards”', () => {
    expect(resourcesList!.resources.map((r) => r.title)).toContain('Python’s Innards series');
  });

  it('include the 13-part series in order', () => {
    expect(series!.title).toBe('Python behind the scenes: the blog series');
    expect(series!.resources.map((r) => r.title.match(/#(\d+)/)?.[1])).toEqual(
      Array.from({ length: 13 }, (_, i) => String(i + 1)),
    );
  });

  it('have titles that tell them apart: none is another’s beginning, so two sidebar lines differ', () => {
    const titles = bundledLists().map((l) => l.title.toLowerCase());
    for (const a of titles) for (const b of titles) if (a !== b) expect(b.startsWith(a)).toBe(false);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('come to an existing user under the new title, ids, progress and notes kept; a list the user renamed keeps its name', () => {
    const old = catalogToLists(catalogJson, 1);
    const doc = newDocument(old);
    doc.progress[`${old[1]!.id}/${old[1]!.resources[0]!.id}`] = { status: 'done', startedAt: null, doneAt: null, updatedAt: '2026-11-01T00:00:00.000Z' };
    doc.notes[`${old[1]!.id}/${old[1]!.resources[0]!.id}`] = { body: 'mine', whereStopped: '', updatedAt: '2026-11-01T00:00:00.000Z' };
    const renamed = newDocument(old);
    renamed.lists[1] = { ...renamed.lists[1]!, title: 'My CPython posts', customized: true };
    expect(refreshBundledLists(doc, bundledLists())).toBe(true);
    expect(doc.lists.map((l) => l.id)).toEqual(old.map((l) => l.id));
    expect(doc.lists[1]!.title).toBe('Python behind the scenes: the blog series');
    expect(doc.lists[1]!.resources.map((r) => r.id)).toEqual(old[1]!.resources.map((r) => r.id));
    expect(Object.keys(doc.progress)).toHaveLength(1);
    expect(doc.notes[`${old[1]!.id}/${old[1]!.resources[0]!.id}`]?.body).toBe('mine');
    refreshBundledLists(renamed, bundledLists());
    expect(renamed.lists[1]!.title).toBe('My CPython posts');
  });
});
