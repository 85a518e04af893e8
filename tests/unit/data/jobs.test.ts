import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobProgress } from '../../../data/jobs';
import { openStore } from '../../../data/storage/store';
import { dispatch } from '../../../electron/api/dispatch';
import { createHandlers } from '../../../electron/api/handlers';
import { tempDir } from '../helpers';

const links = (n: number) => ['# Many links', '', ...Array.from({ length: n }, (_, i) => `- [Link ${i}](https://example.com/${i})`)].join('\n');

/** Waits, turn by turn of the event loop, until `done` holds (a job has reported its first stages). */
async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setImmediate(resolve));
}

async function app() {
  const store = await openStore({ dir: await tempDir() });
  const events: JobProgress[] = [];
  const handlers = createHandlers({
    store,
    openExternal: async () => undefined,
    openPath: async () => undefined,
    notify: (event, payload) => void (event === 'jobProgress' && events.push(payload as JobProgress)),
  });
  const call = (method: string, ...args: unknown[]) => dispatch(handlers, method, args, () => undefined);
  return { store, events, call };
}

describe('long work as a job: progress and cancel', () => {
  it('an import reports its stages in order, the last one not cancellable, and adds the list', async () => {
    const { events, call, store } = await app();
    const result = await call('importList', 'many.md', links(2000), 'new', 'job-1');
    expect(result.ok).toBe(true);
    expect(events.map((e) => [e.stage, e.fraction, e.cancellable])).toEqual([
      ['Reading “many.md”', 0, true],
      ['Reading “many.md”', 0.7, true],
      ['Adding 2,000 resources', 0.7, true],
      ['Saving', 0.85, false],
    ]);
    expect(store.document()!.lists.at(-1)!.resources).toHaveLength(2000);
  });

  it('confirming a preview imports what the preview read: the file is not read a second time, and the list is the same', async () => {
    const { events, call, store } = await app();
    expect((await call('previewImport', 'once.md', links(3000), 'job-p')).ok).toBe(true);
    expect((await call('importList', 'once.md', links(3000), 'new', 'job-i')).ok).toBe(true);
    expect(events.filter((e) => e.job === 'job-p').map((e) => e.stage)).toContain('Reading “once.md”');
    expect(events.filter((e) => e.job === 'job-i').map((e) => e.stage)).toEqual(['Adding 3,000 resources', 'Saving']);
    const viaPreview = store.document()!.lists.at(-1)!;
    // Read afresh (another file in between): the same list, ids and all.
    const fresh = await app();
    expect((await fresh.call('previewImport', 'other.md', links(5), 'job-o')).ok).toBe(true);
    expect((await fresh.call('importList', 'once.md', links(3000), 'new', 'job-f')).ok).toBe(true);
    expect(fresh.events.filter((e) => e.job === 'job-f').map((e) => e.stage)).toContain('Reading “once.md”');
    expect(fresh.store.document()!.lists.at(-1)).toEqual(viaPreview);
  });

  it('a long Markdown file is read in slices, each one reported, the fractions rising', async () => {
    const { events, call } = await app();
    expect((await call('previewImport', 'many.md', links(20_000), 'job-9')).ok).toBe(true);
    const reading = events.filter((e) => e.stage === 'Reading “many.md”').map((e) => e.fraction);
    expect(reading.length).toBeGreaterThan(4);
    expect(reading).toEqual([...reading].sort((a, b) => a - b));
    expect(reading.at(-1)).toBeCloseTo(0.9);
  });

  it('cancelled while it reads: it stops with “cancelled”, and the data file is exactly as it was', async () => {
    const { events, call, store } = await app();
    const before = await readFile(store.file, 'utf8');
    const importing = call('importList', 'many.md', links(20_000), 'new', 'job-2');
    // The first progress event comes before the file is read; cancel right then.
    await until(() => events.length > 0);
    expect(await call('cancelJob', 'job-2')).toEqual({ ok: true, value: true });
    expect(await importing).toMatchObject({ ok: false, error: { code: 'cancelled', message: 'Cancelled. Nothing was changed.' } });
    expect(await readFile(store.file, 'utf8')).toBe(before);
    expect(store.document()!.lists.map((l) => l.title)).not.toContain('Many links');
  });

  it('a big bookmarks file is parsed in slices and can be cancelled part-way, changing nothing', async () => {
    const { events, call, store } = await app();
    const before = await readFile(store.file, 'utf8');
    const html = ['<!DOCTYPE NETSCAPE-Bookmark-file-1>', '<DL><p>', ...Array.from({ length: 60_000 }, (_, i) => `<DT><A HREF="https://example.com/${i}">Bookmark ${i}</A>`), '</DL>'].join('\n');
    const importing = call('importList', 'bookmarks.html', html, 'new', 'job-b');
    await until(() => events.filter((e) => e.job === 'job-b').length >= 3);
    await call('cancelJob', 'job-b');
    expect(await importing).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    const fractions = events.filter((e) => e.job === 'job-b').map((e) => e.fraction);
    expect(Math.max(...fractions)).toBeLessThan(0.7);
    expect(await readFile(store.file, 'utf8')).toBe(before);
  });

  it('a preview can be cancelled too; a job that is over cannot be, and says so', async () => {
    const { events, call } = await app();
    const previewing = call('previewImport', 'many.md', links(20_000), 'job-3');
    await until(() => events.length > 0);
    await call('cancelJob', 'job-3');
    expect(await previewing).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await call('cancelJob', 'job-3')).toEqual({ ok: true, value: false });
    expect(await call('cancelJob', 'no such job!')).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });
});

describe('exports as jobs', () => {
  it('report what they write, and a cancel before saving writes no file', async () => {
    const store = await openStore({ dir: await tempDir() });
    const events: JobProgress[] = [];
    const target = join(await tempDir(), 'all.md');
    const handlers = createHandlers({
      store,
      openExternal: async () => undefined,
      openPath: async () => undefined,
      notify: (event, payload) => void (event === 'jobProgress' && events.push(payload as JobProgress)),
      dialogs: { chooseImportFile: async () => null, chooseExportPath: async () => target },
    });
    const call = (method: string, ...args: unknown[]) => dispatch(handlers, method, args, () => undefined);
    const total = store.document()!.lists.reduce((n, l) => n + l.resources.length, 0);
    expect((await call('exportList', null, 'markdown', 'export-1')).ok).toBe(true);
    expect(events.map((e) => [e.stage, e.cancellable])).toEqual([
      [`Writing ${total} resources`, true],
      ['Saving', false],
    ]);

    const saving = call('saveExport', null, 'markdown', 'export-2');
    await until(() => events.some((e) => e.job === 'export-2'));
    expect(await call('cancelJob', 'export-2')).toEqual({ ok: true, value: true });
    expect(await saving).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    await expect(readFile(target)).rejects.toThrow(/ENOENT/);
    expect(await call('saveExport', null, 'markdown', 'export-3')).toEqual({ ok: true, value: target });
    expect(await readFile(target, 'utf8')).toContain('# Python behind the scenes');
  });
});
