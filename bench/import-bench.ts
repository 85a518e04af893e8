import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { importFile } from '../data/import/detect';

// `npm run bench:import`: how long the importers take on 10,000 links. A benchmark that prints its
// figures (median of several runs, after a warm-up), not a timed test. Goal: under 300 ms each.
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

function measure(name: string, file: string, content: string) {
  const times: number[] = [];
  let count = 0;
  for (let run = 0; run < 7; run++) {
    const started = performance.now();
    count = importFile(file, content).resources.length;
    times.push(performance.now() - started);
  }
  const measured = times.slice(2).sort((a, b) => a - b);
  return { name, resources: count, bytes: content.length, medianMs: Math.round(measured[Math.floor(measured.length / 2)]! * 10) / 10, goalMs: 300 };
}

export function importBench() {
  return [measure('Markdown, 10,000 links', 'links.md', markdown), measure('Bookmarks HTML, 10,000 bookmarks', 'bookmarks.html', bookmarks)];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = importBench();
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}, Node ${process.version}`);
  console.table(results);
  console.log(JSON.stringify({ date: new Date().toISOString(), results }, null, 2));
}
