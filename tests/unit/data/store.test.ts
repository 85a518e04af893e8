import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_VERSION, bundledLists } from '../../../data/bundled-lists';
import { StudyError } from '../../../data/model/errors';
import { DATA_FILE_NAME, openStore } from '../../../data/storage/store';
import type { StudyDocument } from '../../../data/model/schema';
import { CODEWALK, PBTS, savedState, tempDir } from '../helpers';

const fixed = () => new Date('2026-11-20T10:00:00.000Z');

/** What is on disk: the data file with the journal replayed, as the next start reads it. */
const onDisk = (dir: string): Promise<StudyDocument> => savedState(dir);

describe('the store', () => {
  it('starts a new profile with both bundled lists, written to disk', async () => {
    const dir = await tempDir();
    const store = await openStore({ dir });
    expect(store.document()!.lists.map((l) => l.title)).toEqual([
      'Python behind the scenes: a list of resources',
      'Python behind the scenes: the blog series',
    ]);
    expect((await onDisk(dir)).lists).toHaveLength(2);
  });

  it('ticks a resource and a part, and both are on disk when the call returns', async () => {
    const dir = await tempDir();
    const store = await openStore({ dir, now: fixed });
    const entry = await store.setDone(`${PBTS}/peps`, true);
    await store.setDone(`${CODEWALK}/cpython-internals-lecture-3`, true);
    expect(entry).toEqual({
      status: 'done',
      startedAt: '2026-11-20T10:00:00.000Z',
      doneAt: '2026-11-20T10:00:00.000Z',
      updatedAt: '2026-11-20T10:00:00.000Z',
    });
    const disk = await onDisk(dir);
    expect(disk.progress[`${PBTS}/peps`]?.status).toBe('done');
    expect(disk.progress[`${CODEWALK}/cpython-internals-lecture-3`]?.status).toBe('done');
    expect(disk.activity.map((a) => a.action)).toEqual(['done', 'done']);
  });

  it('unticking keeps the entry with no finish date and logs it', async () => {
    const dir = await tempDir();
    const store = await openStore({ dir, now: fixed });
    await store.setDone(`${PBTS}/peps`, true);
    await store.setDone(`${PBTS}/peps`, false);
    const disk = await onDisk(dir);
    expect(disk.progress[`${PBTS}/peps`]).toMatchObject({ status: 'todo', doneAt: null });
    expect(disk.activity.map((a) => a.action)).toEqual(['done', 'undone']);
  });

  it('saves a note with Unicode and Markdown exactly, and an empty note removes it', async () => {
    const dir = await tempDir();
    const store = await openStore({ dir });
    const body = '## Ceval 🐍\n\n- `PyEval_EvalFrame` → frames\n- Ünïcödé, 中文, עברית\n';
    await store.saveNote(`${PBTS}/peps`, body);
    expect((await onDisk(dir)).notes[`${PBTS}/peps`]?.body).toBe(body);
    await store.saveNote(`${PBTS}/peps`, '');
    expect((await onDisk(dir)).notes[`${PBTS}/peps`]).toBeUndefined();
  });

  it('reopens from disk with everything as it was left', async () => {
    const dir = await tempDir();
    const first = await openStore({ dir });
    await first.setDone(`${CODEWALK}/cpython-internals-lecture-1`, true);
    await first.saveNote(CODEWALK, 'stopped at 12:30');
    await first.close();
    const second = await openStore({ dir });
    expect(second.document()!.progress[`${CODEWALK}/cpython-internals-lecture-1`]?.status).toBe('done');
    expect(second.document()!.notes[CODEWALK]?.body).toBe('stopped at 12:30');
  });

  it.each([
    ['a list that does not exist', 'no-such-list/peps'],
    ['a resource that does not exist', `${PBTS}/no-such-resource`],
    ['a part that does not exist', `${CODEWALK}/lecture-99`],
    ['too many segments', `${CODEWALK}/cpython-internals-lecture-1/extra`],
  ])('rejects %s with a clear error and changes nothing', async (_what, ref) => {
    const dir = await tempDir();
    const store = await openStore({ dir });
    const before = await readFile(join(dir, DATA_FILE_NAME), 'utf8');
    const error = await store.setDone(ref, true).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StudyError);
    expect((error as StudyError).code).toBe('unknown-ref');
    expect((error as StudyError).message).toContain(ref);
    expect(await readFile(join(dir, DATA_FILE_NAME), 'utf8')).toBe(before);
    expect(store.document()!.progress).toEqual({});
  });

  it('refuses a note on a part: notes belong to resources', async () => {
    const store = await openStore({ dir: await tempDir() });
    await expect(store.saveNote(`${CODEWALK}/cpython-internals-lecture-1`, 'x')).rejects.toMatchObject({
      code: 'invalid-argument',
    });
  });

  it('gives a part without its own URL its resource’s link', async () => {
    const store = await openStore({ dir: await tempDir() });
    const playlist = 'https://www.youtube.com/playlist?list=PLzV58Zm8FuBL6OAv1Yu6AwXZrnsFbbR0S';
    expect(store.linkOf(`${CODEWALK}/cpython-internals-lecture-5`)).toBe(playlist);
    expect(store.linkOf(`${CODEWALK}/cpython-internals-lecture-1`)).toContain('watch?v=LhadeL7_EIU');
  });

  it('updates a bundled list to a newer shipped version and keeps its progress and notes', async () => {
    const dir = await tempDir();
    const old = await openStore({ dir });
    await old.setDone(`${PBTS}/peps`, true);
    await old.saveNote(`${PBTS}/peps`, 'my note');
    await old.close();
    const shipped = bundledLists().map((l) => ({
      ...l,
      bundledVersion: BUNDLED_VERSION + 1,
      resources: l.resources.map((r) => (r.id === 'peps' ? { ...r, title: 'Python Enhancement Proposals' } : r)),
    }));
    const updated = await openStore({ dir, bundled: shipped });
    const peps = updated.document()!.lists[0]!.resources.find((r) => r.id === 'peps')!;
    expect(peps.title).toBe('Python Enhancement Proposals');
    expect(updated.document()!.progress[`${PBTS}/peps`]?.status).toBe('done');
    expect(updated.document()!.notes[`${PBTS}/peps`]?.body).toBe('my note');
    expect((await onDisk(dir)).lists[0]!.bundledVersion).toBe(BUNDLED_VERSION + 1);
  });
});

describe('the shipped lists', () => {
  it('are never changed by editing the document', async () => {
    const shipped = bundledLists();
    const before = JSON.stringify(shipped);
    const store = await openStore({ dir: await tempDir(), bundled: shipped });
    await store.change((doc) => {
      doc.lists[0]!.resources.pop();
      doc.lists.push({ ...doc.lists[1]!, id: 'another' });
    });
    expect(JSON.stringify(shipped)).toBe(before);
  });
});
