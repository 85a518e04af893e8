import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../data/storage/store';
import { dispatch } from '../../../electron/api/dispatch';
import { createHandlers } from '../../../electron/api/handlers';
import { CODEWALK, PBTS, tempDir } from '../helpers';
import { hostileText, hostileUrl, importFileArb, PROTO_KEYS } from './arbitraries';
import { documentArb, documentJson, id, isoDate } from './documents';
import { diskBytes, expectReadable, INTERNAL } from './property';
import { fuzzOptions } from './runs';
import { longestBlock, MAX_BLOCK_MS } from './stall';

/** Refs that exist, refs made of prototype names, refs to nothing. */
const ref = fc.oneof(
  fc.constantFrom(`${PBTS}/peps`, `${PBTS}/python-documentation`, CODEWALK, `${CODEWALK}/cpython-internals-lecture-2`, `${PBTS}/peps/pep-0587`),
  fc.constantFrom(...PROTO_KEYS.map((k) => `${k}/${k}`), `${PBTS}/__proto__`, `${PBTS}/constructor`, `${PBTS}/peps/toString`, `__proto__/peps`, 'constructor/prototype/x', `${PBTS}/peps/../..`),
  fc.tuple(id, id).map(([l, r]) => `${l}/${r}`),
);
const title = hostileText.map((t) => t.slice(0, 500));
const safeUrl = fc.option(fc.oneof(fc.webUrl(), fc.constantFrom('https://example.com/__proto__', `https://example.com/${'é'.repeat(2000)}`)).map((u) => u.slice(0, 4096)));
const index = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom(0, 100_000, 99_999));
const progress = fc.option(fc.record({ status: fc.constantFrom('todo', 'in-progress', 'done', 'skipped'), startedAt: fc.option(isoDate), doneAt: fc.option(isoDate), updatedAt: isoDate }));
const fields = fc.record({ title, url: safeUrl, author: fc.option(title), description: hostileText, id: fc.option(id, { nil: undefined }) });
const bigNote = fc.constantFrom(0, 1, 200_000).map((n) => 'a long note with no line break '.repeat(n));

/**
 * Well-typed calls with hostile values, as a compromised or buggy window could send them: every value
 * passes its method's schema shape (so it reaches the handler), and holds prototype names, odd dates,
 * huge notes, files to import, backups to restore.
 */
const call = fc.oneof(
  fc.tuple(fc.constantFrom('setDone'), fc.tuple(ref, fc.boolean())),
  fc.tuple(fc.constantFrom('setStatus'), fc.tuple(ref, fc.constantFrom('todo', 'in-progress', 'done', 'skipped'))),
  fc.tuple(fc.constantFrom('clearStatus', 'removePart', 'openLink', 'getResource', 'deleteResource', 'useNewAddress', 'openArchivedCopy'), fc.tuple(ref)),
  fc.tuple(fc.constantFrom('saveNote'), fc.tuple(ref, fc.oneof(hostileText, bigNote))),
  fc.tuple(fc.constantFrom('saveWhereStopped'), fc.tuple(ref, hostileText.map((t) => t.slice(0, 500)))),
  fc.tuple(fc.constantFrom('addPart'), fc.tuple(ref, title, safeUrl)),
  fc.tuple(fc.constantFrom('renamePart'), fc.tuple(ref, title)),
  fc.tuple(fc.constantFrom('movePart'), fc.tuple(ref, index)),
  fc.tuple(fc.constantFrom('insertPart'), fc.tuple(ref, fc.record({ id, title, url: safeUrl }), index, progress)),
  fc.tuple(fc.constantFrom('createList'), fc.tuple(fc.record({ title, description: hostileText }))),
  fc.tuple(fc.constantFrom('updateList'), fc.tuple(id, fc.record({ title, description: hostileText }))),
  fc.tuple(fc.constantFrom('moveList'), fc.tuple(id, index)),
  fc.tuple(fc.constantFrom('deleteList', 'resetList'), fc.tuple(fc.oneof(id, fc.constant(PBTS)))),
  fc.tuple(fc.constantFrom('restoreList'), documentArb.map((d) => d.lists[0]).filter((l) => !!l).chain((item) => fc.tuple(fc.record({ item: fc.constant(item), index, progress: fc.constant({}), notes: fc.constant({}) })))),
  fc.tuple(fc.constantFrom('addResource'), fc.tuple(fc.oneof(id, fc.constant(PBTS)), fields)),
  fc.tuple(fc.constantFrom('updateResource'), fc.tuple(ref, fields)),
  fc.tuple(fc.constantFrom('moveResource'), fc.tuple(ref, fc.oneof(id, fc.constant(PBTS)), index)),
  fc.tuple(fc.constantFrom('previewImport'), importFileArb.map((f) => [f.fileName.slice(0, 500), f.content])),
  fc.tuple(fc.constantFrom('importList'), fc.tuple(importFileArb, fc.constantFrom('new', 'update')).map(([f, mode]) => [f.fileName.slice(0, 500), f.content, mode])),
  fc.tuple(fc.constantFrom('previewBackupFile'), documentJson.map((json) => ['backup.json', json])),
  fc.tuple(fc.constantFrom('restoreFromFile'), fc.tuple(documentJson, fc.constantFrom('replace', 'merge')).map(([json, mode]): unknown[] => ['backup.json', json, mode])),
  fc.tuple(fc.constantFrom('restoreBackup'), fc.tuple(fc.constantFrom('__proto__', '../studyshelf.json', 'constructor', '..', 'studyshelf.json', '\u0000'))),
  fc.tuple(fc.constantFrom('exportList'), fc.tuple(fc.option(id), fc.constantFrom('markdown', 'markdown-notes', 'csv', 'json'))),
  fc.tuple(fc.constantFrom('openUrl', 'getLinkHistory'), fc.tuple(hostileUrl.map((u) => u.slice(0, 4096)))),
  fc.tuple(fc.constantFrom('getState', 'listBackups', 'getSyncStatus', 'startFresh'), fc.constant([])),
  // Study time and reviews (issue #21): minutes out of range, unknown sessions and refs are refused whole.
  fc.tuple(fc.constantFrom('startTimer'), fc.tuple(ref, fc.constantFrom('stopwatch', 'pomodoro'))),
  fc.tuple(fc.constantFrom('pauseTimer', 'resumeTimer'), fc.constant([])),
  fc.tuple(fc.constantFrom('stopTimer'), fc.tuple(fc.option(fc.integer({ min: -5, max: 2000 }), { nil: undefined }))),
  fc.tuple(fc.constantFrom('editSession'), fc.tuple(id, fc.option(fc.integer({ min: -5, max: 2000 })))),
  fc.tuple(fc.constantFrom('answerReview'), fc.tuple(ref, fc.constantFrom('remembered', 'fuzzy', 'forgot'), hostileText.map((t) => t.slice(0, 10_000)))),
  fc.tuple(
    fc.constantFrom('setStudySettings'),
    fc.tuple(fc.record({ workMinutes: fc.option(fc.integer({ min: -1, max: 300 }), { nil: undefined }), review: fc.option(fc.record({ listId: fc.oneof(id, fc.constant(PBTS)), on: fc.boolean() }), { nil: undefined }) })),
  ),
  fc.tuple(fc.constantFrom('exportList'), fc.tuple(fc.option(id), fc.constant('sessions-csv'))),
);

describe('fuzz: the IPC methods, through dispatch and a real store', () => {
  it('any sequence of well-typed hostile calls: no internal error, no stall, a readable file, nothing changed by a refused call', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(call, { minLength: 1, maxLength: 8 }), async (calls) => {
        const dir = await tempDir();
        const store = await openStore({ dir, compactAfterMs: 3_600_000 });
        const handlers = createHandlers({ store, openExternal: async () => undefined, openPath: async () => undefined });
        for (const [method, args] of calls) {
          const before = await diskBytes(dir);
          const logged: unknown[] = [];
          const { outcome, blockedMs } = await longestBlock(() => dispatch(handlers, method, structuredClone(args), (error) => logged.push(error)));
          if (outcome instanceof Error) throw outcome; // dispatch never rejects
          expect(logged, `${method}: an internal error`).toEqual([]);
          expect(blockedMs, `${method} blocked main`).toBeLessThan(MAX_BLOCK_MS);
          await expectReadable(dir);
          if (!outcome.ok) {
            expect(outcome.error.code, `${method}: ${outcome.error.message}`).not.toBe('internal');
            expect(outcome.error.message).not.toMatch(INTERNAL);
            expect(await diskBytes(dir), `${method} was refused (${outcome.error.message}) but changed the saved data`).toEqual(before);
          }
        }
        await store.close();
        await expectReadable(dir);
      }),
      fuzzOptions('ipc'),
    );
  }, 3_600_000);
});
