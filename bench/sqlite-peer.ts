import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DatabaseSync } from 'node:sqlite';
import { applyFilters, buildIndex, NO_FILTERS } from '../renderer/search';
import { BIG_LIST, bigDocument } from './fixture';
import { percentiles, round, type Percentiles } from './durable-bench';

// The peer a study app would otherwise store in (Joplin does): SQLite, through Node's own `node:sqlite`
// (Node 22.5 and later). Measured in the same run, on the same disk and the same 10,000 resources and
// notes as ours, so each of our figures can be printed as a ratio to it.

/** node:sqlite, or why it cannot be had on this Node. */
function sqlite(): { DatabaseSync: typeof DatabaseSync } | { missing: string } {
  try {
    return createRequire(import.meta.url)('node:sqlite') as { DatabaseSync: typeof DatabaseSync };
  } catch {
    return { missing: `node:sqlite is not in Node ${process.version} (it is from Node 22.5)` };
  }
}

export function sqliteMissing(): string | null {
  const found = sqlite();
  return 'missing' in found ? found.missing : null;
}

function open(file: string): DatabaseSync {
  const found = sqlite();
  if ('missing' in found) throw new Error(found.missing);
  const db = new found.DatabaseSync(file);
  // Durable at each commit, as our tick is: WAL with a full sync of the log.
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;');
  return db;
}

/** One tick in SQLite, timed: what the tick bench runs beside each of ours. */
export interface SqliteTicker {
  tick(ref: string, done: boolean): number;
  close(): void;
}

/**
 * A tick in SQLite: one row of progress upserted in its own transaction (autocommit), the document's
 * resources in a table beside it. Timed from the call until it returns (node:sqlite is synchronous, so
 * that is when the WAL frame is fsync'd).
 */
export async function sqliteTicker(dir: string, resources: number): Promise<SqliteTicker> {
  await mkdir(dir, { recursive: true });
  const db = open(join(dir, `peer-${resources}.sqlite`));
  db.exec(`CREATE TABLE resources (id TEXT PRIMARY KEY, list TEXT, title TEXT, url TEXT, description TEXT);
    CREATE TABLE progress (ref TEXT PRIMARY KEY, status TEXT, started_at TEXT, done_at TEXT, updated_at TEXT);`);
  const doc = bigDocument(resources);
  const insert = db.prepare('INSERT INTO resources VALUES (?, ?, ?, ?, ?)');
  db.exec('BEGIN');
  for (const r of doc.lists[0]!.resources) insert.run(r.id, BIG_LIST, r.title, r.url, r.description);
  db.exec('COMMIT');
  const upsert = db.prepare(
    `INSERT INTO progress VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(ref) DO UPDATE SET status = excluded.status, done_at = excluded.done_at, updated_at = excluded.updated_at`,
  );
  return {
    tick(ref, done) {
      const at = new Date().toISOString();
      const started = performance.now();
      upsert.run(ref, done ? 'done' : 'todo', at, done ? at : null, at);
      return performance.now() - started;
    },
    close: () => db.close(),
  };
}

/** What a person types, one keystroke at a time: every prefix of each query is a search. */
const QUERIES = ['interpreter', 'garbage coll', 'bytecode cache', 'ada', 'gener'];
const keystrokes = () => QUERIES.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)).filter((p) => p.trim() !== ''));

/**
 * The search itself, per keystroke, over the same 10,000 resources and 1 MB of notes: ours (the window's
 * MiniSearch index and its filters, in Node) against SQLite FTS5 answering a prefix query with the matching
 * ids, every word required.
 */
export function searchPeers(resources: number): { resources: number; keystrokes: number; oursMs: Percentiles; fts5Ms: Percentiles; ratioP95: number } {
  const doc = bigDocument(resources);
  const list = doc.lists[0]!;
  const index = buildIndex(list, doc.notes);
  const db = open(':memory:');
  db.exec("CREATE VIRTUAL TABLE fts USING fts5(id UNINDEXED, title, author, description, note, tokenize = 'unicode61')");
  const insert = db.prepare('INSERT INTO fts VALUES (?, ?, ?, ?, ?)');
  db.exec('BEGIN');
  for (const r of list.resources) insert.run(r.id, r.title, r.author ?? '', r.description, doc.notes[`${BIG_LIST}/${r.id}`]?.body ?? '');
  db.exec('COMMIT');
  const query = db.prepare('SELECT id FROM fts WHERE fts MATCH ?');
  const ours: number[] = [];
  const fts5: number[] = [];
  let agreeing = 0;
  const typed = keystrokes();
  for (let round_ = 0; round_ < 3; round_++) {
    for (const text of typed) {
      let started = performance.now();
      const found = applyFilters(list, doc.progress, doc.notes, { ...NO_FILTERS, query: text }, index).length;
      ours.push(performance.now() - started);
      const match = text
        .trim()
        .split(/\s+/)
        .map((word) => `"${word.replaceAll('"', '""')}"*`)
        .join(' ');
      started = performance.now();
      const rows = query.all(match).length;
      fts5.push(performance.now() - started);
      if (round_ === 0 && rows > 0 && found > 0) agreeing++;
    }
  }
  db.close();
  if (agreeing === 0) throw new Error('The two searches found nothing in common: the comparison would mean nothing.');
  const a = percentiles(ours);
  const b = percentiles(fts5);
  return { resources, keystrokes: typed.length, oursMs: a, fts5Ms: b, ratioP95: round(a.p95 / b.p95) };
}
