import { performance } from 'node:perf_hooks';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../data/storage/store';
import { dispatch } from '../electron/api/dispatch';
import { createHandlers } from '../electron/api/handlers';

// `npm run bench:import`: how long importing 10,000 links takes in main, the way the window asks for it.
// A benchmark that prints its figures (median of several runs, after a warm-up), not a timed test.
// Goal: under 300 ms each.
const N = 10_000;
const markdown = ['# Ten thousand links', '', ...Array.from({ length: N }, (_, i) => `${i % 500 === 0 ? `\n## Section ${i / 500}\n\n` : ''}- [Resource ${i}](https://example.com/${i}) - description of resource ${i}`)].join('\n');
const bookmarks = [
  '<!DOCTYPE NETSCAPE-Bookmark-file-1>',
  '<TITLE>Bookmarks</TITLE><H1>Bookmarks</H1>',
  '<DL><p>',
  ...Array.from({ length: N / 100 }, (_, f) => [
    `<DT><H3 ADD_DATE="1700000000">Folder ${f}</H3>`,
    '<DL><p>',
    ...Array.from({ length: 100 }, (_, i) => `<DT><A HREF="https://example.com/${f}/${i}" ADD_DATE="1700000${i}">Bookmark ${f}-${i}</A>`),
    '</DL><p>',
  ]).flat(),
  '</DL>',
].join('\n');

/**
 * Through the path the app runs: the IPC handler (dispatch, as the window calls it) starts a job, the
 * file is read in slices (parse-in-slices), then added and saved by the store. Each run on a fresh
 * data folder with the bundled lists in it, as on a first day. Also measured: main's longest stretch
 * without a turn of its event loop during the run (what a user feels as a frozen window).
 */
async function measure(name: string, file: string, content: string) {
  const times: number[] = [];
  const previews: number[] = [];
  const blocks: number[] = [];
  let count = 0;
  for (let run = 0; run < 7; run++) {
    const dir = await mkdtemp(join(tmpdir(), 'studyshelf-import-bench-'));
    try {
      const store = await openStore({ dir });
      const handlers = createHandlers({ store, openExternal: async () => undefined, openPath: async () => undefined, notify: () => undefined });
      const call = async <T>(method: string, ...args: unknown[]) => {
        const result = (await dispatch(handlers, method, args, () => undefined)) as { ok: true; value: T } | { ok: false; error: { message: string } };
        if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
        return result.value;
      };
      const lag = longestBlock();
      let started = performance.now();
      count = (await call<{ resources: unknown[] }>('previewImport', file, content, `preview-${run}`)).resources.length;
      previews.push(performance.now() - started);
      started = performance.now();
      await call('importList', file, content, 'new', `import-${run}`);
      times.push(performance.now() - started);
      blocks.push(lag.stop());
      await store.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  const median = (values: number[]) => {
    const measured = values.slice(2).sort((a, b) => a - b);
    return Math.round(measured[Math.floor(measured.length / 2)]! * 10) / 10;
  };
  return { name, resources: count, bytes: content.length, previewMs: median(previews), medianMs: median(times), longestBlockMs: median(blocks), goalMs: 300 };
}

/** The longest gap between turns of the event loop from now until `stop`. */
function longestBlock() {
  let last = performance.now();
  let longest = 0;
  let running = true;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  return {
    stop() {
      running = false;
      return Math.round(Math.max(longest, performance.now() - last) * 10) / 10;
    },
  };
}

export async function importBench() {
  return [await measure('Markdown, 10,000 links', 'links.md', markdown), await measure('Bookmarks HTML, 10,000 bookmarks', 'bookmarks.html', bookmarks)];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await importBench();
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}, Node ${process.version}`);
  console.table(results);
  console.log(JSON.stringify({ date: new Date().toISOString(), results }, null, 2));
}
