import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { DATA_FILE_NAME } from '../data/storage/store';
import { editCosts, startupRead } from './durable-bench';
import { bigDocument, writeProfile } from './fixture';
import { importBench } from './import-bench';
import { searchPeers, sqliteMissing } from './sqlite-peer';
import { tickBench } from './tick-bench';
import { uiBench } from './ui-bench';

// `npm run bench`: every hot path with 10,000 resources, as a table and as bench/results.json. A
// benchmark that prints what it measured, never a timed test. Takes a few minutes on 2 cores.
const here = fileURLToPath(new URL('.', import.meta.url));
const SIZES = [100, 1_000, 10_000];
const work = await mkdtemp(join(tmpdir(), 'studyshelf-bench-'));
const log = (text: string) => process.stderr.write(`${text}\n`);
/** The memory peer: a bare Node process that reads and parses a data file, and holds it. */
const PARSE_ONLY = `const doc = JSON.parse(require('node:fs').readFileSync(process.argv[1], 'utf8')); globalThis.gc(); process.stdout.write(JSON.stringify({ lists: doc.lists.length, rssMB: Math.round(process.memoryUsage().rss / 104857.6) / 10 }));`;

try {
  // The peer, in the same run on the same disk: SQLite (node:sqlite, WAL, synchronous=FULL), its tick
  // in the same loop as ours (see toggleToDurable).
  const missing = sqliteMissing();
  if (missing) log(`SQLite peer rows skipped: ${missing}.`);
  log('toggle to durable, beside SQLite…');
  const toggles = await tickBench(work, SIZES);
  const peerTicks = toggles.flatMap((t) => (t.peerMs ? [{ resources: t.resources, tickMs: t.peerMs }] : []));
  log('SQLite peer: search…');
  const peerSearch = missing ? null : searchPeers(10_000);

  log('edits…');
  const edits = await editCosts(join(work, 'edits'), 10_000, 30);

  log('start-up in main…');
  const startup = await startupRead(join(work, 'startup'), 10_000);

  log('main process memory (bundled, as the app runs it)…');
  const bundle = join(work, 'main-memory.mjs');
  await build({
    entryPoints: [join(here, 'main-memory.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: bundle,
    logLevel: 'warning',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  // The profile is written here, so the measured process holds only what the app does; the peer is a
  // bare Node process that only reads and parses the same data file (the least a process holding it can be).
  const profile = await writeProfile(join(work, 'memory-profile'), bigDocument(10_000));
  const mainMemory = JSON.parse(execFileSync(process.execPath, ['--expose-gc', bundle, '10000', profile], { encoding: 'utf8' })) as { rssMB: number; afterCloseRssMB: number };
  const parseOnly = JSON.parse(
    execFileSync(process.execPath, ['--expose-gc', '-e', PARSE_ONLY, join(profile, DATA_FILE_NAME)], { encoding: 'utf8' }),
  ) as { rssMB: number };

  log('imports…');
  const imports = await importBench();

  log('the window on the harness (Chromium)…');
  const ui = await uiBench(10_000);

  const machine = { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', memoryGB: Math.round(totalmem() / 1024 ** 3), node: process.version, chromium: ui.chromium };
  const rows = [
    ...toggles.map((t) => ({
      measure: `tick → durable, ${t.resources.toLocaleString('en')} resources (p95)`,
      value: `${t.toggleMs.p95} ms`,
      floor: `${t.floorSameBytesMs.p95} ms (same ${t.bytesPerToggle} bytes); whole document ${t.floorWholeDocumentMs.p95} ms`,
      goal: '≤ 1.3 × floor',
      met: t.p95Ratio <= 1.3 ? `yes (${t.p95Ratio}×)` : `no (${t.p95Ratio}×)`,
    })),
    ...peerTicks.map((p, i) => {
      const ratio = Math.round((toggles[i]!.toggleMs.p95 / p.tickMs.p95) * 100) / 100;
      return {
        measure: `peer: SQLite tick (WAL, FULL), ${p.resources.toLocaleString('en')} rows (p95)`,
        value: `${p.tickMs.p95} ms`,
        floor: `p50 ${p.tickMs.p50} ms; ours ${toggles[i]!.toggleMs.p95} ms = ${ratio}× SQLite`,
        goal: 'ours ≤ 1.0× SQLite',
        met: ratio <= 1 ? 'yes' : 'no',
      };
    }),
    ...(peerSearch
      ? [
          {
            measure: `search query itself, ${peerSearch.keystrokes} keystrokes × 3 (p95)`,
            value: `${peerSearch.oursMs.p95} ms`,
            floor: `p50 ${peerSearch.oursMs.p50} ms; SQLite FTS5 p95 ${peerSearch.fts5Ms.p95} ms, p50 ${peerSearch.fts5Ms.p50} ms = ${peerSearch.ratioP95}×`,
            goal: 'ours ≤ 1.0× FTS5',
            met: peerSearch.ratioP95 <= 1 ? 'yes' : 'no',
          },
        ]
      : []),
    { measure: 'add a part, 10,000 resources (p95, journaled)', value: `${edits.addPartMs.p95} ms`, floor: `p50 ${edits.addPartMs.p50} ms`, goal: '', met: '' },
    { measure: 'add a resource, 10,000 (p95, journaled command)', value: `${edits.addResourceMs.p95} ms`, floor: `p50 ${edits.addResourceMs.p50} ms`, goal: '', met: '' },
    { measure: 'start: read + parse + validate 10,000 (main)', value: `${startup.readParseValidateMs} ms`, floor: `openStore ${startup.openStoreMs} ms`, goal: '', met: '' },
    {
      measure: 'start: window to first list paint (harness)',
      value: `${ui.reloadToFirstListPaintMs} ms`,
      floor: `of it, the ${Math.round(startup.stateBytes / 1024)} KB state through the harness's CDP binding ${ui.stateThroughHarnessMs} ms; Electron's IPC copy of it (structured clone) ${startup.stateCloneMs} ms; harness launch to paint ${ui.launchToFirstPaintMs} ms`,
      goal: '< 1000 ms',
      met: ui.reloadToFirstListPaintMs < 1000 ? 'yes' : 'no',
    },
    { measure: 'search: keystroke → echo painted (p95)', value: `${ui.searchKeystrokeMs.echo.p95} ms`, floor: `p50 ${ui.searchKeystrokeMs.echo.p50} ms`, goal: '≤ 16.7 ms', met: ui.searchKeystrokeMs.echo.p95 <= 16.7 ? 'yes' : 'no' },
    { measure: 'search: keystroke → results painted (p95)', value: `${ui.searchKeystrokeMs.results.p95} ms`, floor: `p50 ${ui.searchKeystrokeMs.results.p50} ms`, goal: '≤ 50 ms', met: ui.searchKeystrokeMs.results.p95 <= 50 ? 'yes' : 'no' },
    { measure: 'scroll: frame time (p95)', value: `${ui.scrollFrameMs.p95} ms`, floor: `p50 ${ui.scrollFrameMs.p50} ms, ${ui.cardsInDom} cards in the page`, goal: '≤ 16.7 ms', met: ui.scrollFrameMs.p95 <= 16.7 ? 'yes' : 'no' },
    ...imports.map((i) => ({
      measure: `import: ${i.name} (job: read in slices, add, save)`,
      value: `${i.medianMs} ms`,
      floor: `preview ${i.previewMs} ms; main blocked ≤ ${i.longestBlockMs} ms; ${Math.round(i.bytes / 1024)} KB`,
      goal: '< 300 ms',
      met: i.medianMs < 300 ? 'yes' : 'no',
    })),
    { measure: 'memory: renderer JS heap', value: `${ui.rendererHeapMB} MB`, floor: '', goal: '< 150 MB', met: ui.rendererHeapMB < 150 ? 'yes' : 'no' },
    {
      measure: "memory: main's RSS (data side, running)",
      value: `${mainMemory.rssMB} MB`,
      floor: `peer: bare Node holding the parsed file ${parseOnly.rssMB} MB; ours after close ${mainMemory.afterCloseRssMB} MB`,
      goal: '< 150 MB',
      met: mainMemory.rssMB < 150 ? 'yes' : 'no',
    },
  ];
  console.log(`Studyshelf bench, ${new Date().toISOString()}`);
  console.log(`Machine: ${machine.cpus} × ${machine.model}, ${machine.memoryGB} GB; Node ${machine.node}; Chromium ${machine.chromium}`);
  console.table(rows);
  const results = { date: new Date().toISOString(), machine, toggles, peers: { sqlite: missing ?? 'node:sqlite', ticks: peerTicks, search: peerSearch }, edits, startup, ui, imports, mainMemory };
  await writeFile(join(here, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('Wrote bench/results.json');
} finally {
  await rm(work, { recursive: true, force: true });
}
