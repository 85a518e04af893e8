import { open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Journal } from '../data/storage/journal';
import { DocumentSchema } from '../data/model/schema';
import { DATA_FILE_NAME, openStore } from '../data/storage/store';
import { stateOf } from '../electron/api/handlers';
import { BIG_LIST, bigDocument, writeProfile } from './fixture';
import type { SqliteTicker } from './sqlite-peer';

export interface Percentiles {
  p50: number;
  p95: number;
}

export function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: round(at(0.5)), p95: round(at(0.95)) };
}

export const round = (n: number) => Math.round(n * 100) / 100;

/** The physical floor: the same bytes, written with write + fsync + rename and nothing else. */
async function floorWrite(dir: string, bytes: Buffer, n: number): Promise<number> {
  const temp = join(dir, `floor.${n}.tmp`);
  const started = performance.now();
  const handle = await open(temp, 'wx');
  await handle.writeFile(bytes);
  await handle.sync();
  await handle.close();
  await rename(temp, join(dir, 'floor.json'));
  return performance.now() - started;
}

/** The bytes a file holds from `at` up to its next NUL byte (a journal line never holds one). */
async function bytesAt(file: string, at: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read({ buffer: Buffer.alloc(64 * 1024), position: at });
    const end = buffer.subarray(0, bytesRead).indexOf(0);
    return buffer.subarray(0, end === -1 ? bytesRead : end);
  } finally {
    await handle.close();
  }
}

/**
 * Toggle to durable: from the API call that ticks a resource until the store says it is on disk (the
 * promise resolves after the journal line is fdatasync'd). Each toggle is paired with a floor write in
 * the same moment: the same bytes the toggle wrote (its journal line), with write + fsync + rename and
 * nothing else; for comparison, the whole document is written as many times after the toggles. The
 * peer (SQLite's one-row update), when given, ticks the same ref in the same loop, before ours on every
 * other turn, so both meet the disk in the same state (the floor write just before leaves the file
 * system work that the next sync pays for).
 */
export async function toggleToDurable(dir: string, resources: number, calls: number, peer?: SqliteTicker) {
  await writeProfile(dir, bigDocument(resources));
  const store = await openStore({ dir, compactAfterMs: 60_000 });
  const file = join(dir, DATA_FILE_NAME);
  const ours: number[] = [];
  const peers: number[] = [];
  const floor: number[] = [];
  const documentFloor: number[] = [];
  let lineBytes = 0;
  // Where the journal's content ends: the file is made with room after it (NUL bytes), so its size says nothing.
  let journal: string | undefined;
  let before = 0;
  for (let i = 0; i < calls + 5; i++) {
    const ref = `${BIG_LIST}/r${(i * 37) % resources}`;
    const current = (await Journal.files(file)).at(-1)?.file;
    if (current !== journal) [journal, before] = [current, 0];
    const peerFirst = i % 4 < 2;
    const peerTook = peer && peerFirst ? peer.tick(ref, i % 2 === 0) : 0;
    const started = performance.now();
    await store.setDone(ref, i % 2 === 0);
    const took = performance.now() - started;
    const peerAfter = peer && !peerFirst ? peer.tick(ref, i % 2 === 0) : 0;
    const written = await bytesAt((await Journal.files(file)).at(-1)!.file, before);
    before += written.length;
    lineBytes = written.length;
    const floorTook = await floorWrite(dir, written, i);
    if (i >= 5) {
      ours.push(took);
      peers.push(peerTook + peerAfter);
      floor.push(floorTook);
    }
  }
  // The whole document's floor, in a loop of its own: made between ticks, its 4 MB text (at 10,000)
  // left the process's heap to be marked and swept by whatever allocated next, which was our tick and
  // hardly SQLite's (ours measured 0.38 → 0.96 ms at p50 with only the stringify between ticks, its
  // append's syscalls 0.26 → 0.59 ms). No app makes a whole document between two ticks.
  const whole = Buffer.from(JSON.stringify(store.document(), null, 2));
  for (let i = 0; i < calls; i++) documentFloor.push(await floorWrite(dir, whole, i + 100_000));
  const bytes = (await readFile(file)).length;
  await store.close();
  peer?.close();
  await rm(dir, { recursive: true, force: true });
  const a = percentiles(ours);
  const b = percentiles(floor);
  return {
    peerMs: peer ? percentiles(peers) : null,
    resources,
    documentBytes: bytes,
    bytesPerToggle: lineBytes,
    calls,
    toggleMs: a,
    floorSameBytesMs: b,
    p95Ratio: round(a.p95 / b.p95),
    floorWholeDocumentMs: percentiles(documentFloor),
  };
}

/** Start-up in main: reading, parsing and validating the document, and the whole openStore. */
export async function startupRead(dir: string, resources: number) {
  await writeProfile(dir, bigDocument(resources));
  const file = join(dir, DATA_FILE_NAME);
  const parse: number[] = [];
  const opens: number[] = [];
  for (let i = 0; i < 7; i++) {
    let started = performance.now();
    DocumentSchema.parse(JSON.parse(await readFile(file, 'utf8')));
    parse.push(performance.now() - started);
    started = performance.now();
    const store = await openStore({ dir });
    opens.push(performance.now() - started);
    await store.close();
  }
  // The state the window asks for at start, and what Electron's IPC does with it: a structured clone.
  const store = await openStore({ dir });
  const state = stateOf(store, true);
  const clones: number[] = [];
  for (let i = 0; i < 7; i++) {
    const started = performance.now();
    structuredClone(state);
    clones.push(performance.now() - started);
  }
  const stateBytes = JSON.stringify(state).length;
  await store.close();
  await rm(dir, { recursive: true, force: true });
  return { resources, readParseValidateMs: percentiles(parse.slice(2)).p50, openStoreMs: percentiles(opens.slice(2)).p50, stateBytes, stateCloneMs: percentiles(clones.slice(2)).p50 };
}

/**
 * Edits at 10,000 resources, from the call until durable: a part added (journaled with its resource)
 * and a resource added to the list (journaled as a command).
 */
export async function editCosts(dir: string, resources: number, calls: number) {
  await writeProfile(dir, bigDocument(resources));
  const store = await openStore({ dir, compactAfterMs: 60_000 });
  const parts: number[] = [];
  const added: number[] = [];
  for (let i = 0; i < calls; i++) {
    let started = performance.now();
    await store.addPart(`${BIG_LIST}/r${i}`, `Chapter ${i}`, null);
    parts.push(performance.now() - started);
    started = performance.now();
    await store.command('addResource', BIG_LIST, { title: `New ${i}`, url: null, author: null, description: '' });
    added.push(performance.now() - started);
  }
  await store.close();
  await rm(dir, { recursive: true, force: true });
  return { resources, addPartMs: percentiles(parts), addResourceMs: percentiles(added) };
}
