import fc from 'fast-check';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deviceDir } from '../../../../data/sync/device';
import { CONFLICT_COPIES_DIR, FolderSync } from '../../../../data/sync/folder-sync';
import { hasConflictMarkers, sameDocument } from '../../../../data/sync/merge';
import { realFs, type FsSeam } from '../../../../data/storage/fs-seam';
import { DATA_FILE_NAME, openStore, type Store } from '../../../../data/storage/store';
import type { Status, StudyDocument } from '../../../../data/model/schema';
import { tempDir } from '../../helpers';

const LAPTOP = { id: 'dev-laptop', name: 'Laptop' };
const DESKTOP = { id: 'dev-desktop', name: 'Desktop' };
const LIST = 'python-behind-the-scenes-resources';
const RESOURCES = ['python-documentation', 'peps', 'your-guide-to-the-cpython-source-code', 'stupid-python-ideas'];

interface Computer {
  name: string;
  /** This computer's copy of the synced folder. */
  folder: string;
  own: string;
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

async function computer(folder: string, device: typeof LAPTOP, options: { watch?: boolean; compactAfterMs?: number; fs?: FsSeam; now?: () => Date } = {}): Promise<Computer> {
  const own = deviceDir(folder, device.id);
  const store = await openStore({ dir: own, compactAfterMs: options.compactAfterMs ?? 30, fs: options.fs });
  const sync = new FolderSync({ folder, device, store, settleMs: 30, pollMs: 3_600_000 /* file events only: the poll is a fallback */, now: options.now });
  const c = { name: device.name, folder, own, store, sync };
  running.push(c);
  if (options.watch) await sync.start();
  else await mkdir(join(own, 'seen'), { recursive: true }).then(() => writeFile(join(own, 'device.json'), JSON.stringify(device)));
  return c;
}

/** Two computers, each with its own copy of the synced folder; the "sync engine" is `deliver`. */
async function twoComputers(options: { watch?: boolean; compactAfterMs?: number; now?: () => Date } = {}) {
  const root = await tempDir();
  const a = await computer(join(root, 'laptop-sync'), LAPTOP, options);
  const b = await computer(join(root, 'desktop-sync'), DESKTOP, options);
  return { a, b };
}

type Mode = 'atomic' | 'in-place' | 'journal-first' | 'seen-first' | 'seen-last';

/**
 * What a sync engine does: copies the files a computer wrote in its own folder to the other computer's
 * copy of the folder. `atomic` writes a temp file and renames it (Syncthing, Dropbox); `in-place`
 * writes the file in two halves with a pause between (an engine or a file system that shows a file
 * before it is complete); `journal-first` delivers the journal before the data file; `seen-first`
 * delivers the merge bases (`seen/`) and journals first and lets the other computer look before the
 * data file they go with arrives (Syncthing pulls a folder's files in no set order); `seen-last` lets it
 * look once the data file is there and before the merge bases are.
 */
async function deliver(from: Computer, to: Computer, mode: Mode = 'atomic'): Promise<void> {
  const target = join(to.folder, 'devices', basenameOf(from.own));
  await mkdir(join(target, 'seen'), { recursive: true });
  const files = await listFiles(from.own);
  const early = (rel: string) => (mode === 'seen-last' ? !rel.startsWith('seen/') : rel.includes('journal') || (mode === 'seen-first' && rel.startsWith('seen/')));
  const ordered = mode === 'journal-first' || mode === 'seen-first' || mode === 'seen-last' ? [...files.filter(early), ...files.filter((x) => !early(x))] : files;
  let looked = false;
  for (const rel of ordered) {
    if ((mode === 'seen-first' || mode === 'seen-last') && !looked && !early(rel)) {
      looked = true;
      await to.sync.syncNow(); // the other computer looks while only the merge bases are there
    }
    const src = join(from.own, rel);
    const dst = join(target, rel);
    await mkdir(join(dst, '..'), { recursive: true });
    let bytes: Buffer;
    try {
      bytes = await readFile(src);
    } catch {
      continue; // removed meanwhile (a rotated journal)
    }
    if (mode === 'in-place' && rel === DATA_FILE_NAME) {
      const handle = await open(dst, 'w');
      await handle.write(bytes.subarray(0, bytes.length >> 1));
      await to.sync.syncNow(); // the other computer looks while the file is half there
      await handle.write(bytes.subarray(bytes.length >> 1));
      await handle.close();
    } else {
      await writeFile(`${dst}.tmp`, bytes);
      await rename(`${dst}.tmp`, dst);
    }
  }
}

function basenameOf(path: string): string {
  return path.split('/').at(-1)!;
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (entry.name !== 'backups') out.push(...(await listFiles(dir, rel)));
    } else if (!entry.name.endsWith('.tmp')) out.push(rel);
  }
  return out;
}

/** Everything delivered both ways, merged, until neither changes. */
async function settle(a: Computer, b: Computer): Promise<void> {
  for (let round = 0; round < 4; round++) {
    await deliver(a, b);
    await b.sync.syncNow();
    await deliver(b, a);
    await a.sync.syncNow();
  }
}

describe('two computers sharing a synced folder', () => {
  it('a tick on one and a note on the other both arrive, and the data converges', async () => {
    const { a, b } = await twoComputers();
    await a.store.setDone(`${LIST}/peps`, true);
    await b.store.saveNote(`${LIST}/peps`, 'PEP 3155 explains __qualname__.');
    await settle(a, b);
    for (const c of [a, b]) {
      expect(c.store.document()!.progress[`${LIST}/peps`]?.status).toBe('done');
      expect(c.store.document()!.notes[`${LIST}/peps`]?.body).toBe('PEP 3155 explains __qualname__.');
    }
    expect(sameDocument(a.store.document()!, b.store.document()!)).toBe(true);
  });

  it('merging what only caught up with this computer writes only which version of theirs it holds, and nothing goes back and forth', async () => {
    const { a, b } = await twoComputers();
    await a.store.setDone(`${LIST}/peps`, true);
    await deliver(a, b);
    await b.sync.syncNow();
    await new Promise((resolve) => setTimeout(resolve, 150)); // the laptop's own write after its pause
    const file = join(a.own, DATA_FILE_NAME);
    const content = async (path: string) => {
      const { merged: _stamp, journalGeneration: _folded, ...rest } = JSON.parse(await readFile(path, 'utf8')) as StudyDocument;
      return rest;
    };
    const before = await content(file);
    await deliver(b, a);
    await a.sync.syncNow();
    expect(a.sync.status().peers[0]?.lastMergedAt).not.toBeNull();
    // The stamp goes out with the merge base written beside it (the other computer waits for the two to agree).
    expect(await content(file)).toEqual(before);
    const stamps = await Promise.all([stat(file), stat(join(b.own, DATA_FILE_NAME))]);
    for (let round = 0; round < 2; round++) {
      await deliver(a, b);
      await b.sync.syncNow();
      await deliver(b, a);
      await a.sync.syncNow();
    }
    const after = await Promise.all([stat(file), stat(join(b.own, DATA_FILE_NAME))]);
    expect(after.map((s) => [s.ino, s.mtimeMs])).toEqual(stamps.map((s) => [s.ino, s.mtimeMs]));
  });

  it('the same lines of a note edited on both: both versions kept, marked, on both computers', async () => {
    const { a, b } = await twoComputers();
    await a.store.saveNote(`${LIST}/peps`, 'start');
    await settle(a, b);
    await a.store.saveNote(`${LIST}/peps`, 'start\nfrom the laptop');
    await b.store.saveNote(`${LIST}/peps`, 'start\nfrom the desktop');
    await settle(a, b);
    const body = a.store.document()!.notes[`${LIST}/peps`]!.body;
    expect(body).toContain('from the laptop');
    expect(body).toContain('from the desktop');
    expect(hasConflictMarkers(body)).toBe(true);
    expect(b.store.document()!.notes[`${LIST}/peps`]!.body).toBe(body);
    // The computer that merged first says so; both hold the marked note, which the window lists.
    expect(b.sync.status().notices.some((n) => n.kind === 'note-conflict')).toBe(true);
  });

  it("a merge base that arrives before the data it goes with is not trusted: a list made on one computer is never deleted by it", async () => {
    const { a, b } = await twoComputers();
    await settle(a, b);
    const list = await a.store.command('createList', 'Compilers', '');
    await b.store.command('deleteResource', `${LIST}/stupid-python-ideas`);
    await deliver(b, a); // the desktop's journal (the deletion) reaches the laptop, which has not looked yet
    // The desktop merges the laptop's new list; its merge base of the laptop's data (seen/) now holds it.
    await deliver(a, b);
    await b.sync.syncNow();
    expect(b.store.document()!.lists.map((l) => l.title)).toContain('Compilers');
    // The laptop gets that merge base before the desktop's data file, and merges meanwhile.
    await deliver(b, a, 'seen-first');
    await a.sync.syncNow();
    await settle(a, b);
    for (const c of [a, b]) {
      const doc = c.store.document()!;
      expect(doc.lists.map((l) => l.id), c.name).toContain(list.id);
      expect(doc.lists.find((l) => l.id === LIST)!.resources.map((r) => r.id), c.name).not.toContain('stupid-python-ideas');
    }
  });

  // Found by the real-Syncthing test with versioning, on a busy machine: a note the laptop only ever had
  // from the desktop came back to the desktop as a conflict with the desktop's newer text.
  it('a note merged from the other computer, which then changed it again: no conflict when the merge base arrives after the data', async () => {
    const { a, b } = await twoComputers();
    await settle(a, b);
    const ref = `${LIST}/peps`;
    await b.store.saveNote(ref, 'round 0');
    await deliver(b, a);
    await a.sync.syncNow(); // the laptop takes the desktop's note; its data now says which version of the desktop's it holds
    await b.store.saveNote(ref, 'round 1');
    // The desktop looks once the laptop's data file is there, before the laptop's merge base (seen/) is.
    await deliver(a, b, 'seen-last');
    await b.sync.syncNow();
    await settle(a, b);
    for (const c of [a, b]) expect(c.store.document()!.notes[ref]?.body, c.name).toBe('round 1');
  });

  it('a merge base that does not come is waited for a minute, then the data is merged without it, nothing lost', async () => {
    let clock = Date.UTC(2026, 11, 2, 12);
    const { a, b } = await twoComputers({ now: () => new Date(clock) });
    await settle(a, b);
    const ref = `${LIST}/peps`;
    const stale = await readFile(join(b.folder, 'devices', LAPTOP.id, 'seen', `${DESKTOP.id}.json`));
    await b.store.saveNote(ref, 'round 0');
    await deliver(b, a);
    await a.sync.syncNow();
    await a.store.setDone(`${LIST}/stupid-python-ideas`, true);
    await b.store.saveNote(ref, 'round 1');
    await deliver(a, b);
    // The laptop's merge base of the desktop's data stays an older one (an engine that never brings it).
    await writeFile(join(b.folder, 'devices', LAPTOP.id, 'seen', `${DESKTOP.id}.json`), stale);
    await b.sync.syncNow();
    expect(b.sync.status().peers[0]?.waiting).toMatch(/still arriving/);
    expect(b.store.document()!.progress[`${LIST}/stupid-python-ideas`]).toBeUndefined();
    clock += 61_000;
    await b.sync.syncNow();
    expect(b.sync.status().peers[0]?.waiting).toBeNull();
    const doc = b.store.document()!;
    expect(doc.progress[`${LIST}/stupid-python-ideas`]?.status).toBe('done');
    // Without the base, the desktop cannot tell its own earlier text from the laptop's: both are kept.
    expect(doc.notes[ref]?.body).toContain('round 1');
  });

  it('a resource added, merged on the other computer, then removed before this one merged back: removed on both, not brought back', async () => {
    const { a, b } = await twoComputers();
    await settle(a, b);
    const added = await a.store.command('addResource', LIST, { title: 'A passing link', url: null, author: null, description: '' });
    await deliver(a, b);
    await b.sync.syncNow(); // the desktop merges it; its data and its merge base of the laptop's data say so
    await a.store.command('deleteResource', `${LIST}/${added.id}`);
    await deliver(b, a);
    await a.sync.syncNow(); // the desktop's data still has it: the merge base tells an old item from a new one
    await settle(a, b);
    for (const c of [a, b]) expect(c.store.document()!.lists.find((l) => l.id === LIST)!.resources.map((r) => r.id), c.name).not.toContain(added.id);
  });

  it('a journal that arrives while the data file it follows has not: waited for, no change taken back', async () => {
    // Journals fold into the data file only when this test says (a whole write), not on a timer.
    const { a, b } = await twoComputers({ compactAfterMs: 3_600_000 });
    await settle(a, b);
    const ref = `${LIST}/peps`;
    await a.store.setDone(ref, true); // journaled
    await deliver(a, b);
    await b.sync.syncNow();
    expect(b.store.document()!.progress[ref]?.status).toBe('done');
    // The laptop folds that journal into its data file (a whole write) and starts the next journal.
    const dataFile = join(a.own, DATA_FILE_NAME);
    const generationOnDisk = async () => (JSON.parse(await readFile(dataFile, 'utf8')) as { journalGeneration?: number }).journalGeneration ?? 0;
    const before = await generationOnDisk();
    await a.store.change(() => undefined);
    expect(await generationOnDisk()).toBeGreaterThan(before);
    await a.store.saveNote(ref, 'PEP 3155: qualified names.');
    // The engine has removed the folded journal and brought the new one, but not the new data file yet.
    const target = join(b.folder, 'devices', LAPTOP.id);
    for (const name of await readdir(target)) if (name.includes('.journal-')) await rm(join(target, name));
    for (const name of await readdir(a.own)) if (name.includes('.journal-')) await writeFile(join(target, name), await readFile(join(a.own, name)));
    await b.sync.syncNow();
    expect(b.store.document()!.progress[ref]?.status, 'the tick the missing journal held').toBe('done');
    expect(b.sync.status().peers[0]?.waiting).toMatch(/arriving/);
    await deliver(a, b);
    await b.sync.syncNow();
    expect(b.sync.status().peers[0]?.waiting).toBeNull();
    expect(b.store.document()!.progress[ref]?.status).toBe('done');
    expect(b.store.document()!.notes[ref]?.body).toBe('PEP 3155: qualified names.');
  });

  it('a part added while a merge is being saved is not taken for part of the other computer’s data, and is never lost', async () => {
    // The laptop's data file writes go through a seam that can run something while a write is under way.
    let duringWrite: (() => Promise<unknown>) | null = null;
    const fs: FsSeam = {
      ...realFs,
      async writeFileSynced(path, data) {
        const run = duringWrite;
        duringWrite = null;
        await Promise.all([realFs.writeFileSynced(path, data), run?.()]);
      },
    };
    const root = await tempDir();
    const a = await computer(join(root, 'laptop-sync'), LAPTOP, { fs });
    const b = await computer(join(root, 'desktop-sync'), DESKTOP);
    await settle(a, b);
    await b.store.setDone(`${LIST}/python-documentation`, true); // the desktop changes something else
    await deliver(b, a);
    // The laptop merges it and, while that merge is being written, adds a part to a resource both have.
    const partsOf = (doc: StudyDocument | null) => doc?.lists.find((l) => l.id === LIST)?.resources.find((r) => r.id === 'peps')?.parts.map((p) => p.title) ?? [];
    let added: Promise<unknown> | null = null;
    duringWrite = () => (added = a.store.addPart(`${LIST}/peps`, 'Added while merging', null));
    await a.sync.syncNow();
    expect(added, 'the part was added while the merge was written').not.toBeNull();
    await added;
    const seen = JSON.parse(await readFile(join(a.own, 'seen', `${DESKTOP.id}.json`), 'utf8')) as StudyDocument;
    expect(partsOf(seen), 'the desktop never had it').not.toContain('Added while merging');
    // The desktop changes something again before it has merged the part; the laptop merges that.
    await b.store.setDone(`${LIST}/stupid-python-ideas`, true);
    await deliver(b, a);
    await a.sync.syncNow();
    expect(partsOf(a.store.document())).toContain('Added while merging');
    await settle(a, b);
    for (const c of [a, b]) expect(partsOf(c.store.document()), c.name).toContain('Added while merging');
  });

  it('a folded journal removed before the data file that holds it arrives: waited out, the new list is not taken back', async () => {
    const { a, b } = await twoComputers({ compactAfterMs: 3_600_000 });
    await settle(a, b);
    const list = await a.store.command('createList', 'Compilers', ''); // journaled
    await deliver(a, b);
    await b.sync.syncNow();
    expect(b.store.document()!.lists.map((l) => l.id)).toContain(list.id);
    await a.store.change(() => undefined); // the laptop folds its journal into its data file
    // What stress:syncthing saw Syncthing do: the folded journal is removed on the desktop's copy while
    // the new data file (and the next, empty journal) have not arrived: only the old data file is there.
    const target = join(b.folder, 'devices', LAPTOP.id);
    for (const name of await readdir(target)) if (name.includes('.journal-')) await rm(join(target, name));
    await b.sync.syncNow();
    expect(b.store.document()!.lists.map((l) => l.id), 'the list the missing journal held').toContain(list.id);
    expect(b.sync.status().peers[0]?.waiting).toMatch(/still arriving/);
    await deliver(a, b);
    await b.sync.syncNow();
    expect(b.sync.status().peers[0]?.waiting).toBeNull();
    await settle(a, b);
    for (const c of [a, b]) expect(c.store.document()!.lists.map((l) => l.id), c.name).toContain(list.id);
  });

  it('a file that appears before it is complete is waited for, never merged half', async () => {
    const { a, b } = await twoComputers();
    await a.store.saveNote(`${LIST}/peps`, 'x'.repeat(20_000));
    await a.store.close(); // folds the journal into the data file: one big file to deliver
    running.splice(running.indexOf(a), 1);
    const target = join(b.folder, 'devices', LAPTOP.id, DATA_FILE_NAME);
    await mkdir(join(target, '..'), { recursive: true });
    const bytes = await readFile(join(a.own, DATA_FILE_NAME));
    await writeFile(target, bytes.subarray(0, bytes.length >> 1));
    await b.sync.syncNow();
    expect(b.sync.status().peers[0]?.waiting).toMatch(/not complete yet/);
    expect(b.store.document()!.notes[`${LIST}/peps`]).toBeUndefined();
    await writeFile(target, bytes);
    await b.sync.syncNow();
    expect(b.sync.status().peers[0]?.waiting).toBeNull();
    expect(b.store.document()!.notes[`${LIST}/peps`]?.body).toHaveLength(20_000);
  });

  it('a file replaced again and again while it is read: every read is whole or waited for', async () => {
    const { a, b } = await twoComputers();
    await a.store.setStatus(`${LIST}/peps`, 'in-progress');
    await deliver(a, b);
    const target = join(b.folder, 'devices', LAPTOP.id, DATA_FILE_NAME);
    const versions = [await readFile(target)];
    await a.store.saveNote(`${LIST}/peps`, 'a'.repeat(50_000));
    await a.store.close();
    running.splice(running.indexOf(a), 1);
    versions.push(await readFile(join(a.own, DATA_FILE_NAME)));
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        const bytes = versions[i % 2]!;
        const handle = await open(target, 'w'); // in place, in pieces: the worst an engine can do
        for (let at = 0; at < bytes.length; at += 8192) await handle.write(bytes.subarray(at, at + 8192));
        await handle.close();
      }
    })();
    for (let i = 0; i < 30; i++) {
      await b.sync.syncNow();
      const note = b.store.document()!.notes[`${LIST}/peps`];
      expect(note === undefined || note.body.length === 50_000).toBe(true);
    }
    writing = false;
    await writer;
    await writeFile(target, versions[1]!);
    await b.sync.syncNow();
    expect(b.store.document()!.notes[`${LIST}/peps`]?.body).toHaveLength(50_000);
  });

  it('data written by a newer Studyshelf on the other computer is not merged, and the reason is said', async () => {
    const { a, b } = await twoComputers();
    await a.store.saveNote(`${LIST}/peps`, 'from a newer app');
    await a.store.close();
    running.splice(running.indexOf(a), 1);
    const doc = JSON.parse(await readFile(join(a.own, DATA_FILE_NAME), 'utf8'));
    await mkdir(join(b.folder, 'devices', LAPTOP.id), { recursive: true });
    await writeFile(join(b.folder, 'devices', LAPTOP.id, DATA_FILE_NAME), JSON.stringify({ ...doc, schemaVersion: 99 }));
    await b.sync.syncNow();
    expect(b.sync.status().peers[0]?.waiting).toMatch(/newer version of Studyshelf/);
    expect(b.store.document()!.notes[`${LIST}/peps`]).toBeUndefined();
  });

  it("a sync engine's conflict copy is merged, then moved aside (not deleted)", async () => {
    const { a, b } = await twoComputers();
    await a.store.saveNote(`${LIST}/peps`, 'the laptop wrote this');
    await settle(a, b);
    // As if the laptop's file had been written on two machines: Syncthing keeps the loser as a copy.
    const copy = JSON.parse(await readFile(join(b.folder, 'devices', LAPTOP.id, DATA_FILE_NAME), 'utf8'));
    copy.notes[`${LIST}/stupid-python-ideas`] = { body: 'only in the conflict copy', whereStopped: '', updatedAt: new Date().toISOString() };
    const name = 'studyshelf.sync-conflict-20261126-141500-ABCDEF7.json';
    await writeFile(join(b.folder, 'devices', LAPTOP.id, name), JSON.stringify(copy));
    await b.sync.syncNow();
    expect(b.store.document()!.notes[`${LIST}/stupid-python-ideas`]?.body).toBe('only in the conflict copy');
    expect(await readdir(join(b.folder, 'devices', LAPTOP.id))).not.toContain(name);
    expect((await readdir(join(b.folder, CONFLICT_COPIES_DIR))).some((f) => f.endsWith(name))).toBe(true);
    expect(b.sync.status().conflictCopiesMerged).toBe(1);
  });

  it('Dropbox and Nextcloud conflict copies are recognised too', async () => {
    const { isConflictCopy } = await import('../../../../data/sync/folder-sync');
    expect(isConflictCopy("studyshelf (Laptop's conflicted copy 2026-11-26).json")).toBe(true);
    expect(isConflictCopy('studyshelf (conflicted copy 2026-11-26 141500).json')).toBe(true);
    expect(isConflictCopy('studyshelf.json')).toBe(false);
    expect(isConflictCopy('studyshelf.journal-00000001.ndjson')).toBe(false);
  });

  it('while both run, a change delivered by the engine shows on the other computer within a couple of seconds', async () => {
    const { a, b } = await twoComputers({ watch: true });
    const started = Date.now();
    await a.store.setDone(`${LIST}/python-documentation`, true);
    await deliver(a, b);
    await expect.poll(() => b.store.document()!.progress[`${LIST}/python-documentation`]?.status, { timeout: 2000 }).toBe('done');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('random edits on both computers, delivered in any order and way: they converge and no acknowledged edit is lost', async () => {
    type Op =
      | { kind: 'status'; on: 0 | 1; r: number; status: Status }
      | { kind: 'note'; on: 0 | 1; r: number }
      | { kind: 'add'; on: 0 | 1 }
      | { kind: 'deliver'; from: 0 | 1; mode: Mode }
      | { kind: 'merge'; on: 0 | 1 };
    const on = fc.constantFrom<0 | 1>(0, 1);
    const r = fc.nat({ max: RESOURCES.length - 1 });
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant('status' as const), on, r, status: fc.constantFrom<Status>('todo', 'in-progress', 'done', 'skipped') }),
      fc.record({ kind: fc.constant('note' as const), on, r }),
      fc.record({ kind: fc.constant('add' as const), on }),
      fc.record({ kind: fc.constant('deliver' as const), from: on, mode: fc.constantFrom<Mode>('atomic', 'in-place', 'journal-first', 'seen-first') }),
      fc.record({ kind: fc.constant('merge' as const), on }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 25 }), async (ops) => {
        const { a, b } = await twoComputers();
        const computers = [a, b] as const;
        const lines = new Map<string, string[]>();
        const latest = new Map<string, Status>();
        const added: string[] = [];
        let n = 0;
        for (const o of ops) {
          n += 1;
          if (o.kind === 'deliver') await deliver(computers[o.from], computers[1 - o.from]!, o.mode);
          else if (o.kind === 'merge') await computers[o.on].sync.syncNow();
          else {
            const c = computers[o.on];
            if (o.kind === 'add') {
              const title = `Added ${n} on ${c.name}`;
              await c.store.command('addResource', LIST, { title, url: null, author: null, description: '' });
              added.push(title);
              continue;
            }
            const ref = `${LIST}/${RESOURCES[o.r]}`;
            // Statuses need distinct times to have a "later": the store stamps them with the clock.
            await new Promise((resolve) => setTimeout(resolve, 2));
            if (o.kind === 'status') {
              await c.store.setStatus(ref, o.status);
              latest.set(ref, o.status);
            } else {
              const line = `line ${n} from ${c.name}`;
              const before = c.store.document()!.notes[ref]?.body;
              await c.store.saveNote(ref, before ? `${before}\n${line}` : line);
              lines.set(ref, [...(lines.get(ref) ?? []), line]);
            }
          }
        }
        await settle(a, b);
        const docA = a.store.document()!;
        expect(sameDocument(docA, b.store.document()!)).toBe(true);
        for (const [ref, written] of lines) for (const line of written) expect(docA.notes[ref]?.body.split('\n')).toContain(line);
        for (const [ref, status] of latest) expect(docA.progress[ref]?.status).toBe(status);
        const titles = docA.lists.find((l) => l.id === LIST)!.resources.map((x) => x.title);
        for (const title of added) expect(titles).toContain(title);
        for (const c of [a, b]) {
          c.sync.stop();
          await c.store.close();
          running.splice(running.indexOf(c), 1);
        }
      }),
      { numRuns: Number(process.env.STUDYSHELF_SYNC_RUNS ?? 25) },
    );
  }, 120_000);
});
