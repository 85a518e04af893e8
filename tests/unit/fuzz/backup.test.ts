import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeDocuments, previewBackupFile, readBackupFile } from '../../../data/storage/backup-file';
import { documentProblem } from '../../../data/storage/document-check';
import { openStore } from '../../../data/storage/store';
import { createHandlers } from '../../../electron/api/handlers';
import { tempDir } from '../helpers';
import { documentJson, validDocumentArb } from './documents';
import { diskBytes, expectClearFailure, expectReadable } from './property';
import { fuzzOptions } from './runs';
import { longestBlock, MAX_BLOCK_MS } from './stall';

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
        if (read.outcome instanceof Error) expectClearFailure(read.outcome);
        expect(read.blockedMs, 'reading the backup blocked main').toBeLessThan(MAX_BLOCK_MS);

        const before = await diskBytes(dir);
        const restored = await longestBlock(() => handlers.restoreFromFile(fileName, json, mode));
        expect(restored.blockedMs, `restoring (${mode}) blocked main`).toBeLessThan(MAX_BLOCK_MS);
        await expectReadable(dir);
        if (restored.outcome instanceof Error) {
          expectClearFailure(restored.outcome);
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
        fc.pre(documentProblem(current) === null && documentProblem(incoming) === null);
        const [a, b] = [structuredClone(current), structuredClone(incoming)];
        const merged = mergeDocuments(current, incoming);
        expect(documentProblem(merged)).toBeNull();
        expect([current, incoming]).toEqual([a, b]);
        expect(Object.getPrototypeOf(merged.notes)).toBe(Object.prototype);
      }),
      { ...fuzzOptions('backup'), numRuns: Math.ceil(fuzzOptions('backup').numRuns / 3) },
    );
  });

  // Found by this fuzzer: mergeDocuments read Object.prototype's "constructor" for such a key (a
  // DataCloneError, "Something went wrong"), and a "__proto__" key was lost.
  it('merging a backup with notes keyed "constructor" and "__proto__" keeps them as notes', async () => {
    const store = await openStore({ dir: await tempDir() });
    const handlers = createHandlers({ store, openExternal: async () => undefined, openPath: async () => undefined });
    const note = (body: string) => ({ body, whereStopped: '', updatedAt: '2024-01-01T00:00:00.000Z' });
    const json = `{"schemaVersion":2,"lists":[],"progress":{},"notes":{"constructor":${JSON.stringify(note('c'))},"__proto__":${JSON.stringify(note('p'))}},"activity":[]}`;
    await expect(handlers.restoreFromFile('backup.json', json, 'merge')).resolves.toBeDefined();
    const notes = store.document()!.notes;
    expect(Object.hasOwn(notes, 'constructor') && notes.constructor).toMatchObject({ body: 'c' });
    expect(Object.getPrototypeOf(notes)).toBe(Object.prototype);
  });
});
