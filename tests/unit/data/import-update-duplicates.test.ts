import { describe, expect, it } from 'vitest';
import { openStore } from '../../../data/storage/store';
import type { StudyDocument } from '../../../data/model/schema';
import type { ImportPreview } from '../../../data/import/imported';
import { dispatch } from '../../../electron/api/dispatch';
import { createHandlers } from '../../../electron/api/handlers';
import { faultyFs, tempDir } from '../helpers';

// Issue #16: a file with the same entry twice (a feed in two folders) must update to itself with no
// change, and no update may lose a tick or a note of a resource that is still in the file.

const FEED = 'https://blog.example.org/feed.xml';

interface Mark {
  title: string;
  url: string;
}

function bookmarks(folders: Array<[string, Mark[]]>): string {
  const body = folders
    .map(([folder, marks]) => `    <DT><H3 ADD_DATE="1700000000">${folder}</H3>\n    <DL><p>\n${marks.map((m) => `        <DT><A HREF="${m.url}" ADD_DATE="1700000100">${m.title}</A>`).join('\n')}\n    </DL><p>`)
    .join('\n');
  return `<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">\n<TITLE>Bookmarks</TITLE>\n<H1>Bookmarks</H1>\n<DL><p>\n${body}\n</DL>\n`;
}

const news: Mark[] = [
  { title: 'The blog’s feed', url: FEED },
  { title: 'Été en Python — café', url: 'https://fr.example.org/ete' },
];
const python: Mark[] = [
  { title: 'PEP index', url: 'https://peps.python.org/' },
  { title: 'The blog’s feed', url: FEED },
];
const FILE = bookmarks([
  ['News', news],
  ['Python', python],
]);

async function setup() {
  const fs = faultyFs(() => undefined);
  // No compaction during the test: every write it sees is one the import made.
  const store = await openStore({ dir: await tempDir(), fs, compactAfterMs: 600_000 });
  const handlers = createHandlers({ store, openExternal: async () => undefined, openPath: async () => undefined });
  const call = async <T,>(method: string, args: unknown[]): Promise<T> => {
    const result = await dispatch(handlers, method, args);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  const { listId } = await call<{ listId: string }>('importList', ['bookmarks.html', FILE, 'new']);
  return { store, fs, call, listId };
}

/** Ticks the first of the two copies of the feed (started, then done) and writes a note on it. */
async function tickFirstFeed(store: Awaited<ReturnType<typeof openStore>>, listId: string): Promise<string> {
  const list = store.document()!.lists.find((l) => l.id === listId)!;
  const first = list.resources.find((r) => r.url === FEED && r.group === 'News')!;
  const ref = `${listId}/${first.id}`;
  await store.setStatus(ref, 'in-progress');
  await store.setDone(ref, true);
  await store.saveNote(ref, '## Read\n\n- the *second* post, twice');
  return ref;
}

const userData = (doc: StudyDocument, listId: string) => {
  const list = doc.lists.find((l) => l.id === listId)!;
  return { ids: list.resources.map((r) => [r.id, r.title, r.group]), progress: doc.progress, notes: doc.notes };
};

describe('updating a list from a file with the same entry twice (issue #16)', () => {
  it('the same file again: no changes shown, nothing written, the tick, note, dates and ids all kept', async () => {
    const { store, fs, call, listId } = await setup();
    const ref = await tickFirstFeed(store, listId);
    const before = structuredClone(store.document()!);
    const entry = before.progress[ref]!;
    expect(entry).toMatchObject({ status: 'done', startedAt: expect.any(String), doneAt: expect.any(String) });

    const preview = await call<ImportPreview>('previewImport', ['bookmarks.html', FILE]);
    expect(preview.update).toMatchObject({ listId, added: [], removed: [], changed: [], kept: 4 });

    const writes = fs.calls.length;
    await call('importList', ['bookmarks.html', FILE, 'update']);
    expect(fs.calls.slice(writes).filter((c) => c !== 'readFile')).toEqual([]);
    expect(store.document()).toEqual(before);
    expect(store.document()!.progress[ref]).toEqual(entry);
    expect(store.document()!.notes[ref]?.body).toBe('## Read\n\n- the *second* post, twice');
  });

  it('the same entries in another order: no changes, and each copy keeps its own tick and note', async () => {
    const { store, call, listId } = await setup();
    const ref = await tickFirstFeed(store, listId);
    const before = structuredClone(store.document()!);
    const reordered = bookmarks([
      ['Python', [...python].reverse()],
      ['News', [...news].reverse()],
    ]);

    const preview = await call<ImportPreview>('previewImport', ['bookmarks.html', reordered]);
    expect(preview.update).toMatchObject({ added: [], removed: [], changed: [], kept: 4 });
    await call('importList', ['bookmarks.html', reordered, 'update']);

    const after = store.document()!;
    expect(after.progress).toEqual(before.progress);
    expect(after.notes).toEqual(before.notes);
    const list = after.lists.find((l) => l.id === listId)!;
    expect(list.resources.find((r) => `${listId}/${r.id}` === ref)).toMatchObject({ url: FEED, group: 'News' });
    expect(userData(after, listId).ids.map(([id]) => id).sort()).toEqual(userData(before, listId).ids.map(([id]) => id).sort());
  });

  it('a newer file with one entry added and one retitled: every tick and note still there', async () => {
    const { store, call, listId } = await setup();
    const ref = await tickFirstFeed(store, listId);
    const list = store.document()!.lists.find((l) => l.id === listId)!;
    const pep = `${listId}/${list.resources.find((r) => r.title === 'PEP index')!.id}`;
    await store.setDone(pep, true);
    await store.saveNote(pep, 'PEP 8 first');
    const before = structuredClone(store.document()!);
    const newer = bookmarks([
      ['News', [...news, { title: 'Another feed', url: 'https://other.example.org/rss' }]],
      ['Python', [{ title: 'PEP 0 — Index of Python Enhancement Proposals', url: 'https://peps.python.org/' }, python[1]!]],
    ]);

    const preview = await call<ImportPreview>('previewImport', ['bookmarks.html', newer]);
    expect(preview.update).toMatchObject({
      added: ['Another feed'],
      removed: [],
      changed: [{ from: 'PEP index', to: 'PEP 0 — Index of Python Enhancement Proposals' }],
      kept: 4,
    });
    await call('importList', ['bookmarks.html', newer, 'update']);

    const after = store.document()!;
    expect(after.progress).toEqual(before.progress);
    expect(after.notes).toEqual(before.notes);
    const resources = after.lists.find((l) => l.id === listId)!.resources;
    expect(resources).toHaveLength(5);
    expect(resources.find((r) => `${listId}/${r.id}` === pep)!.title).toBe('PEP 0 — Index of Python Enhancement Proposals');
    expect(resources.find((r) => `${listId}/${r.id}` === ref)).toMatchObject({ url: FEED, group: 'News' });
  });

  it('through the API, what the file no longer has goes only when asked ({ removeMissing: true }, checked), and comes back on undo', async () => {
    const { store, call, listId } = await setup();
    const ref = await tickFirstFeed(store, listId);
    const before = structuredClone(store.document()!);
    const fewer = bookmarks([['Python', python]]);
    await expect(call('importList', ['bookmarks.html', fewer, 'update', undefined, { removeMissing: 'yes' }])).rejects.toThrow();
    const kept = await call<{ changed: boolean; removed: unknown[] }>('importList', ['bookmarks.html', fewer, 'update']);
    // Kept, they leave the list as it was: nothing to change.
    expect(kept).toMatchObject({ changed: false, removed: [] });
    expect(store.document()!.notes).toEqual(before.notes);

    const removed = await call<{ removed: Array<{ item: { title: string } }> }>('importList', ['bookmarks.html', fewer, 'update', undefined, { removeMissing: true }]);
    expect(removed.removed.map((r) => r.item.title)).toEqual(['The blog’s feed', 'Été en Python — café']);
    expect(store.document()!.notes[ref]).toBeUndefined();
    for (const r of removed.removed) await call('restoreResource', [r]);
    expect(store.document()!.progress).toEqual(before.progress);
    expect(store.document()!.notes).toEqual(before.notes);
  });
});
