import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toggleToDurable } from './durable-bench';
import { sqliteMissing, sqliteTicker } from './sqlite-peer';

// `npm run bench:tick`: the tick part of `npm run bench` alone (ours and SQLite's, in the same loop, at
// each size), for judging a change to the tick's path without running the whole bench.

/** Ours and, where node:sqlite exists, SQLite's tick, at each size, in folders under `work`. */
export async function tickBench(work: string, sizes: readonly number[], calls = 200) {
  const results: Awaited<ReturnType<typeof toggleToDurable>>[] = [];
  for (const size of sizes) {
    const peer = sqliteMissing() ? undefined : await sqliteTicker(join(work, `sqlite-${size}`), size);
    results.push(await toggleToDurable(join(work, `toggle-${size}`), size, calls, peer));
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const work = await mkdtemp(join(tmpdir(), 'studyshelf-tick-'));
  try {
    const missing = sqliteMissing();
    if (missing) console.log(`SQLite peer skipped: ${missing}.`);
    const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
    for (const t of await tickBench(work, sizes.length > 0 ? sizes : [100, 1_000, 10_000])) {
      const peer = t.peerMs ? `; SQLite p50 ${t.peerMs.p50} ms, p95 ${t.peerMs.p95} ms = ${Math.round((t.toggleMs.p95 / t.peerMs.p95) * 100) / 100}×` : '';
      console.log(`${t.resources} resources: tick p50 ${t.toggleMs.p50} ms, p95 ${t.toggleMs.p95} ms${peer}; same bytes p95 ${t.floorSameBytesMs.p95} ms`);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
