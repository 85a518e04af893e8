import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { StudyDocument } from '../data/model/schema';
import { DATA_FILE_NAME, openStore, type Store } from '../data/storage/store';
import { deviceDir } from '../data/sync/device';
import { sameDocument } from '../data/sync/equality';
import { FolderSync } from '../data/sync/folder-sync';
import { readSaved } from '../tests/harness/saved';
import { startSyncthingPair, type SyncthingPair } from '../tests/support/syncthing';
import { PRIVATE_NETWORK_ENV, syncthingSkipReason } from '../tests/support/syncthing-guard';

// `npm run stress:syncthing [-- --minutes N]` (not in CI): two computers' data sides (the store and the
// folder merging, as main runs them) on two folders synced by two real Syncthing daemons, for N minutes
// (default 10) of random edits on both — ticks and statuses, note lines, parts — while the devices are
// paused and resumed at random. Then both must converge to the same document with every acknowledged
// change in it: each note line either computer saved, each part either added, for each status the
// latest either set, each list either created and each resource either added (unless that computer
// deleted it again), and none of the resources a computer added and then deleted. It re-runs itself inside a loopback-only network namespace (private-network.ts).

const { values } = parseArgs({ options: { minutes: { type: 'string', default: '10' }, seed: { type: 'string' } } });
const minutes = Number(values.minutes);

const LIST = 'python-behind-the-scenes-resources';
const RESOURCES = ['python-documentation', 'peps', 'your-guide-to-the-cpython-source-code', 'stupid-python-ideas', 'to-gil-or-not-to-gil'];
const STATUSES = ['todo', 'in-progress', 'done', 'skipped'] as const;

let seed = Number(values.seed ?? Date.now() % 2 ** 31);
const firstSeed = seed;
/** mulberry32: a run can be repeated with --seed. */
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

interface Side {
  name: string;
  folder: string;
  store: Store;
  sync: FolderSync;
  counts: { ticks: number; noteLines: number; parts: number; lists: number; added: number; deleted: number; refused: number };
  /** Resources this computer added that may still be deleted by it (the other never edits them). */
  own: string[];
}

/** What was acknowledged: what must be there at the end. */
const lines: string[] = [];
const parts: string[] = [];
const createdLists = new Set<string>();
const addedResources = new Set<string>();
const deletedResources = new Set<string>();
const statuses = new Map<string, Array<{ status: string; at: string; by: string }>>();

async function edit(side: Side, n: number): Promise<void> {
  const ref = `${LIST}/${pick(RESOURCES)}`;
  const what = random();
  try {
    if (what < 0.5) {
      const status = pick(STATUSES);
      const entry = await side.store.setStatus(ref, status);
      statuses.set(ref, [...(statuses.get(ref) ?? []), { status, at: entry.updatedAt, by: side.name }]);
      side.counts.ticks++;
    } else if (what < 0.9) {
      const line = `${side.name} line ${n}`;
      const body = side.store.document()!.notes[ref]?.body ?? '';
      await side.store.saveNote(ref, body ? `${body}\n${line}` : line);
      lines.push(line);
      side.counts.noteLines++;
    } else if (what < 0.95) {
      const title = `${side.name} part ${n}`;
      await side.store.addPart(ref, title, null);
      parts.push(title);
      side.counts.parts++;
    } else if (what < 0.965) {
      const list = await side.store.command('createList', `${side.name} list ${n}`, '');
      createdLists.add(list.id);
      side.counts.lists++;
    } else if (what < 0.985 || side.own.length === 0) {
      const resource = await side.store.command('addResource', LIST, { title: `${side.name} resource ${n}`, url: null, author: null, description: '' });
      addedResources.add(resource.id);
      side.own.push(resource.id);
      side.counts.added++;
    } else {
      const id = side.own.splice(Math.floor(random() * side.own.length), 1)[0]!;
      await side.store.command('deleteResource', `${LIST}/${id}`);
      addedResources.delete(id);
      deletedResources.add(id);
      side.counts.deleted++;
    }
  } catch {
    side.counts.refused++; // not acknowledged: not expected at the end
  }
}

async function computer(folder: string, device: { id: string; name: string }): Promise<Side> {
  const store = await openStore({ dir: deviceDir(folder, device.id) });
  const sync = new FolderSync({ folder, device, store, settleMs: 100, pollMs: 2000 });
  await sync.start();
  return { name: device.name, folder, store, sync, counts: { ticks: 0, noteLines: 0, parts: 0, lists: 0, added: 0, deleted: 0, refused: 0 }, own: [] };
}

/** Everything the run acknowledged that `doc` does not hold. */
function missing(doc: StudyDocument): string[] {
  const lost: string[] = [];
  const notes = Object.values(doc.notes).map((n) => n.body).join('\n').split('\n');
  const have = new Set(notes);
  for (const line of lines) if (!have.has(line)) lost.push(`note line "${line}"`);
  const partTitles = new Set(doc.lists.flatMap((l) => l.resources.flatMap((r) => r.parts.map((p) => p.title))));
  for (const title of parts) if (!partTitles.has(title)) lost.push(`part "${title}"`);
  const listIds = new Set(doc.lists.map((l) => l.id));
  for (const id of createdLists) if (!listIds.has(id)) lost.push(`list ${id}`);
  const resourceIds = new Set(doc.lists.find((l) => l.id === LIST)?.resources.map((r) => r.id));
  for (const id of addedResources) if (!resourceIds.has(id)) lost.push(`resource ${id}`);
  for (const id of deletedResources) if (resourceIds.has(id)) lost.push(`resource ${id} came back after it was deleted`);
  for (const [ref, sets] of statuses) {
    const latest = [...sets].sort((a, b) => a.at.localeCompare(b.at)).at(-1)!;
    const tie = sets.filter((s) => s.at === latest.at && s.status !== latest.status).length > 0;
    const status = doc.progress[ref]?.status ?? 'todo';
    if (!tie && status !== latest.status) lost.push(`status of ${ref}: ${status}, latest set was ${latest.status} (${latest.by}, ${latest.at})`);
  }
  return lost;
}

async function main(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'studyshelf-stress-'));
  const folders: [string, string] = [join(root, 'laptop', 'Studyshelf'), join(root, 'desktop', 'Studyshelf')];
  let pair: SyncthingPair | undefined;
  const started = Date.now();
  try {
    pair = await startSyncthingPair({ folders });
    await pair.waitConnected();
    const laptop = await computer(folders[0], { id: 'dev-laptop', name: 'laptop' });
    const desktop = await computer(folders[1], { id: 'dev-desktop', name: 'desktop' });
    const sides = [laptop, desktop];
    let pauses = 0;
    let paused: typeof pair.a | null = null;
    let n = 0;
    const end = Date.now() + minutes * 60_000;
    console.log(`stress:syncthing: ${minutes} min, seed ${firstSeed}`);
    while (Date.now() < end) {
      // A burst of edits on one side or both at once, then maybe a pause or a reconnect.
      const burst = 1 + Math.floor(random() * 8);
      await Promise.all(sides.map(async (side) => {
        for (let i = 0; i < burst; i++) if (random() < 0.7) await edit(side, n++);
      }));
      if (random() < 0.08) {
        // The device that paused its peer is the one to resume it.
        if (paused) {
          await pair.resumePeer(paused);
          paused = null;
        } else {
          paused = pick([pair.a, pair.b]);
          await pair.pausePeer(paused);
          pauses++;
        }
      }
      // Pacing between bursts: a workload, not a wait for a condition.
      await new Promise((resolve) => setTimeout(resolve, 50 + random() * 400));
    }
    if (paused) await pair.resumePeer(paused);
    const editing = Date.now();

    // Converge: Syncthing idle both ways, both merged, the same document on both.
    let rounds = 0;
    for (;;) {
      rounds++;
      await pair.waitInSync(120_000);
      await laptop.sync.syncNow();
      await desktop.sync.syncNow();
      if (sameDocument(laptop.store.document()!, desktop.store.document()!)) break;
      if (Date.now() - editing > 180_000) throw new Error('the two computers did not converge within 3 minutes');
    }
    const converged = Date.now();
    const lostInMemory = sides.map((s) => missing(s.store.document()!));
    for (const side of sides) {
      side.sync.stop();
      await side.store.close();
    }
    const saved = await Promise.all(sides.map((s) => readSaved(join(deviceDir(s.folder, s === laptop ? 'dev-laptop' : 'dev-desktop'), DATA_FILE_NAME))));
    const lostOnDisk = saved.map(missing);
    const sameOnDisk = sameDocument(saved[0]!, saved[1]!);
    const conflicts = Object.values(saved[0]!.notes).filter((note) => note.body.includes('<<<<<<< ')).length;

    console.log(`edits for ${((editing - started) / 60_000).toFixed(1)} min, converged ${((converged - editing) / 1000).toFixed(1)} s after the last edit (${rounds} rounds)`);
    for (const side of sides) console.log(`  ${side.name}: ${side.counts.ticks} statuses, ${side.counts.noteLines} note lines, ${side.counts.parts} parts, ${side.counts.lists} lists, ${side.counts.added} resources added and ${side.counts.deleted} deleted, acknowledged; ${side.counts.refused} refused`);
    console.log(`  pauses and reconnects of the devices: ${pauses}`);
    console.log(`  acknowledged: ${lines.length} note lines, ${parts.length} parts, statuses on ${statuses.size} resources`);
    console.log(`  notes with both versions kept, to resolve: ${conflicts}`);
    console.log(`  same document on both: in memory yes, on disk after quitting ${sameOnDisk ? 'yes' : 'NO'}`);
    sides.forEach((side, i) => console.log(`  missing on the ${side.name}: ${lostInMemory[i]!.length} in memory, ${lostOnDisk[i]!.length} on disk${lostOnDisk[i]!.length ? `: ${lostOnDisk[i]!.slice(0, 5).join('; ')}` : ''}`));
    if (!sameOnDisk || [...lostInMemory, ...lostOnDisk].some((l) => l.length > 0)) process.exitCode = 1;
  } finally {
    await pair?.stop();
    await rm(root, { recursive: true, force: true });
  }
}

if (process.env[PRIVATE_NETWORK_ENV] !== '1') {
  const child = spawn('npx', ['tsx', 'scripts/private-network.ts', 'npx', 'tsx', 'scripts/syncthing-stress.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 1));
} else {
  const reason = syncthingSkipReason();
  if (reason) {
    console.error(`stress:syncthing cannot run here: ${reason}`);
    process.exit(2);
  }
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
