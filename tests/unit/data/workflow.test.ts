import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledLists } from '../../../data/bundled-lists';
import { openStore } from '../../../data/storage/store';
import { dispatch } from '../../../electron/api/dispatch';
import { createHandlers } from '../../../electron/api/handlers';
import { CODEWALK, PBTS, savedState, tempDir } from '../helpers';

function clock(start: string) {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

describe('statuses', () => {
  it('keep the date work started and the date it was finished', async () => {
    const c = clock('2026-11-01T09:00:00.000Z');
    const store = await openStore({ dir: await tempDir(), now: c.now });
    const started = await store.setStatus(`${PBTS}/peps`, 'in-progress');
    expect(started).toMatchObject({ status: 'in-progress', startedAt: '2026-11-01T09:00:00.000Z', doneAt: null });
    c.advance(3 * 86_400_000);
    const done = await store.setStatus(`${PBTS}/peps`, 'done');
    expect(done).toMatchObject({ status: 'done', startedAt: '2026-11-01T09:00:00.000Z', doneAt: '2026-11-04T09:00:00.000Z' });
    const skipped = await store.setStatus(`${PBTS}/stupid-python-ideas`, 'skipped');
    expect(skipped).toMatchObject({ status: 'skipped', startedAt: null, doneAt: null });
    expect(store.document()!.activity.map((a) => a.action)).toEqual(['started', 'done', 'skipped']);
  });

  it('can be cleared, so a resource with parts derives its status again', async () => {
    const store = await openStore({ dir: await tempDir() });
    await store.setStatus(CODEWALK, 'done');
    await store.clearStatus(CODEWALK);
    expect(store.document()!.progress[CODEWALK]).toBeUndefined();
  });

  it('reject a status that does not exist, through the API, changing nothing', async () => {
    const store = await openStore({ dir: await tempDir() });
    const handlers = createHandlers({ store, openExternal: async () => undefined, openPath: async () => undefined });
    const before = await readFile(store.file, 'utf8');
    const result = await dispatch(handlers, 'setStatus', [`${PBTS}/peps`, 'half-done']);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringContaining('argument 1') } });
    expect(await readFile(store.file, 'utf8')).toBe(before);
  });
});

describe('notes', () => {
  it('keep a “where I stopped” beside the text; writing counts once a day in the activity log', async () => {
    const c = clock('2026-11-01T09:00:00.000Z');
    const store = await openStore({ dir: await tempDir(), now: c.now });
    await store.saveNote(CODEWALK, 'a');
    await store.saveNote(CODEWALK, 'ab');
    await store.saveWhereStopped(CODEWALK, '  lecture 4, 12:30 ');
    expect(store.document()!.notes[CODEWALK]).toMatchObject({ body: 'ab', whereStopped: 'lecture 4, 12:30' });
    c.advance(86_400_000);
    await store.saveNote(CODEWALK, 'abc');
    expect(store.document()!.activity.filter((a) => a.action === 'note').map((a) => a.at.slice(0, 10))).toEqual(['2026-11-01', '2026-11-02']);
  });

  it('accept a 10 MB note', async () => {
    const store = await openStore({ dir: await tempDir() });
    const big = 'notes about ceval.c\n'.repeat(10 * 1024 * 1024 / 20);
    await store.saveNote(`${PBTS}/peps`, big);
    expect((await savedState(dirname(store.file))).notes[`${PBTS}/peps`]?.body.length).toBe(big.length);
  });
});

describe('parts', () => {
  it('can be added, renamed, moved and removed, and a removed part comes back with its progress', async () => {
    const store = await openStore({ dir: await tempDir() });
    const added = await store.addPart(`${PBTS}/eli-bendersky-python-internals`, '  Python internals: adding a new statement  ', null);
    expect(added).toEqual({ id: 'python-internals-adding-a-new-statement', title: 'Python internals: adding a new statement', url: null });
    const ref = `${PBTS}/eli-bendersky-python-internals/${added.id}`;
    await store.setDone(ref, true);
    await store.renamePart(ref, 'Adding a new statement to Python');
    await store.movePart(ref, 0);
    const resource = () => store.document()!.lists[0]!.resources.find((r) => r.id === 'eli-bendersky-python-internals')!;
    expect(resource().parts.map((p) => p.title)[0]).toBe('Adding a new statement to Python');
    expect(store.document()!.lists[0]!.customized).toBe(true);

    const removed = await store.removePart(ref);
    expect(resource().parts).toHaveLength(2);
    expect(store.document()!.progress[ref]).toBeUndefined();
    await store.insertPart(`${PBTS}/eli-bendersky-python-internals`, removed.part, removed.index, removed.progress);
    expect(resource().parts[0]!.title).toBe('Adding a new statement to Python');
    expect(store.document()!.progress[ref]?.status).toBe('done');
  });

  it.each(['', '   ', '\n\t'])('refuse an empty title (%j) with a clear message, changing nothing', async (title) => {
    const store = await openStore({ dir: await tempDir() });
    const before = await readFile(store.file, 'utf8');
    await expect(store.addPart(CODEWALK, title, null)).rejects.toMatchObject({ message: 'A part needs a title.' });
    await expect(store.renamePart(`${CODEWALK}/cpython-internals-lecture-1`, title)).rejects.toMatchObject({ message: 'A part needs a title.' });
    expect(await readFile(store.file, 'utf8')).toBe(before);
  });

  it('refuse a part link that is not http(s)', async () => {
    const store = await openStore({ dir: await tempDir() });
    const handlers = createHandlers({ store, openExternal: async () => undefined, openPath: async () => undefined });
    const result = await dispatch(handlers, 'addPart', [CODEWALK, 'Lecture 10', 'javascript:alert(1)']);
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('http or https') } });
  });

  it('edits keep a bundled list from being replaced by a newer shipped version', async () => {
    const dir = await tempDir();
    const store = await openStore({ dir });
    await store.addPart(CODEWALK, 'Lecture 10 - my own', null);
    await store.close();
    const shipped = bundledLists().map((l) => ({ ...l, bundledVersion: 99 }));
    const reopened = await openStore({ dir, bundled: shipped });
    const codewalk = reopened.document()!.lists[0]!.resources.find((r) => r.id === 'cpython-internals-ten-hour-codewalk')!;
    expect(codewalk.parts.at(-1)!.title).toBe('Lecture 10 - my own');
  });
});
