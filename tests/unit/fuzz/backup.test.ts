import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeDocuments, previewBackupFile, readBackupFile } from '../../../data/backup-file';
import { documentProblem } from '../../../data/document-check';
import { openStore } from '../../../data/store';
import { createHandlers } from '../../../electron/api/handlers';
import { tempDir } from '../helpers';
import { documentJson, validDocumentArb } from './documents';
import { jsonNesting } from '../../../data/import/imported';
import { diskBytes, expectClearFailure, expectReadable, inherited, knownDeepDocumentDefect, knownMergeDefect } from './property';
import { fuzzOptions } from './runs';
import { longestBlock, MAX_BLOCK_MS } from './stall';

// KNOWN DEFECTS: see knownMergeDefect and knownDeepDocumentDefect (property.ts).
const names = fc.constantFrom('studyshelf-backup.json', 'backup.JSON', '__proto__.json', 'constructor', 'backup.md');

/** The JSON backup: read and previewed, then restored by merging and by replacing, through a real store. */
describe('fuzz: the JSON backup', () => {
  it('no internal crash, no stall over 200 ms, a file the reader accepts, nothing changed when refused', async () => {
    const dir = await tempDir();
    const store = await openStore({ dir, compactAfterMs: 3_600_000 });
    const handlers = createHandlers({ store, openExternal: async () => undefined, openPath: async () => undefined });
    await fc.assert(
      fc.asyncProperty(names, documentJson, fc.constantFrom('merge' as const, 'replace' as const), async (fileName, json, mode) => {
        const read = await longestBlock(async () => previewBackupFile(readBackupFile(fileName, json)));
        // Excused only where the guard is known to be skipped: a backup not named *.json.
        const deep = (failure: unknown) => !/\.json$/i.test(fileName) && knownDeepDocumentDefect(failure, jsonNesting(json));
        if (read.outcome instanceof Error && !deep(read.outcome)) expectClearFailure(read.outcome);
        expect(read.blockedMs, 'reading the backup blocked main').toBeLessThan(MAX_BLOCK_MS);

        const before = await diskBytes(dir);
        const restored = await longestBlock(() => handlers.restoreFromFile(fileName, json, mode));
        expect(restored.blockedMs, `restoring (${mode}) blocked main`).toBeLessThan(MAX_BLOCK_MS);
        await expectReadable(dir);
        if (restored.outcome instanceof Error) {
          if (!knownMergeDefect(mode, json, restored.outcome) && !deep(restored.outcome)) expectClearFailure(restored.outcome);
          expect(await diskBytes(dir), 'a refused restore changed the saved data').toEqual(before);
        } else {
          expect(read.outcome).not.toBeInstanceOf(Error); // what could be restored could be previewed
          expect(restored.outcome.document).not.toBeNull();
        }
      }),
      fuzzOptions('backup'),
    );
    await store.close();
    await expectReadable(dir);
  }, 3_600_000);

  it('merging two documents the reader accepts gives one it accepts, and changes neither', () => {
    fc.assert(
      fc.property(validDocumentArb, validDocumentArb, (current, incoming) => {
        fc.pre(documentProblem(current) === null && documentProblem(incoming) === null && !inherited(incoming.progress) && !inherited(incoming.notes));
        const [a, b] = [structuredClone(current), structuredClone(incoming)];
        const merged = mergeDocuments(current, incoming);
        expect(documentProblem(merged)).toBeNull();
        expect([current, incoming]).toEqual([a, b]);
        expect(Object.getPrototypeOf(merged.notes)).toBe(Object.prototype);
      }),
      { ...fuzzOptions('backup'), numRuns: Math.ceil(fuzzOptions('backup').numRuns / 3) },
    );
  });

  // The known defect above, kept in view: this fails once it is fixed, and the excuse goes with it.
  it.fails('known defect: merging a backup with a note keyed "constructor" fails with an internal error', async () => {
    const store = await openStore({ dir: await tempDir() });
    const handlers = createHandlers({ store, openExternal: async () => undefined, openPath: async () => undefined });
    const backup = { schemaVersion: 2, lists: [], progress: {}, notes: { constructor: { body: 'x', whereStopped: '', updatedAt: '2024-01-01T00:00:00.000Z' } }, activity: [] };
    await expect(handlers.restoreFromFile('backup.json', JSON.stringify(backup), 'merge')).resolves.toBeDefined();
  });
});
