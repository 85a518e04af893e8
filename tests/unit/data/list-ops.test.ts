import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../data/storage/store';
import { dispatch } from '../../../electron/api/dispatch';
import { createHandlers } from '../../../electron/api/handlers';
import { CODEWALK, PBTS, savedState, tempDir } from '../helpers';

async function setup() {
  const store = await openStore({ dir: await tempDir() });
  const handlers = createHandlers({ store, openExternal: async () => undefined, openPath: async () => undefined });
  const call = async (method: string, ...args: unknown[]) => {
    const result = await dispatch(handlers, method, args, () => undefined);
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return result.value as never;
  };
  // On disk as the next start reads it: the data file with the journal (list edits are journaled commands).
  return { store, call, disk: () => savedState(dirname(store.file)) };
}

describe('lists', () => {
  it('are created, renamed, described and reordered', async () => {
    const { call, disk } = await setup();
    const { listId } = await call('createList', { title: '  Compilers  ', description: 'Dragon book and friends' });
    expect(listId).toBe('compilers');
    await call('updateList', listId, { title: 'Compilers, properly', description: 'Crafting Interpreters first' });
    await call('moveList', listId, 0);
    const lists = (await disk()).lists;
    expect(lists[0]).toMatchObject({ id: 'compilers', title: 'Compilers, properly', description: 'Crafting Interpreters first' });
  });

  it('deleted with their progress and notes come back whole with undo', async () => {
    const { store, call, disk } = await setup();
    await store.setDone(`${PBTS}/peps`, true);
    await store.saveNote(CODEWALK, 'my note');
    const removed = await call('deleteList', PBTS);
    expect((await disk()).lists.map((l: { id: string }) => l.id)).not.toContain(PBTS);
    expect((await disk()).notes[CODEWALK]).toBeUndefined();
    await call('restoreList', removed);
    const back = await disk();
    expect(back.lists[0]!.id).toBe(PBTS);
    expect(back.progress[`${PBTS}/peps`]?.status).toBe('done');
    expect(back.notes[CODEWALK]?.body).toBe('my note');
  });

  it('an estimate typed when adding or editing is kept, cleared with null, left as it is when absent; a bad one changes nothing', async () => {
    const { call, disk } = await setup();
    const { listId } = await call('createList', { title: 'Mine', description: '' });
    const added: { id: string } = await call('addResource', listId, { title: 'SICP lectures', url: null, author: null, description: '', estimateMinutes: 90 });
    const ref = `${listId}/${added.id}`;
    const estimate = async () => (await disk()).lists.find((l: { id: string }) => l.id === listId)!.resources[0]!.estimateMinutes;
    expect(await estimate()).toBe(90);
    await call('updateResource', ref, { title: 'SICP lectures', url: null, author: null, description: 'all of them' });
    expect(await estimate()).toBe(90);
    await call('updateResource', ref, { title: 'SICP lectures', url: null, author: null, description: '', estimateMinutes: 600 });
    expect(await estimate()).toBe(600);
    await expect(call('updateResource', ref, { title: 'Renamed', url: null, author: null, description: '', estimateMinutes: 0 })).rejects.toThrow('An estimate is at least 1 minute.');
    expect((await disk()).lists.find((l: { id: string }) => l.id === listId)!.resources[0]).toMatchObject({ title: 'SICP lectures', estimateMinutes: 600 });
    await call('updateResource', ref, { title: 'SICP lectures', url: null, author: null, description: '', estimateMinutes: null });
    expect(await estimate()).toBeUndefined();
  });

  it('a bundled list can be reset to the published version, keeping progress and notes', async () => {
    const { store, call } = await setup();
    await store.setDone(`${PBTS}/peps`, true);
    await call('updateResource', `${PBTS}/peps`, { title: 'My PEPs', url: null, author: null, description: '' });
    await call('deleteResource', `${PBTS}/stupid-python-ideas`);
    await call('resetList', PBTS);
    const list = store.document()!.lists[0]!;
    expect(list.resources).toHaveLength(10);
    expect(list.resources[1]!.title).toBe('PEPs');
    expect(store.document()!.progress[`${PBTS}/peps`]?.status).toBe('done');
  });

  it('an imported list has no published version to reset to', async () => {
    const { call } = await setup();
    const { listId } = await call('createList', { title: 'Mine', description: '' });
    await expect(call('resetList', listId)).rejects.toThrow('Only a list that ships with Studyshelf has a published version.');
  });
});

describe('resources', () => {
  it('are added, edited, and deleted with an undo that brings back progress, parts and notes', async () => {
    const { store, call, disk } = await setup();
    const added = await call('addResource', PBTS, { title: 'CPython Internals (book)', url: 'https://realpython.com/products/cpython-internals-book/', author: 'Anthony Shaw', description: '' });
    expect((await disk()).lists[0]!.resources.at(-1)).toMatchObject({ id: 'cpython-internals-book', author: 'Anthony Shaw' });
    await call('updateResource', `${PBTS}/${(added as { id: string }).id}`, { title: 'CPython Internals', url: null, author: 'Anthony Shaw', description: 'The book' });
    await store.setDone(`${CODEWALK}/cpython-internals-lecture-2`, true);
    await store.saveNote(CODEWALK, 'lecture notes');
    const removed = await call('deleteResource', CODEWALK);
    expect(store.document()!.progress[`${CODEWALK}/cpython-internals-lecture-2`]).toBeUndefined();
    await call('restoreResource', removed);
    expect(store.document()!.lists[0]!.resources[4]!.id).toBe('cpython-internals-ten-hour-codewalk');
    expect(store.document()!.progress[`${CODEWALK}/cpython-internals-lecture-2`]?.status).toBe('done');
    expect(store.document()!.notes[CODEWALK]?.body).toBe('lecture notes');
  });

  it('moved to another list take their progress and notes along', async () => {
    const { store, call, disk } = await setup();
    await store.setDone(`${CODEWALK}/cpython-internals-lecture-1`, true);
    await store.saveNote(CODEWALK, 'travels with it');
    const { listId } = await call('createList', { title: 'Videos', description: '' });
    const to = await call('moveResource', CODEWALK, listId, 0);
    expect(to).toBe(`${listId}/cpython-internals-ten-hour-codewalk`);
    const saved = await disk();
    expect(saved.lists[0]!.resources).toHaveLength(9);
    expect(saved.progress[`${to}/cpython-internals-lecture-1`]?.status).toBe('done');
    expect(saved.notes[to]?.body).toBe('travels with it');
    expect(saved.notes[CODEWALK]).toBeUndefined();
  });

  it('moved within a list change place only', async () => {
    const { call, disk } = await setup();
    await call('moveResource', `${PBTS}/to-gil-or-not-to-gil`, PBTS, 0);
    expect((await disk()).lists[0]!.resources[0]!.id).toBe('to-gil-or-not-to-gil');
  });

  it.each([
    ['an empty list title', 'createList', [{ title: ' ', description: '' }], 'A list needs a title.'],
    ['an empty resource title', 'addResource', [PBTS, { title: '', url: null, author: null, description: '' }], 'A resource needs a title.'],
    ['a javascript: link', 'addResource', [PBTS, { title: 'x', url: 'javascript:alert(1)', author: null, description: '' }], 'http or https'],
    ['an unknown list', 'deleteList', ['no-such-list'], 'There is no list “no-such-list”.'],
    ['a move to an unknown list', 'moveResource', [`${PBTS}/peps`, 'nowhere', 0], 'There is no list “nowhere”.'],
  ])('refuse %s with a clear message and change nothing', async (_what, method, args, message) => {
    const { store, call } = await setup();
    const before = await readFile(store.file, 'utf8');
    const saved = await savedState(dirname(store.file));
    await expect(call(method, ...args)).rejects.toThrow(message);
    expect(await readFile(store.file, 'utf8')).toBe(before);
    expect(await savedState(dirname(store.file))).toEqual(saved); // nothing journaled either
  });
});

const FILE = '# Reading\n\n- [Crafting Interpreters](https://craftinginterpreters.com/)\n- [SICP](https://mitpress.mit.edu/sicp)\n';

/** The undo of an import into a list takes back the import, and nothing the user did after it. */
describe('undoing an import into a list', () => {
  it('keeps what was written, ticked and added after the import', async () => {
    const { call, disk } = await setup();
    const { listId }: { listId: string } = await call('createList', { title: 'Compilers', description: '' });
    await call('addResource', listId, { title: 'Dragon book', url: 'https://example.org/dragon', author: null, description: '', kind: 'book', tags: [] });
    const imported: { before: unknown } = await call('importList', 'reading.md', FILE, 'update', undefined, { intoListId: listId });
    expect(imported.before).toBeDefined();
    const afterImport = (await disk()).lists.find((l) => l.id === listId)!;
    const sicp = afterImport.resources.find((r) => r.title === 'SICP')!;
    const dragon = afterImport.resources.find((r) => r.title === 'Dragon book')!;
    // After the import, and before its undo: a note on an imported resource, a tick on the user's own, a new resource.
    await call('saveNote', `${listId}/${sicp.id}`, 'Chapter 1 done: the substitution model');
    await call('setDone', `${listId}/${dragon.id}`, true);
    await call('addResource', listId, { title: 'Engineering a Compiler', url: 'https://example.org/eac', author: null, description: '', kind: 'book', tags: [] });

    await call('putBackList', imported.before);

    const saved = await disk();
    const list = saved.lists.find((l) => l.id === listId)!;
    const titles = list.resources.map((r) => r.title);
    expect(titles).not.toContain('Crafting Interpreters'); // the import, taken back
    expect(titles).toContain('Engineering a Compiler'); // added after it: kept
    expect(saved.progress[`${listId}/${dragon.id}`]?.status).toBe('done'); // ticked after it: kept
    // Written after it, on what the import added: the note, and so its resource, are kept.
    expect(titles).toContain('SICP');
    expect(saved.notes[`${listId}/${sicp.id}`]?.body).toBe('Chapter 1 done: the substitution model');
  });
});
