import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Jobs } from '../../../data/jobs';
import { openStore } from '../../../data/storage/store';
import { importJob, previewImportJob } from '../../../data/transfer';
import { newDocument } from '../../../data/document';
import { tempDir } from '../helpers';
import { importFileArb } from './arbitraries';
import { diskBytes, expectClearFailure, expectReadable } from './property';
import { fuzzOptions } from './runs';
import { longestBlock, MAX_BLOCK_MS } from './stall';

/**
 * Every importer (Markdown, HTML page, bookmarks, OPML, CSV and Pocket, chosen by detect.ts) as the app
 * runs it: previewed and imported as jobs, the list added through a real store, whose schema check
 * guards the write.
 */
const LARGE = 2000;

describe('fuzz: importers, through a real store', () => {
  it('no internal crash, no stall over 200 ms, a file the reader accepts, nothing changed when refused', async () => {
    let dir = await tempDir();
    let store = await openStore({ dir, compactAfterMs: 3_600_000 });
    const jobs = new Jobs(() => undefined);
    await fc.assert(
      fc.asyncProperty(importFileArb, fc.constantFrom('new' as const, 'update' as const), async ({ fileName, content }, mode) => {
        // KNOWN LIMIT (issue #18): adding a list to a document that is already large holds main while
        // the whole document is copied (to undo a refused change), checked and serialised — 120–440 ms
        // at 10,000 resources. Imports pile up in this store from run to run, so it starts again once
        // it holds more than 2,000 resources: the stall checked here is the import's own.
        if (store.document()!.lists.reduce((n, l) => n + l.resources.length, 0) > LARGE) {
          await store.close();
          dir = await tempDir();
          store = await openStore({ dir, compactAfterMs: 3_600_000 });
        }
        const preview = await longestBlock(() => jobs.run('preview', (job) => previewImportJob(() => store.document(), fileName, content, job)));
        if (preview.outcome instanceof Error) expectClearFailure(preview.outcome);
        expect(preview.blockedMs, 'preview blocked main').toBeLessThan(MAX_BLOCK_MS);

        const before = await diskBytes(dir);
        const imported = await longestBlock(async () => store.change(await jobs.run('import', (job) => importJob(fileName, content, mode, new Date().toISOString(), job))));
        expect(imported.blockedMs, 'import blocked main').toBeLessThan(MAX_BLOCK_MS);
        const saved = await expectReadable(dir);
        if (imported.outcome instanceof Error) {
          expectClearFailure(imported.outcome);
          expect(await diskBytes(dir), 'a refused import changed the saved data').toEqual(before);
        } else {
          expect(saved.lists.map((l) => l.id)).toContain(imported.outcome);
        }
      }),
      fuzzOptions('importers'),
    );
    await store.close();
    await expectReadable(dir);
  }, 3_600_000);

  // Found by this fuzzer: each resource's id was found by counting up from its title's slug, so n
  // titles with one slug (the same title again and again, or titles without Latin letters, which all
  // slug to "part") cost n²/2 look-ups in one step: 3,000 blocked main ~250 ms, 12,000 for seconds.
  it('12,000 bookmarks titled alike are added without blocking main over 200 ms', async () => {
    const links = Array.from({ length: 12_000 }, (_, i) => `<DT><A HREF="https://example.com/${i}">数据结构</A>`);
    const content = `<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n${links.join('\n')}\n</DL><p>`;
    const apply = await new Jobs(() => undefined).run('job', (job) => importJob('bookmarks.html', content, 'new', '2024-05-01T10:00:00.000Z', job));
    const { blockedMs } = await longestBlock(async () => apply(newDocument([])));
    expect(blockedMs).toBeLessThan(MAX_BLOCK_MS);
  });
});
