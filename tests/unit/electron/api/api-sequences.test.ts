import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DocumentSchema } from '../../../../data/model/schema';
import { openStore } from '../../../../data/storage/store';
import { dispatch } from '../../../../electron/api/dispatch';
import { createHandlers } from '../../../../electron/api/handlers';
import { CODEWALK, PBTS, tempDir } from '../../helpers';

/** `npm run soak` sets 10,000; `npm test` keeps it short. */
const RUNS = Number(process.env.STUDYSHELF_PROPERTY_RUNS ?? 60);

const resourceRefs = [`${PBTS}/peps`, `${PBTS}/stupid-python-ideas`, CODEWALK];
const itemRefs = [`${CODEWALK}/cpython-internals-lecture-2`, `${PBTS}/peps/pep-0587`];
const junk = fc.oneof(fc.anything(), fc.string(), fc.constant('../../etc/passwd'), fc.constant(`${PBTS}/nope`));

const call = fc.oneof(
  fc.record({ method: fc.constant('setDone'), args: fc.tuple(fc.constantFrom(...resourceRefs, ...itemRefs), fc.boolean()) }),
  fc.record({ method: fc.constant('saveNote'), args: fc.tuple(fc.constantFrom(...resourceRefs), fc.string({ maxLength: 200 })) }),
  // Invalid: notes on parts, unknown refs, wrong types, wrong arity, unknown methods.
  fc.record({ method: fc.constant('saveNote'), args: fc.tuple(fc.constantFrom(...itemRefs), fc.string()) }),
  fc.record({ method: fc.constantFrom('setDone', 'saveNote', 'openLink', 'restoreBackup'), args: fc.array(junk, { maxLength: 3 }) }),
  fc.record({ method: fc.constantFrom('dropTables', '__proto__', 'constructor'), args: fc.array(junk, { maxLength: 2 }) }),
);

describe('any sequence of API calls', () => {
  it('rejects the invalid ones without changing anything, and leaves a valid document that matches what was accepted', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(call, { minLength: 1, maxLength: 12 }), async (calls) => {
        const dir = await tempDir();
        const store = await openStore({ dir });
        const handlers = createHandlers({ store, openExternal: async () => undefined, openPath: async () => undefined });
        const done = new Map<string, boolean>();
        const notes = new Map<string, string>();
        for (const { method, args } of calls) {
          const before = await readFile(store.file, 'utf8');
          const result = await dispatch(handlers, method, args, () => undefined);
          if (!result.ok) {
            expect(result.error.message).toMatch(/\w+ \w+/);
            expect(await readFile(store.file, 'utf8')).toBe(before);
            continue;
          }
          if (method === 'setDone') done.set(args[0] as string, args[1] as boolean);
          if (method === 'saveNote') notes.set(args[0] as string, args[1] as string);
        }
        await store.close();
        const reopened = DocumentSchema.parse(JSON.parse(await readFile(store.file, 'utf8')));
        for (const [ref, value] of done) expect(reopened.progress[ref]?.status).toBe(value ? 'done' : 'todo');
        for (const [ref, body] of notes) expect(reopened.notes[ref]?.body).toBe(body === '' ? undefined : body);
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
