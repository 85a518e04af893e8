import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../data/storage/store';
import { dispatch } from '../../../electron/api/dispatch';
import { createHandlers } from '../../../electron/api/handlers';
import { savedState, tempDir } from '../helpers';

async function setup() {
  const store = await openStore({ dir: await tempDir() });
  const handlers = createHandlers({ store, openExternal: async () => undefined, openPath: async () => undefined });
  const call = async (method: string, ...args: unknown[]) => {
    const result = await dispatch(handlers, method, args, () => undefined);
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return result.value as never;
  };
  return { call, disk: () => savedState(dirname(store.file)) };
}

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
