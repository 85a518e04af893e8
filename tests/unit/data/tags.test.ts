import { describe, expect, it } from 'vitest';
import { documentProblem } from '../../../data/storage/document-check';
import { newDocument } from '../../../data/document';
import { StudyError } from '../../../data/model/errors';
import { entryProblem } from '../../../data/storage/journal-entry';
import * as lists from '../../../data/model/list-ops';
import { addImportedList } from '../../../data/import/to-list';
import { openStore } from '../../../data/storage/store';
import { ResourceSchema, type Resource, type StudyDocument } from '../../../data/model/schema';
import { cleanTags, importedTags, MAX_TAGS, normaliseTags } from '../../../data/model/tags';
import { dispatch } from '../../../electron/api/dispatch';
import { createHandlers } from '../../../electron/api/handlers';
import { diskBytes } from '../fuzz/property';
import { PBTS, savedState, tempDir } from '../helpers';

const PEPS = `${PBTS}/peps`;

function resource(more: Partial<Resource> = {}): Resource {
  return { id: 'r', title: 'R', url: null, author: null, kind: 'link', description: '', group: null, addedAt: null, links: [], parts: [], ...more };
}

function docWith(r: Resource): StudyDocument {
  return newDocument([{ id: 'l', title: 'L', author: null, description: '', source: null, bundledVersion: null, customized: false, resources: [r] }]);
}

describe('the schema: tags are optional, so a version-2 document without them is valid as it is', () => {
  it('accepts a resource without tags, and one with tags', () => {
    expect(documentProblem(docWith(resource()))).toBeNull();
    expect(documentProblem(docWith(resource({ tags: ['python', 'machine learning', 'C#'] })))).toBeNull();
    expect('tags' in ResourceSchema.parse(resource())).toBe(false);
  });

  it.each([
    ['an empty tag', ['']],
    ['spaces at either end', [' python']],
    ['a tag of 61 characters', ['x'.repeat(61)]],
    ['a comma', ['a,b']],
    ['a line break', ['a\nb']],
    ['the same tag twice, whatever the case', ['Python', 'python']],
    [`more than ${MAX_TAGS} tags`, Array.from({ length: MAX_TAGS + 1 }, (_, i) => `t${i}`)],
  ])('refuses %s, in the document and in a journal entry', (_what, tags) => {
    expect(documentProblem(docWith(resource({ tags })))).toMatch(/^lists\.0\.resources\.0\.tags/);
    expect(entryProblem({ progress: {}, notes: {}, activity: [], resources: { 'l/r': resource({ tags }) } })).toMatch(/^resources\.l\/r\.tags/);
  });

  it('a journaled addResource with a kind and tags is accepted as the window sends it (the command cleans them)', () => {
    const command = { name: 'addResource', args: ['l', { title: 'T', url: null, author: null, description: '', kind: 'book', tags: [' python ', 'Python'] }] };
    expect(entryProblem({ progress: {}, notes: {}, activity: [], command })).toBeNull();
    expect(entryProblem({ progress: {}, notes: {}, activity: [], command: { ...command, args: ['l', { ...command.args[1] as object, tags: 'python' }] } })).toMatch(/tags/);
  });
});

describe('cleaning tags', () => {
  it('trims, puts each on one line, drops empty ones and keeps the first spelling of a repeated tag', () => {
    expect(cleanTags(['  Python ', 'python', '', '   ', 'machine\n  learning', 'PYTHON', 'gil'])).toEqual(['Python', 'machine learning', 'gil']);
  });

  it('refuses a tag too long or too many tags with a sentence that says so', () => {
    expect(() => normaliseTags(['ok', 'x'.repeat(61)])).toThrow(/A tag can be at most 60 characters; “x{30}…” has 61\. Nothing was changed\./);
    expect(() => normaliseTags(Array.from({ length: 51 }, (_, i) => `t${i}`))).toThrow('A resource can have at most 50 tags; this one would have 51. Nothing was changed.');
    expect(() => normaliseTags(['a,b'])).toThrow('A tag cannot contain a comma (“a,b”): commas separate tags. Nothing was changed.');
    // 51 given, 50 after repeats are dropped: kept.
    expect(normaliseTags([...Array.from({ length: 50 }, (_, i) => `t${i}`), 'T0'])).toHaveLength(50);
  });

  it('tags from a file are kept as well as they can be: split at commas, cut to 60 characters, the first 50', () => {
    expect(importedTags(['web, python', 'x'.repeat(70), ' Web '])).toEqual(['web', 'python', 'x'.repeat(60)]);
    expect(importedTags(Array.from({ length: 80 }, (_, i) => `t${i}`))).toHaveLength(50);
    expect(importedTags(undefined)).toEqual([]);
  });
});

describe('editing tags and the kind (list-ops)', () => {
  it('adds a resource with its kind and cleaned tags; none given: a link without tags', () => {
    const doc = docWith(resource());
    const added = lists.addResource(doc, 'l', { title: 'Fluent Python', url: null, author: null, description: '', kind: ' book ', tags: [' python', 'Python', 'idioms '] });
    expect(added).toMatchObject({ kind: 'book', tags: ['python', 'idioms'] });
    const plain = lists.addResource(doc, 'l', { title: 'Plain', url: null, author: null, description: '' });
    expect(plain.kind).toBe('link');
    expect('tags' in plain).toBe(false);
    expect(documentProblem(doc)).toBeNull();
  });

  it('updates tags and kind; fields an older window does not send are left as they are; no tags: no field', () => {
    const doc = docWith(resource({ tags: ['old'], kind: 'video' }));
    lists.updateResource(doc, 'l/r', { title: 'R', url: null, author: null, description: '' });
    expect(doc.lists[0]!.resources[0]).toMatchObject({ tags: ['old'], kind: 'video' });
    lists.updateResource(doc, 'l/r', { title: 'R', url: null, author: null, description: '', kind: '', tags: ['a', ' b '] });
    expect(doc.lists[0]!.resources[0]).toMatchObject({ tags: ['a', 'b'], kind: 'link' });
    lists.updateResource(doc, 'l/r', { title: 'R', url: null, author: null, description: '', tags: [' ', ''] });
    expect('tags' in doc.lists[0]!.resources[0]!).toBe(false);
  });

  it('refused tags change nothing: not the tags, not the title sent with them', () => {
    const doc = docWith(resource({ tags: ['keep'] }));
    const before = structuredClone(doc);
    expect(() => lists.updateResource(doc, 'l/r', { title: 'New title', url: null, author: null, description: '', tags: ['y'.repeat(61)] })).toThrow(StudyError);
    expect(() => lists.addResource(doc, 'l', { title: 'New', url: null, author: null, description: '', tags: Array.from({ length: 51 }, (_, i) => `t${i}`) })).toThrow(StudyError);
    expect(doc).toEqual(before);
  });
});

describe('tags through the API and the store', () => {
  const fields = { title: 'PEPs', url: 'https://peps.python.org/', author: null, description: 'Python Enhancement Proposals' };

  it('are saved on disk (journaled with the resource), undone by saving the old fields back, and there after a restart', async () => {
    const dir = await tempDir();
    const store = await openStore({ dir });
    const handlers = createHandlers({ store, openExternal: async () => undefined, openPath: async () => undefined });
    const peps = store.document()!.lists[0]!.resources.find((r) => r.id === 'peps')!;
    const before = { title: peps.title, url: peps.url, author: peps.author, description: peps.description, kind: peps.kind, tags: peps.tags ?? [] };

    const saved = await dispatch(handlers, 'updateResource', [PEPS, { ...fields, kind: 'reference', tags: ['Python', 'python', ' governance '] }]);
    expect(saved).toMatchObject({ ok: true, value: { tags: ['Python', 'governance'], kind: 'reference' } });
    const onDisk = (doc: StudyDocument) => doc.lists[0]!.resources.find((r) => r.id === 'peps')!;
    expect(onDisk(await savedState(dir))).toMatchObject({ tags: ['Python', 'governance'], kind: 'reference' });

    // The window's Undo: the fields as they were.
    expect(await dispatch(handlers, 'updateResource', [PEPS, before])).toMatchObject({ ok: true });
    expect('tags' in onDisk(await savedState(dir))).toBe(false);
    expect(onDisk(await savedState(dir)).kind).toBe(before.kind);

    await dispatch(handlers, 'updateResource', [PEPS, { ...fields, tags: ['pep'] }]);
    await store.close();
    const again = await openStore({ dir });
    expect(onDisk(again.document()!).tags).toEqual(['pep']);
    await again.close();
  });

  it('bad tags get a clear message and change nothing on disk', async () => {
    const dir = await tempDir();
    const store = await openStore({ dir });
    const handlers = createHandlers({ store, openExternal: async () => undefined, openPath: async () => undefined });
    await dispatch(handlers, 'updateResource', [PEPS, { ...fields, tags: ['kept'] }]);
    const before = await diskBytes(dir);
    const tooLong = await dispatch(handlers, 'updateResource', [PEPS, { ...fields, title: 'Changed', tags: ['z'.repeat(61)] }]);
    expect(tooLong).toEqual({ ok: false, error: { code: 'invalid-argument', message: `A tag can be at most 60 characters; “${'z'.repeat(30)}…” has 61. Nothing was changed.` } });
    const tooMany = await dispatch(handlers, 'addResource', [PBTS, { ...fields, title: 'New', tags: Array.from({ length: 60 }, (_, i) => `t${i}`) }]);
    expect(tooMany).toMatchObject({ ok: false, error: { message: 'A resource can have at most 50 tags; this one would have 60. Nothing was changed.' } });
    expect(await diskBytes(dir)).toEqual(before);
    expect(store.document()!.lists[0]!.resources.find((r) => r.id === 'peps')).toMatchObject({ title: 'PEPs', tags: ['kept'] });
    await store.close();
  });

  it('a resource added with tags (a journaled command) is replayed with them at the next start', async () => {
    const dir = await tempDir();
    const store = await openStore({ dir, compactAfterMs: 3_600_000 });
    const handlers = createHandlers({ store, openExternal: async () => undefined, openPath: async () => undefined });
    const added = await dispatch(handlers, 'addResource', [PBTS, { ...fields, title: 'Fluent Python', kind: 'book', tags: ['python', 'Idioms', 'idioms'], id: 'fluent-python-abc123' }]);
    expect(added).toMatchObject({ ok: true, value: { kind: 'book', tags: ['python', 'Idioms'] } });
    expect((await savedState(dir)).lists[0]!.resources.at(-1)).toMatchObject({ id: 'fluent-python-abc123', kind: 'book', tags: ['python', 'Idioms'] });
    await store.close();
  });
});

describe('imported tags become the resource’s tags', () => {
  it('maps each entry’s tags, cleaned; an entry without tags gets no field', () => {
    const doc = newDocument([]);
    const entry = { url: null, author: null, description: '', group: null, done: false, parts: [], links: [], line: 1 };
    const list = addImportedList(
      doc,
      {
        title: 'Bookmarks',
        format: 'bookmarks',
        resources: [
          { ...entry, title: 'Tagged', tags: ['python', 'Python', ' web, dev ', 'x'.repeat(80)] },
          { ...entry, title: 'Untagged' },
          { ...entry, title: 'Empty tags', tags: [' ', ''] },
        ],
        skipped: [],
      },
      '2026-12-01T12:00:00.000Z',
    );
    expect(list.resources.map((r) => r.tags)).toEqual([['python', 'web', 'dev', 'x'.repeat(60)], undefined, undefined]);
    expect(list.resources.map((r) => 'tags' in r)).toEqual([true, false, false]);
    expect(documentProblem(doc)).toBeNull();
  });
});
