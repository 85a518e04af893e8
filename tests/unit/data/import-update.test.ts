import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../data/storage/store';
import { importFile } from '../../../data/import/detect';
import { existingVersion, updateListFrom } from '../../../data/import/update';
import { importInto, previewImport } from '../../../data/transfer';
import { CODEWALK, PBTS, tempDir } from '../helpers';

const article = () => readFile(new URL('../../fixtures/seed-article.md', import.meta.url), 'utf8');

describe('importing a newer version of a list that is already there', () => {
  it('shows what it adds, removes and changes, and keeps the progress and notes of everything', async () => {
    const store = await openStore({ dir: await tempDir() });
    await store.setDone(`${PBTS}/peps`, true);
    await store.setDone(`${CODEWALK}/cpython-internals-lecture-1`, true);
    await store.saveNote(CODEWALK, 'my lecture notes');
    await store.saveNote(`${PBTS}/stupid-python-ideas`, 'about to be removed');

    const newer = (await article())
      .replace(/^\* \[Stupid Python Ideas\].*$/m, '')
      .replace('[Inside The Python Virtual Machine]', '[Inside The Python Virtual Machine, 2nd edition]')
      .concat('\n* [Python Developer’s Guide](https://devguide.python.org/) - how CPython is developed.\n');

    const same = previewImport(store.document(), 'article.md', await article());
    expect(same.update).toEqual({ listId: PBTS, added: [], removed: [], missing: [], changed: [], kept: 10 });

    const preview = previewImport(store.document(), 'article-v2.md', newer);
    expect(preview.update).toEqual({
      listId: PBTS,
      added: ['Python Developer’s Guide'],
      removed: ['Stupid Python Ideas'],
      missing: [{ title: 'Stupid Python Ideas', progress: false, notes: true }],
      changed: [{ from: 'Inside The Python Virtual Machine', to: 'Inside The Python Virtual Machine, 2nd edition' }],
      kept: 9,
    });

    const idsBefore = store.document()!.lists[0]!.resources.map((r) => r.id);
    const id = await store.change((doc) => importInto(doc, 'article-v2.md', newer, 'update', new Date().toISOString()));
    expect(id).toBe(PBTS);
    const doc = store.document()!;
    expect(doc.lists).toHaveLength(2);
    expect(doc.lists[0]!.resources.map((r) => r.title)).toContain('Python Developer’s Guide');
    expect(doc.progress[`${PBTS}/peps`]?.status).toBe('done');
    expect(doc.notes[CODEWALK]?.body).toBe('my lecture notes');
    // The article lists no lectures: the codewalk keeps its parts and their progress.
    expect(doc.lists[0]!.resources.find((r) => r.id === 'cpython-internals-ten-hour-codewalk')!.parts).toHaveLength(9);
    expect(doc.progress[`${CODEWALK}/cpython-internals-lecture-1`]?.status).toBe('done');
    // Not in the new file, but it has a note: kept, where it was.
    expect(doc.notes[`${PBTS}/stupid-python-ideas`]?.body).toBe('about to be removed');
    expect(doc.lists[0]!.resources.map((r) => r.id)).toEqual([...idsBefore, 'python-developer-s-guide']);
  });

  it('removes what the file no longer has only when asked, and hands back what an undo puts back', async () => {
    const store = await openStore({ dir: await tempDir() });
    await store.saveNote(`${PBTS}/stupid-python-ideas`, 'about to be removed');
    await store.setDone(`${PBTS}/stupid-python-ideas`, true);
    const before = structuredClone(store.document()!);
    const newer = (await article()).replace(/^\* \[Stupid Python Ideas\].*$/m, '');

    const outcome = await store.change((doc) => {
      const list = existingVersion(doc, importFile('article.md', newer))!;
      return updateListFrom(doc, list, importFile('article.md', newer), { removeMissing: true });
    });
    expect(outcome.changed).toBe(true);
    expect(outcome.removed.map((r) => [r.item.id, Object.keys(r.progress), Object.keys(r.notes)])).toEqual([
      ['stupid-python-ideas', [`${PBTS}/stupid-python-ideas`], [`${PBTS}/stupid-python-ideas`]],
    ]);
    expect(store.document()!.notes[`${PBTS}/stupid-python-ideas`]).toBeUndefined();
    expect(store.document()!.progress[`${PBTS}/stupid-python-ideas`]).toBeUndefined();

    for (const removed of outcome.removed) await store.command('restoreResource', removed);
    const after = store.document()!;
    expect(after.notes).toEqual(before.notes);
    expect(after.progress).toEqual(before.progress);
    expect(after.lists[0]!.resources.map((r) => r.id)).toEqual(before.lists[0]!.resources.map((r) => r.id));
  });
});
