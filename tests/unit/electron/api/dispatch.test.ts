import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../../data/storage/store';
import { METHOD_NAMES } from '../../../../electron/api/channels';
import { MAX_NOTE_LENGTH } from '../../../../electron/api/contract';
import { dispatch } from '../../../../electron/api/dispatch';
import { createHandlers } from '../../../../electron/api/handlers';
import { CODEWALK, PBTS, savedState, tempDir } from '../../helpers';

async function setup() {
  const store = await openStore({ dir: await tempDir() });
  const opened: string[] = [];
  const handlers = createHandlers({ store, openExternal: async (url) => void opened.push(url), openPath: async () => undefined });
  const snapshot = () => readFile(store.file, 'utf8');
  return { store, handlers, opened, snapshot };
}

const silent = () => undefined;

describe('dispatch', () => {
  it('runs a valid call and returns its value', async () => {
    const { handlers } = await setup();
    const result = await dispatch(handlers, 'setDone', [`${PBTS}/peps`, true]);
    expect(result).toMatchObject({ ok: true, value: { status: 'done' } });
  });

  it.each([
    ['an unknown method', 'deleteEverything', []],
    ['a prototype key as method', '__proto__', []],
    ['constructor as method', 'constructor', []],
    ['toString as method', 'toString', []],
    ['a non-string method', 42, []],
  ])('refuses %s', async (_name, method, args) => {
    const { handlers, snapshot } = await setup();
    const before = await snapshot();
    const result = await dispatch(handlers, method, args, silent);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await snapshot()).toBe(before);
  });

  it.each([
    ['no arguments', 'setDone', []],
    ['arguments that are not an array', 'setDone', { 0: 'x', 1: true }],
    ['a status that is not a boolean', 'setDone', [`${PBTS}/peps`, 'done']],
    ['an extra argument', 'setDone', [`${PBTS}/peps`, true, 'extra']],
    ['a ref that is an object', 'setDone', [{ toString: () => `${PBTS}/peps` }, true]],
    ['a note that is not text', 'saveNote', [`${PBTS}/peps`, { body: 'x' }]],
    ['a ref that is far too long', 'openLink', ['x'.repeat(10_000)]],
  ])('rejects %s with a readable message and changes nothing', async (_name, method, args) => {
    const { handlers, snapshot, opened } = await setup();
    const before = await snapshot();
    const result = await dispatch(handlers, method, args, silent);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-argument');
      expect(result.error.message).toMatch(/^The request was not valid/);
    }
    expect(await snapshot()).toBe(before);
    expect(opened).toEqual([]);
  });

  it('turns an unknown ref into a message that names it', async () => {
    const { handlers } = await setup();
    const result = await dispatch(handlers, 'setDone', ['nope/nothing', true]);
    expect(result).toEqual({ ok: false, error: { code: 'unknown-ref', message: 'Nothing in your lists is called “nope/nothing”.' } });
  });

  it('opens a part without a URL at its playlist, and hands only http(s) to the opener', async () => {
    const { handlers, opened } = await setup();
    const result = await dispatch(handlers, 'openLink', [`${CODEWALK}/cpython-internals-lecture-4`]);
    expect(result).toEqual({ ok: true, value: 'https://www.youtube.com/playlist?list=PLzV58Zm8FuBL6OAv1Yu6AwXZrnsFbbR0S' });
    expect(opened).toEqual(['https://www.youtube.com/playlist?list=PLzV58Zm8FuBL6OAv1Yu6AwXZrnsFbbR0S']);
  });

  it('refuses to open a stored link that is not http(s)', async () => {
    const { store, handlers, opened } = await setup();
    store.document()!.lists[0]!.resources[0]!.url = 'javascript:alert(1)';
    const result = await dispatch(handlers, 'openLink', [`${PBTS}/python-documentation`]);
    expect(result).toMatchObject({ ok: false, error: { code: 'unsafe-url' } });
    expect(opened).toEqual([]);
  });

  it('hides internal failures behind a calm message', async () => {
    const { handlers } = await setup();
    const broken = { ...handlers, getState: async () => Promise.reject(new Error('secret stack detail')) };
    const logged: unknown[] = [];
    const result = await dispatch(broken, 'getState', [], (e) => logged.push(e));
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(logged).toHaveLength(1);
  });

  it('survives any junk thrown at any method and never changes the file for a rejected call', async () => {
    const { handlers, snapshot } = await setup();
    const junk = fc.oneof(fc.anything(), fc.array(fc.anything(), { maxLength: 4 }));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...METHOD_NAMES, 'nope', '__proto__'), junk, async (method, args) => {
        const before = await snapshot();
        const result = await dispatch(handlers, method, args, silent);
        if (!result.ok) {
          expect(result.error.message.length).toBeGreaterThan(10);
          expect(await snapshot()).toBe(before);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('takes a 10 MB note through the contract to disk, and refuses one over the 16 MB limit without changing anything', async () => {
    // The harness e2e pastes a note past the preview limit; this holds the 10 MB size the app allows.
    const { store, handlers, snapshot } = await setup();
    const big = 'subinterpreters and the GIL\n'.repeat(Math.ceil((10 * 1024 * 1024) / 28));
    expect(await dispatch(handlers, 'saveNote', [`${PBTS}/peps`, big])).toMatchObject({ ok: true });
    expect((await savedState(dirname(store.file))).notes[`${PBTS}/peps`]?.body).toBe(big);
    const before = await snapshot();
    const tooBig = 'x'.repeat(MAX_NOTE_LENGTH + 1);
    expect(await dispatch(handlers, 'saveNote', [`${PBTS}/peps`, tooBig], silent)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await snapshot()).toBe(before);
    await store.close();
  });
});
