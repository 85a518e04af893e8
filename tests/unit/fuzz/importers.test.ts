import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Jobs } from '../../../data/jobs';
import type { ImportPreview } from '../../../data/import/imported';
import { slugOf } from '../../../data/part-ops';
import { openStore } from '../../../data/store';
import { importJob, previewImportJob } from '../../../data/transfer';
import { newDocument } from '../../../data/document';
import { tempDir } from '../helpers';
import { importFileArb } from './arbitraries';
import { diskBytes, expectClearFailure, expectReadable } from './property';
import { fuzzOptions } from './runs';
import { longestBlock, MAX_BLOCK_MS } from './stall';

/**
 * KNOWN DEFECT (reported with issue #15's fuzzer): adding an imported list gives each resource an id
 * made from its title, and finds a free one by counting up from the slug (`newPartId`, part-ops.ts), so
 * n titles with one slug — the same title again and again, or titles without Latin letters, which all
 * slug to "part" — cost n²/2 look-ups in one synchronous step: 3,000 block main for ~250 ms, 12,000 for
 * seconds. Only the stall of that step is excused, and only when more than 1,000 resources share a slug.
 */
const SAME_SLUG_EXCUSED = 1000;
const mostSharingASlug = (preview: ImportPreview) => {
  const counts = new Map<string, number>();
  for (const r of preview.resources) counts.set(slugOf(r.title), (counts.get(slugOf(r.title)) ?? 0) + 1);
  return Math.max(0, ...counts.values());
};

/**
 * Every importer (Markdown, HTML page, bookmarks, OPML, CSV and Pocket, chosen by detect.ts) as the app
 * runs it: previewed and imported as jobs, the list added through a real store, whose schema check
 * guards the write.
 */
describe('fuzz: importers, through a real store', () => {
  it('no internal crash, no stall over 200 ms, a file the reader accepts, nothing changed when refused', async () => {
    const dir = await tempDir();
    const store = await openStore({ dir, compactAfterMs: 3_600_000 });
    const jobs = new Jobs(() => undefined);
    await fc.assert(
      fc.asyncProperty(importFileArb, fc.constantFrom('new' as const, 'update' as const), async ({ fileName, content }, mode) => {
        const preview = await longestBlock(() => jobs.run('preview', (job) => previewImportJob(() => store.document(), fileName, content, job)));
        if (preview.outcome instanceof Error) expectClearFailure(preview.outcome);
        expect(preview.blockedMs, 'preview blocked main').toBeLessThan(MAX_BLOCK_MS);

        const before = await diskBytes(dir);
        const imported = await longestBlock(async () => store.change(await jobs.run('import', (job) => importJob(fileName, content, mode, new Date().toISOString(), job))));
        const excused = !(preview.outcome instanceof Error) && mostSharingASlug(preview.outcome) > SAME_SLUG_EXCUSED;
        if (!excused) expect(imported.blockedMs, 'import blocked main').toBeLessThan(MAX_BLOCK_MS);
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

  // The known defect above, kept in view: this fails once it is fixed, and the excuse goes with it.
  it.fails('known defect: 3,000 bookmarks titled alike block main over 200 ms while the list is added', async () => {
    const links = Array.from({ length: 3000 }, (_, i) => `<DT><A HREF="https://example.com/${i}">数据结构</A>`);
    const content = `<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n${links.join('\n')}\n</DL><p>`;
    const apply = await new Jobs(() => undefined).run('job', (job) => importJob('bookmarks.html', content, 'new', '2024-05-01T10:00:00.000Z', job));
    const { blockedMs } = await longestBlock(async () => apply(newDocument([])));
    expect(blockedMs).toBeLessThan(MAX_BLOCK_MS);
  });
});
