import { searchPeers, sqliteMissing } from './sqlite-peer';

// `npm run bench:search`: the search part of `npm run bench` alone (ours against SQLite FTS5 over the
// same 10,000 resources and notes, keystroke by keystroke), run `runs` times (default 3) in a row.
const missing = sqliteMissing();
if (missing) {
  console.log(`SQLite peer skipped: ${missing}.`);
} else {
  const runs = Number(process.argv[2] ?? 3) || 3;
  for (let i = 0; i < runs; i++) {
    const s = searchPeers(10_000);
    console.log(`search, ${s.keystrokes} keystrokes × 3: ours p50 ${s.oursMs.p50} ms, p95 ${s.oursMs.p95} ms; FTS5 p50 ${s.fts5Ms.p50} ms, p95 ${s.fts5Ms.p95} ms = ${s.ratioP95}× at p95`);
  }
}
