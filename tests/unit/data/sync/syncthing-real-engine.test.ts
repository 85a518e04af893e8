import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deviceDir } from '../../../../data/sync/device';
import { CONFLICT_COPIES_DIR, FolderSync, isConflictCopy } from '../../../../data/sync/folder-sync';
import { hasConflictMarkers } from '../../../../data/sync/merge';
import { openStore, type Store } from '../../../../data/storage/store';
import { tempDir, PBTS } from '../../helpers';

// What the real Syncthing did in tests/e2e/syncthing (engine-files.spec.ts), replayed here without it:
// its timing (one computer's changes arrive before the other's answer to them has come back), its temp
// and version files, and its names for conflict copies.

const LAPTOP = { id: 'dev-laptop', name: 'Laptop' };
const DESKTOP = { id: 'dev-desktop', name: 'Desktop' };

interface Computer {
  folder: string;
  store: Store;
  sync: FolderSync;
}

const running: Computer[] = [];
afterEach(async () => {
  for (const c of running.splice(0)) {
    c.sync.stop();
    await c.store.close();
  }
});

async function computer(folder: string, device: typeof LAPTOP): Promise<Computer> {
  const store = await openStore({ dir: deviceDir(folder, device.id), compactAfterMs: 3_600_000 });
  const sync = new FolderSync({ folder, device, store, settleMs: 30, pollMs: 3_600_000 });
  await mkdir(join(deviceDir(folder, device.id), 'seen'), { recursive: true });
  await writeFile(join(deviceDir(folder, device.id), 'device.json'), JSON.stringify(device));
  const c = { folder, store, sync };
  running.push(c);
  return c;
}

/** Syncthing carrying one computer's folder to the other's copy, whole (what it does once it is idle). */
async function deliver(from: Computer, to: Computer, id: string): Promise<void> {
  const target = deviceDir(to.folder, id);
  await rm(target, { recursive: true, force: true });
  await cp(deviceDir(from.folder, id), target, { recursive: true });
}

/** Both ways, each merging what came: the two computers have each other's latest. */
async function exchange(laptop: Computer, desktop: Computer): Promise<void> {
  await deliver(laptop, desktop, LAPTOP.id);
  await desktop.sync.syncNow();
  await deliver(desktop, laptop, DESKTOP.id);
  await laptop.sync.syncNow();
}

/** Two computers that have each other's data, after one change on the laptop. */
async function inSync(): Promise<{ laptop: Computer; desktop: Computer }> {
  const root = await tempDir();
  const laptop = await computer(join(root, 'laptop'), LAPTOP);
  const desktop = await computer(join(root, 'desktop'), DESKTOP);
  await laptop.store.setStatus(`${PBTS}/python-documentation`, 'done');
  await exchange(laptop, desktop);
  return { laptop, desktop };
}

describe('what the real Syncthing does', () => {
  it('a note edited twice on one computer, the second time before the other computer’s merge of the first came back, is not a conflict', async () => {
    // Seen with Syncthing: the desktop saves "round 0", the laptop merges it; the desktop saves
    // "round 1" before the laptop's merged data (and its seen/ file) reached the desktop. Only the
    // desktop ever wrote this note, yet the laptop showed both rounds between conflict markers.
    const { laptop, desktop } = await inSync();
    const ref = `${PBTS}/peps`;

    await desktop.store.saveNote(ref, 'round 0');
    await deliver(desktop, laptop, DESKTOP.id);
    await laptop.sync.syncNow();
    expect(laptop.store.document()!.notes[ref]?.body).toBe('round 0');

    await desktop.store.saveNote(ref, 'round 1');
    await deliver(desktop, laptop, DESKTOP.id);
    await laptop.sync.syncNow();
    const body = laptop.store.document()!.notes[ref]?.body ?? '';
    expect(hasConflictMarkers(body), body).toBe(false);
    expect(body).toBe('round 1');

    // And the laptop's answer, once it reaches the desktop, changes nothing there.
    await deliver(laptop, desktop, LAPTOP.id);
    await desktop.sync.syncNow();
    expect(desktop.store.document()!.notes[ref]?.body).toBe('round 1');
  });

  it('a part added then removed on one computer, the removal before the other computer’s merge of the addition came back, stays removed', async () => {
    const { laptop, desktop } = await inSync();
    const ref = `${PBTS}/peps`;
    const part = await desktop.store.addPart(ref, 'PEP 8', null);
    await deliver(desktop, laptop, DESKTOP.id);
    await laptop.sync.syncNow();
    await desktop.store.removePart(`${ref}/${part.id}`);
    await deliver(desktop, laptop, DESKTOP.id);
    await laptop.sync.syncNow();
    const parts = (doc: ReturnType<Store['document']>) => doc!.lists.find((l) => l.id === PBTS)!.resources.find((r) => r.id === 'peps')!.parts.map((p) => p.title);
    expect(parts(laptop.store.document())).not.toContain('PEP 8');
  });

  it('a note both computers changed after the last version they shared is still kept twice, to resolve', async () => {
    const root = await tempDir();
    const laptop = await computer(join(root, 'laptop'), LAPTOP);
    const desktop = await computer(join(root, 'desktop'), DESKTOP);
    const ref = `${PBTS}/peps`;
    await desktop.store.saveNote(ref, 'round 0');
    await deliver(desktop, laptop, DESKTOP.id);
    await laptop.sync.syncNow();
    await laptop.store.saveNote(ref, 'round 0, then the laptop');
    await desktop.store.saveNote(ref, 'round 0, then the desktop');
    await deliver(desktop, laptop, DESKTOP.id);
    await laptop.sync.syncNow();
    const body = laptop.store.document()!.notes[ref]!.body;
    expect(hasConflictMarkers(body)).toBe(true);
    expect(body).toContain('round 0, then the laptop');
    expect(body).toContain('round 0, then the desktop');
  });

  it('Syncthing’s temp files and .stversions are not read as data; its conflict copies are', async () => {
    const root = await tempDir();
    const laptop = await computer(join(root, 'laptop'), LAPTOP);
    const desktop = await computer(join(root, 'desktop'), DESKTOP);
    await desktop.store.saveNote(`${PBTS}/peps`, 'from the desktop');
    await desktop.store.close();
    await deliver(desktop, laptop, DESKTOP.id);
    const there = deviceDir(laptop.folder, DESKTOP.id);
    // The names the real engine used (engine-files.spec.ts), with content that is not whole data.
    await writeFile(join(there, '.syncthing.studyshelf.json.tmp'), '{"schemaVersion": 3, "lists": [');
    await writeFile(join(there, '.syncthing.studyshelf.journal-00000002.ndjson.tmp'), 'half a line');
    await mkdir(join(laptop.folder, '.stversions', 'devices', DESKTOP.id), { recursive: true });
    await writeFile(join(laptop.folder, '.stversions', 'devices', DESKTOP.id, 'studyshelf~20261202-053344.json'), '{}');
    await laptop.sync.syncNow();
    expect(laptop.store.document()!.notes[`${PBTS}/peps`]?.body).toBe('from the desktop');
    expect(laptop.sync.status().peers.map((p) => [p.id, p.waiting])).toEqual([[DESKTOP.id, null]]);
    expect(laptop.sync.status().notices.filter((n) => n.kind === 'not-merged')).toEqual([]);
    expect(isConflictCopy('studyshelf.sync-conflict-20261202-053344-OGUUP3L.json')).toBe(true);
    expect(isConflictCopy('.syncthing.studyshelf.json.tmp')).toBe(false);
    expect(isConflictCopy('studyshelf~20261202-053344.json')).toBe(false);
    expect(await readdir(join(laptop.folder))).not.toContain(CONFLICT_COPIES_DIR);
  });
});
