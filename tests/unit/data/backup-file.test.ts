import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeDocuments } from '../../../data/storage/backup-file';
import { openStore } from '../../../data/storage/store';
import { SCHEMA_VERSION, type StudyDocument } from '../../../data/model/schema';
import { dispatch } from '../../../electron/api/dispatch';
import { createHandlers } from '../../../electron/api/handlers';
import { CODEWALK, PBTS, tempDir } from '../helpers';

async function profile() {
  const store = await openStore({ dir: await tempDir() });
  const handlers = createHandlers({ store, openExternal: async () => undefined, openPath: async () => undefined });
  return { store, call: (method: string, ...args: unknown[]) => dispatch(handlers, method, args, () => undefined) };
}

describe('restoring a JSON backup file', () => {
  it('round-trips: export then restore (replace) gives back exactly the same data', async () => {
    const resources = [`${PBTS}/peps`, `${PBTS}/stupid-python-ideas`, CODEWALK, `${CODEWALK}/cpython-internals-lecture-3`];
    const op = fc.oneof(
      fc.record({ m: fc.constant('setStatus'), a: fc.tuple(fc.constantFrom(...resources), fc.constantFrom('todo', 'in-progress', 'done', 'skipped')) }),
      fc.record({ m: fc.constant('saveNote'), a: fc.tuple(fc.constantFrom(`${PBTS}/peps`, CODEWALK), fc.string({ maxLength: 80 })) }),
      fc.record({ m: fc.constant('addPart'), a: fc.tuple(fc.constant(CODEWALK), fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,20}$/), fc.constant(null)) }),
      fc.record({ m: fc.constant('createList'), a: fc.tuple(fc.record({ title: fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,20}$/), description: fc.string({ maxLength: 30 }) })) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 10 }), async (ops) => {
        const a = await profile();
        for (const { m, a: args } of ops) await a.call(m, ...args);
        const exported = await a.call('exportList', PBTS, 'json');
        if (!exported.ok) throw new Error('export failed');
        const b = await profile();
        const restored = await b.call('restoreFromFile', 'backup.json', (exported.value as { content: string }).content, 'replace');
        expect(restored.ok).toBe(true);
        // The same data; only the journal's bookkeeping (which this computer's folder is at) differs.
        const data = ({ journalGeneration: _, ...doc }: StudyDocument) => doc;
        expect(data(b.store.document()!)).toEqual(data(a.store.document()!));
      }),
      { numRuns: 25 },
    );
  });

  it.each([
    ['not JSON', '{"lists": [', /is not valid JSON/],
    ['JSON that is not a backup', '{"hello": "world"}', /not a Studyshelf backup/],
    ['from a newer version', JSON.stringify({ schemaVersion: SCHEMA_VERSION + 1 }), /newer version of Studyshelf/],
  ])('refuses a file that is %s, changing nothing', async (_kind, content, message) => {
    const { store, call } = await profile();
    const before = await readFile(store.file, 'utf8');
    const result = await call('restoreFromFile', 'backup.json', content, 'replace');
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(message) } });
    expect(await readFile(store.file, 'utf8')).toBe(before);
  });
});

describe('merging a backup into the current data', () => {
  it('adds what is missing, removes nothing, and keeps the later of each status and note', async () => {
    const mine = (await profile()).store;
    await mine.setDone(`${PBTS}/peps`, true);
    await mine.saveNote(CODEWALK, 'older text');
    const theirs = structuredClone(mine.document()!);
    theirs.notes[CODEWALK] = { body: 'newer text', whereStopped: '', updatedAt: '2099-01-01T00:00:00.000Z' };
    theirs.progress[`${PBTS}/peps`] = { status: 'todo', startedAt: null, doneAt: null, updatedAt: '2000-01-01T00:00:00.000Z' };
    theirs.lists.push({ ...structuredClone(theirs.lists[1]!), id: 'their-list', title: 'Theirs' });
    theirs.lists[0]!.resources.shift();
    const current = structuredClone(mine.document()!);
    const merged = mergeDocuments(current, theirs);
    expect(merged.notes[CODEWALK]?.body).toBe('newer text');
    expect(merged.progress[`${PBTS}/peps`]?.status).toBe('done');
    expect(merged.lists.map((l) => l.id)).toEqual([PBTS, 'python-behind-the-scenes-series', 'their-list']);
    expect(merged.lists[0]!.resources).toHaveLength(10);
    expect(current).toEqual(mine.document());
  });
});
