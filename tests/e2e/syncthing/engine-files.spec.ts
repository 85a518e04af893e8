import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { deviceDir } from '../../../data/sync/device';
import { CONFLICT_COPIES_DIR, FolderSync, isConflictCopy } from '../../../data/sync/folder-sync';
import { openStore, type Store } from '../../../data/storage/store';
import { startSyncthingPair, type SyncthingPair } from '../../support/syncthing';
import { syncthingSkipReasonTold } from '../../support/syncthing-guard';

// What the real engine does to the files in the shared folder, and what Studyshelf's data side (the
// store and the folder merging, as main runs them) makes of it: temp files while a file arrives, conflict
// copies when one file was written on two machines, `.stversions/` when versioning is on. No windows:
// these look at the files and at the merged data.

const LAPTOP = { id: 'dev-laptop', name: 'Laptop' };
const DESKTOP = { id: 'dev-desktop', name: 'Desktop' };
const LIST = 'python-behind-the-scenes-resources';

interface Computer {
  folder: string;
  store: Store;
  sync: FolderSync;
}

let root: string;
let pair: SyncthingPair | undefined;
const open: Computer[] = [];

test.beforeEach(async () => {
  const reason = syncthingSkipReasonTold();
  test.skip(reason !== null, reason ?? '');
  test.slow(true, 'two real Syncthing daemons: start-up, connection and a few rounds of sync');
  root = await mkdtemp(join(tmpdir(), 'studyshelf-syncthing-files-'));
});

test.afterEach(async () => {
  for (const c of open.splice(0)) {
    c.sync.stop();
    await c.store.close();
  }
  await pair?.stop();
  pair = undefined;
  if (root) await rm(root, { recursive: true, force: true });
});

async function computer(folder: string, device: typeof LAPTOP): Promise<Computer> {
  const store = await openStore({ dir: deviceDir(folder, device.id), compactAfterMs: 50 });
  const sync = new FolderSync({ folder, device, store, settleMs: 100, pollMs: 1000 });
  await sync.start();
  const c = { folder, store, sync };
  open.push(c);
  return c;
}

async function start(versioningOnA = false) {
  const folders: [string, string] = [join(root, 'laptop', 'Studyshelf'), join(root, 'desktop', 'Studyshelf')];
  pair = await startSyncthingPair({ folders, versioningOnA });
  await pair.waitConnected();
  return { pair, folders };
}

const names = (dir: string) => readdir(dir).catch(() => [] as string[]);
const notAMergeFailure = (c: Computer) => c.sync.status().notices.filter((n) => n.kind === 'not-merged');

test('a file still arriving is a .syncthing.*.tmp beside the old one: the app merges the old whole file, then the new one, never half', async () => {
  const { pair, folders } = await start();
  const laptop = await openStore({ dir: deviceDir(folders[0], LAPTOP.id) });
  const desktop = await computer(folders[1], DESKTOP);
  await pair.waitInSync();
  // The desktop takes the laptop's data at 1 MB/s, so a 6 MB note is seconds in flight.
  await pair.rest(pair.b, `/rest/config/devices/${pair.a.id}`, { method: 'PATCH', body: { maxRecvKbps: 1000 } });
  const big = `${'A long note, written on the laptop. '.repeat(170_000)}end`;
  await laptop.saveNote(`${LIST}/peps`, big);
  await laptop.close(); // folds the journal into the data file: one big file to send
  await pair.rest(pair.a, '/rest/db/scan?folder=studyshelf', { method: 'POST' });

  const arriving = join(folders[1], 'devices', LAPTOP.id);
  await expect.poll(() => names(arriving), { timeout: 30_000 }).toContain('.syncthing.studyshelf.json.tmp');
  // Mid-transfer: the old file is whole, the temp file is not Studyshelf's to read.
  await desktop.sync.syncNow();
  expect(notAMergeFailure(desktop)).toEqual([]);
  expect(desktop.sync.status().peers.map((p) => [p.id, p.waiting])).toEqual([[LAPTOP.id, null]]);
  // Not there yet, or whole: the journal that held the note may have come across before the laptop
  // folded it into the file now in flight (seen once under a CPU hog); never a part of it.
  const midway = desktop.store.document()!.notes[`${LIST}/peps`]?.body;
  expect(midway === undefined || midway === big, `mid-transfer the note is ${midway?.length ?? 0} characters of ${big.length}`).toBe(true);

  await pair.waitInSync(120_000);
  await desktop.sync.syncNow();
  expect(desktop.store.document()!.notes[`${LIST}/peps`]?.body).toBe(big);
  expect((await names(arriving)).filter((n) => n.startsWith('.syncthing.'))).toEqual([]);
  expect(notAMergeFailure(desktop)).toEqual([]);
});

test('one data file written on two machines: Syncthing keeps name.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.json, which the app merges and moves aside', async () => {
  const { pair, folders } = await start();
  const desktop = await computer(folders[1], DESKTOP);
  // The laptop's data as both machines have it; then, offline, the laptop and a copy of its profile on
  // another machine (same device id: a copied app folder) each write a note of their own and quit.
  const laptop = await openStore({ dir: deviceDir(folders[0], LAPTOP.id) });
  await laptop.setStatus(`${LIST}/peps`, 'done');
  await laptop.close();
  await pair.waitInSync();
  await pair.pausePeer(pair.a);
  const here = await openStore({ dir: deviceDir(folders[0], LAPTOP.id) });
  await here.saveNote(`${LIST}/peps`, 'written on the laptop');
  await here.close();
  const clone = await openStore({ dir: deviceDir(folders[1], LAPTOP.id) });
  await clone.saveNote(`${LIST}/stupid-python-ideas`, 'written on the copy of the laptop');
  await clone.close();
  await pair.resumePeer(pair.a);
  await pair.waitInSync();

  // The real engine's name for the copy, on both machines (or already moved aside by the app).
  const conflictName = /^studyshelf\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]{7}\.json$/;
  const seen = async () => [...(await names(join(folders[1], 'devices', LAPTOP.id))), ...(await names(join(folders[1], CONFLICT_COPIES_DIR)))];
  await expect.poll(async () => (await seen()).some((n) => conflictName.test(n.replace(/^dev-laptop-\d+-/, '')))).toBe(true);
  for (const n of (await seen()).filter((name) => name.includes('sync-conflict'))) expect(isConflictCopy(n.replace(/^dev-laptop-\d+-/, ''))).toBe(true);

  // Both versions are in the desktop's data; the copy is in conflict-copies/, not deleted.
  await expect
    .poll(async () => {
      await desktop.sync.syncNow();
      const notes = desktop.store.document()!.notes;
      return [notes[`${LIST}/peps`]?.body, notes[`${LIST}/stupid-python-ideas`]?.body];
    })
    .toEqual(['written on the laptop', 'written on the copy of the laptop']);
  expect(desktop.store.document()!.progress[`${LIST}/peps`]?.status).toBe('done');
  expect((await names(join(folders[1], CONFLICT_COPIES_DIR))).some((n) => n.includes('.sync-conflict-'))).toBe(true);
  expect((await names(join(folders[1], 'devices', LAPTOP.id))).filter(isConflictCopy)).toEqual([]);
});

test('with versioning on, replaced files go to .stversions/devices/<id>/name~YYYYMMDD-HHMMSS.json, which the app never reads as a computer', async () => {
  const { pair, folders } = await start(true);
  const laptop = await computer(folders[0], LAPTOP);
  const desktop = await computer(folders[1], DESKTOP);
  await pair.waitInSync();
  for (const [i, status] of (['in-progress', 'done'] as const).entries()) {
    await desktop.store.setStatus(`${LIST}/peps`, status);
    await desktop.store.saveNote(`${LIST}/peps`, `round ${i}`);
    await pair.waitInSync();
  }
  const versions = join(folders[0], '.stversions', 'devices', DESKTOP.id);
  // Simple versioning's name: the time stamp before the extension.
  await expect.poll(async () => (await names(versions)).filter((n) => /^studyshelf[^~]*~\d{8}-\d{6}\.(json|ndjson)$/.test(n))).not.toEqual([]);
  console.log(`.stversions/devices/${DESKTOP.id}: ${(await names(versions)).join(', ')}`);
  await expect
    .poll(async () => {
      await laptop.sync.syncNow();
      return laptop.store.document()!.notes[`${LIST}/peps`]?.body;
    })
    .toBe('round 1');
  expect(laptop.store.document()!.progress[`${LIST}/peps`]?.status).toBe('done');
  expect(laptop.sync.status().peers.map((p) => p.id)).toEqual([DESKTOP.id]);
  expect(notAMergeFailure(laptop)).toEqual([]);
});
