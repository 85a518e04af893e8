import { describe, expect, it } from 'vitest';
import { readBackupFile } from '../../../data/storage/backup-file';
import { newDocument } from '../../../data/document';
import { importFile } from '../../../data/import/detect';
import { Jobs, type JobProgress } from '../../../data/jobs';
import { importJob, previewImportJob } from '../../../data/transfer';
import { longestBlock } from '../fuzz/stall';

const HEAD = '<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<TITLE>Bookmarks</TITLE><H1>Bookmarks</H1>\n<DL><p>';

/** `entries` bookmarks in `depth` folders, each inside the one before, each holding its share of the links. */
function nestedBookmarks(entries: number, depth: number): string {
  const per = Math.ceil(entries / depth);
  const out = [HEAD];
  for (let f = 0, i = 0; f < depth; f++) {
    out.push(`<DT><H3 ADD_DATE="1700000000">Folder ${f}</H3>`, '<DL><p>');
    for (let k = 0; k < per && i < entries; k++, i++) out.push(`<DT><A HREF="https://example.com/${i}" ADD_DATE="1700000000">Link ${i}</A>`);
  }
  out.push('</DL><p>'.repeat(depth + 1));
  return out.join('\n');
}

const DEEP = 100_000;
const deepDl = () => `${HEAD}${'<DT><H3>F</H3><DL><p>'.repeat(DEEP)}<DT><A HREF="https://example.com/">Deep</A>`;
const deepOpml = () => `<?xml version="1.0"?><opml version="2.0"><body>${'<outline text="g">'.repeat(DEEP)}<outline text="x" htmlUrl="https://example.com/"/>${'</outline>'.repeat(DEEP)}</body></opml>`;
const deepPage = () => `<!doctype html><html><body><main>${'<div>'.repeat(DEEP)}<a href="https://example.com/">Deep</a></main></body></html>`;
const deepJson = () => `{"schemaVersion":2,"lists":[],"progress":{},"notes":{},"activity":[],"extra":${'['.repeat(DEEP)}${']'.repeat(DEEP)}}`;

function previewAsJob(fileName: string, content: string, onProgress: (p: JobProgress, jobs: Jobs) => void = () => undefined) {
  const jobs: Jobs = new Jobs((progress) => onProgress(progress, jobs));
  return jobs.run('job', (job) => previewImportJob(() => null, fileName, content, job));
}

describe('hostile and huge files: main never freezes, nothing overflows the stack', () => {
  it('12,000 bookmarks in 300 nested folders: the right folders, read in stretches under 200 ms', async () => {
    const content = nestedBookmarks(12_000, 300);
    const { outcome, blockedMs } = await longestBlock(() => previewAsJob('bookmarks.html', content));
    if (outcome instanceof Error) throw outcome;
    expect(outcome.resources).toHaveLength(12_000);
    expect(outcome.resources[0]!.group).toBe('Folder 0');
    expect(outcome.resources[40]!.group).toBe('Folder 0 / Folder 1');
    expect(outcome.resources[80]!.group).toBe('Folder 0 / Folder 1 / Folder 2');
    expect(outcome.resources.at(-1)!.group!.length).toBeLessThanOrEqual(200);
    expect(blockedMs).toBeLessThan(200);
  });

  it('12,000 bookmarks and the list made of them: importing as a job blocks less than 200 ms at a time', async () => {
    const content = nestedBookmarks(12_000, 300);
    const doc = newDocument([]);
    const { outcome, blockedMs } = await longestBlock(async () => (await new Jobs(() => undefined).run('job', (job) => importJob('bookmarks.html', content, 'new', '2024-05-01T10:00:00.000Z', job)))(doc));
    expect(outcome).toBe(doc.lists[0]!.id);
    expect(doc.lists[0]!.resources).toHaveLength(12_000);
    expect(blockedMs).toBeLessThan(200);
  });

  it.each([
    ['4,000 folders each inside the last (12,000 bookmarks)', 'chain.html', () => nestedBookmarks(12_000, 4000)],
    ['a <DL> nested 100,000 deep', 'deep.html', deepDl],
    ['OPML outlines nested 100,000 deep', 'deep.opml', deepOpml],
    ['a web page of <div>s nested 100,000 deep', 'page.html', deepPage],
  ])('%s: a clear message, fast, in stretches under 200 ms', async (_what, fileName, content) => {
    const text = content();
    const { outcome, blockedMs } = await longestBlock(() => previewAsJob(fileName, text));
    expect(outcome).toMatchObject({ code: 'invalid-argument', message: expect.stringContaining(`“${fileName}” is nested too deeply`) });
    expect(blockedMs).toBeLessThan(200);
    // Read whole (no job), the same message, never a stack overflow.
    expect(() => importFile(fileName, text)).toThrow(`“${fileName}” is nested too deeply`);
  });

  it('a JSON backup nested 100,000 deep: a clear message, not a stack overflow', async () => {
    const { outcome, blockedMs } = await longestBlock(async () => readBackupFile('backup.json', deepJson()));
    expect(outcome).toMatchObject({ code: 'invalid-argument', message: expect.stringContaining('“backup.json” is nested too deeply') });
    expect(blockedMs).toBeLessThan(200);
  });

  it('a JSON backup nested as deep as a real one is still read', () => {
    expect(readBackupFile('backup.json', '{"schemaVersion":2,"lists":[],"progress":{},"notes":{},"activity":[],"extra":[[[["]]]]"]]]]}').lists).toEqual([]);
  });

  it('Cancel pressed after the file is parsed, while its bookmarks are walked, stops the job there', async () => {
    const content = nestedBookmarks(3000, 100); // under one parsing slice: what is left after it is the walk
    const reading: number[] = [];
    const outcome = await previewAsJob('bookmarks.html', content, (progress, jobs) => {
      if (!progress.stage.startsWith('Reading')) return;
      reading.push(progress.fraction);
      // The stage runs 0 … 0.9; parsing one slice reports 0.63, the walk what lies between that and 0.9.
      if (progress.fraction > 0.63 && progress.fraction < 0.9) jobs.cancel('job');
    }).catch((error: unknown) => error);
    expect(outcome).toMatchObject({ code: 'cancelled' });
    expect(reading.at(-1)).toBeLessThan(0.9);
  });
});
