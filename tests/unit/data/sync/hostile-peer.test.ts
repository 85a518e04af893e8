import { mkdir, open, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deviceDir } from '../../../../data/sync/device';
import { FolderSync } from '../../../../data/sync/folder-sync';
import { mergeDocuments } from '../../../../data/sync/merge';
import { MAX_PEER_FILE_BYTES } from '../../../../data/sync/peer-file';
import { DATA_FILE_NAME, openStore, type Store } from '../../../../data/storage/store';
import type { Note, StudyDocument } from '../../../../data/model/schema';
import { PBTS, tempDir } from '../../helpers';

const LAPTOP = { id: 'dev-laptop', name: 'Laptop' };
const DESKTOP = { id: 'dev-desktop', name: 'Desktop' };
const note = (body: string, updatedAt = '2026-11-20T10:00:00.000Z'): Note => ({ body, whereStopped: '', updatedAt });

const open_: Array<{ store: Store; sync: FolderSync }> = [];
afterEach(async () => {
  for (const { store, sync } of open_.splice(0)) {
    sync.stop();
    await store.close();
  }
});

/** The laptop, with a note of its own (so a merge really merges), and the desktop's folder as the engine delivers it. */
async function laptopWithPeer(options: { store?: (store: Store) => Store } = {}) {
  const folder = join(await tempDir(), 'Sync');
  const store = await openStore({ dir: deviceDir(folder, LAPTOP.id), compactAfterMs: 30 });
  await store.saveNote(`${PBTS}/peps`, 'written on the laptop');
  const sync = new FolderSync({ folder, device: LAPTOP, store: options.store?.(store) ?? store, settleMs: 20, pollMs: 3_600_000 });
  open_.push({ store, sync });
  const peerDir = deviceDir(folder, DESKTOP.id);
  await mkdir(peerDir, { recursive: true });
  await writeFile(join(peerDir, 'device.json'), JSON.stringify(DESKTOP));
  /** Writes the desktop's data file as a sync engine does (temp file, rename); `raw` is spliced into its notes. */
  const deliver = async (notes: Record<string, Note>, raw = '') => {
    const doc: StudyDocument = { ...structuredClone(store.document()!), notes };
    let json = JSON.stringify(doc);
    if (raw) json = json.replace('"notes":{', `"notes":{${raw}${Object.keys(notes).length ? ',' : ''}`);
    await writeFile(join(peerDir, `${DATA_FILE_NAME}.tmp`), json);
    await rename(join(peerDir, `${DATA_FILE_NAME}.tmp`), join(peerDir, DATA_FILE_NAME));
  };
  return { folder, store, sync, peerDir, deliver };
}

/** A file of `size` bytes that takes no room (sparse): only its size is ever looked at. */
async function sparseFile(file: string, size: number): Promise<void> {
  const handle = await open(file, 'w');
  await handle.truncate(size);
  await handle.close();
}

describe('a peer whose note keys are names of Object.prototype', () => {
  it('merges them as notes, on both sides and against a base that has them', () => {
    const base: StudyDocument = { schemaVersion: 2, lists: [], progress: {}, notes: { toString: note('base line') }, activity: [] };
    const laptop = { ...structuredClone(base), notes: { 'l/r': note('laptop') } };
    const desktop = { ...structuredClone(base), notes: { constructor: note('a note keyed constructor'), toString: note('base line\ndesktop line', '2026-11-21T10:00:00.000Z') } };
    desktop.progress = { hasOwnProperty: { status: 'done' as const, startedAt: null, doneAt: null, updatedAt: '2026-11-21T10:00:00.000Z' } };
    for (const [one, other] of [
      [LAPTOP, DESKTOP],
      [DESKTOP, LAPTOP],
    ] as const) {
      const { doc } = mergeDocuments(base, { device: one, doc: one === LAPTOP ? laptop : desktop }, { device: other, doc: other === LAPTOP ? laptop : desktop });
      expect(Object.keys(doc.notes).sort()).toEqual(['constructor', 'l/r', 'toString']);
      const notes = new Map(Object.entries(doc.notes));
      expect(notes.get('constructor')).toEqual(note('a note keyed constructor'));
      // The laptop never changed "toString": the desktop's edit of it is taken.
      expect(notes.get('toString')?.body).toBe('base line\ndesktop line');
      expect(Object.keys(doc.progress)).toEqual(['hasOwnProperty']);
    }
  });

  it('through the watcher: start() carries on, they arrive as notes, and a later change of that computer still arrives', async () => {
    const { store, sync, deliver } = await laptopWithPeer();
    await deliver({ constructor: note('a note keyed constructor'), toString: note('one keyed toString') }, `"__proto__":${JSON.stringify(note('polluting'))}`);
    await sync.start();
    const notes = store.document()!.notes;
    expect(Object.getOwnPropertyDescriptor(notes, 'constructor')?.value).toEqual(note('a note keyed constructor'));
    expect(Object.getOwnPropertyDescriptor(notes, 'toString')?.value).toEqual(note('one keyed toString'));
    expect(Object.getPrototypeOf(notes)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).body).toBeUndefined();
    expect(notes[`${PBTS}/peps`]?.body).toBe('written on the laptop');
    expect(sync.status().peers[0]).toMatchObject({ name: 'Desktop', waiting: null });

    await deliver({ constructor: note('a note keyed constructor'), [`${PBTS}/pep-8`]: note('written later on the desktop') });
    await expect.poll(() => store.document()!.notes[`${PBTS}/pep-8`]?.body, { timeout: 5000 }).toBe('written later on the desktop');
  });
});

describe('a merge that fails', () => {
  it('does not stop the sync: the watcher runs, the Sync view says what failed, and the next change is merged', async () => {
    let failures = 1;
    const { store, sync, deliver } = await laptopWithPeer({
      // The store refuses the first merge (a full disk, say): the failure must not end the syncing.
      store: (real) =>
        new Proxy(real, {
          get: (target, key) =>
            key === 'changeIfAny'
              ? (apply: (doc: StudyDocument) => boolean) => (failures-- > 0 ? Promise.reject(new Error('No space left on device')) : target.changeIfAny(apply))
              : Reflect.get(target, key),
        }),
    });
    await deliver({ [`${PBTS}/pep-8`]: note('first from the desktop') });
    await expect(sync.start()).resolves.toBeUndefined();
    expect(sync.status().peers[0]?.waiting).toMatch(/could not be merged.*No space left on device/);
    expect(sync.status().notices[0]?.message).toMatch(/Desktop.*could not be merged.*No space left on device/);
    expect(store.document()!.notes[`${PBTS}/pep-8`]).toBeUndefined();

    await deliver({ [`${PBTS}/pep-8`]: note('first from the desktop\nand more') });
    await expect.poll(() => store.document()!.notes[`${PBTS}/pep-8`]?.body, { timeout: 5000 }).toBe('first from the desktop\nand more');
    await expect.poll(() => sync.status().peers[0]?.waiting).toBeNull();
  });
});

describe('peer files too large to be legitimate', () => {
  it(`a data file over ${MAX_PEER_FILE_BYTES / 1024 / 1024} MB is not read nor merged, and the Sync view says it is too large`, async () => {
    const { store, sync, peerDir } = await laptopWithPeer();
    await sync.start();
    const before = structuredClone(store.document()!);
    for (const size of [MAX_PEER_FILE_BYTES + 1, 200 * 1024 * 1024]) {
      await sparseFile(join(peerDir, DATA_FILE_NAME), size);
      const used = process.memoryUsage().rss;
      await sync.syncNow();
      // Not read whole: reading it would have taken at least its size in memory.
      expect(process.memoryUsage().rss - used).toBeLessThan(MAX_PEER_FILE_BYTES / 2);
      expect(sync.status().peers[0]?.waiting).toMatch(/^it is too large to merge \(\d+ MB; Studyshelf merges files up to \d+ MB\)/);
    }
    const after = store.document()!;
    expect({ lists: after.lists, progress: after.progress, notes: after.notes }).toEqual({ lists: before.lists, progress: before.progress, notes: before.notes });
  });

  it('a journal over the limit is not merged either (the data file alone would be half the story)', async () => {
    const { store, sync, peerDir, deliver } = await laptopWithPeer();
    await sync.start();
    await deliver({ [`${PBTS}/pep-8`]: note('from the desktop') });
    await sparseFile(join(peerDir, 'studyshelf.journal-99999999.ndjson'), MAX_PEER_FILE_BYTES + 1);
    await sync.syncNow();
    expect(sync.status().peers[0]?.waiting).toMatch(/^its journal is too large to merge/);
    expect(store.document()!.notes[`${PBTS}/pep-8`]).toBeUndefined();
  });
});
