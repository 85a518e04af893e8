import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../data/import/detect';
import { openStore } from '../../../data/storage/store';
import { exportFrom } from '../../../data/transfer';
import { readImportFile, writeExportFile } from '../../../data/user-files';
import { dispatch } from '../../../electron/api/dispatch';
import { createHandlers } from '../../../electron/api/handlers';
import { errno, faultyFs, PBTS, tempDir } from '../helpers';

async function studied() {
  const store = await openStore({ dir: await tempDir() });
  await store.setDone(`${PBTS}/peps`, true);
  await store.saveNote(`${PBTS}/peps`, 'PEP 523 first');
  return store;
}

describe('exporting every list', () => {
  it('Markdown: every list under its own # heading, done states and notes; importing it back keeps each list as a group', async () => {
    const store = await studied();
    const doc = store.document()!;
    const { fileName, content } = exportFrom(doc, null, 'markdown-notes');
    expect(fileName).toBe('studyshelf-all-lists.md');
    expect(content.match(/^# .+$/gm)).toEqual(doc.lists.map((l) => `# ${l.title}`));
    expect(content).toContain('- [x] [PEPs](https://www.python.org/dev/peps/)');
    expect(content).toContain('  > PEP 523 first');
    const back = importFile(fileName, content);
    const total = doc.lists.reduce((n, l) => n + l.resources.length, 0);
    expect(back.resources).toHaveLength(total);
    expect(back.resources.filter((r) => r.done).map((r) => r.title)).toEqual(['PEPs']);
    // Resources of the second list are grouped under its title (or its own sections), never the first list's.
    const second = doc.lists[1]!;
    const firstOfSecond = back.resources[doc.lists[0]!.resources.length]!;
    expect(firstOfSecond.title).toBe(second.resources[0]!.title);
    expect(firstOfSecond.group).toBe(second.resources[0]!.group ?? second.title);
  });

  it('CSV: one table with a list column, every resource once', async () => {
    const doc = (await studied()).document()!;
    const { fileName, content } = exportFrom(doc, null, 'csv');
    expect(fileName).toBe('studyshelf-all-lists.csv');
    const rows = Papa.parse<Record<string, string>>(content, { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => r.list)).toEqual(doc.lists.flatMap((l) => l.resources.map(() => l.title)));
    expect(rows.find((r) => r.title === 'PEPs')).toMatchObject({ status: 'done', url: 'https://www.python.org/dev/peps/' });
  });

  it('one list’s CSV has the list column too (its title comes back on import), and an unknown list is refused', async () => {
    const doc = (await studied()).document()!;
    const { fileName, content } = exportFrom(doc, PBTS, 'csv');
    expect(content.split(/\r?\n/)[0]).toBe('list,title,url,status,started,finished,added,group,author,description,kind,tags,parts,links,note,where_stopped');
    expect(importFile(fileName, content).title).toBe(doc.lists.find((l) => l.id === PBTS)!.title);
    expect(() => exportFrom(doc, 'no-such-list', 'csv')).toThrow('There is no list “no-such-list”.');
  });
});

describe('files chosen in the system dialogs (Electron)', () => {
  it('reads a chosen file as text without its byte-order mark', async () => {
    const file = join(await tempDir(), 'reading.md');
    await writeFile(file, '\uFEFF- [A](https://a.example)\n');
    expect(await readImportFile(file)).toEqual({ fileName: 'reading.md', content: '- [A](https://a.example)\n' });
  });

  it('refuses a 50 MB file before reading it, and a file that has gone', async () => {
    const dir = await tempDir();
    const file = join(dir, 'huge.md');
    await writeFile(file, Buffer.alloc(50 * 1024 * 1024, 0x61));
    await expect(readImportFile(file)).rejects.toThrow('“huge.md” is 50 MB; Studyshelf imports files up to 20 MB.');
    await expect(readImportFile(join(dir, 'gone.md'))).rejects.toThrow('“gone.md” is no longer there.');
  });

  it('writes an export whole, and on a full disk says so and leaves no partial file behind', async () => {
    const dir = await tempDir();
    const target = join(dir, 'list.md');
    await writeExportFile(target, '# A list\n');
    expect(await readFile(target, 'utf8')).toBe('# A list\n');
    // The temp file is written, then the disk fills before the rename: the temp is swept away.
    const full = faultyFs((call) => (call === 'rename' ? errno('ENOSPC') : undefined));
    await expect(writeExportFile(target, '# Another\n', full)).rejects.toThrow(/“list.md” could not be saved: .*full/i);
    expect(await readFile(target, 'utf8')).toBe('# A list\n');
    expect(await readdir(dir)).toEqual(['list.md']);
  });

  it('openImportFile and saveExport go through the dialogs; cancelling changes nothing; without dialogs they refuse', async () => {
    const store = await studied();
    const dir = await tempDir();
    const source = join(dir, 'mine.md');
    await writeFile(source, '# Mine\n\n- [x] [One](https://one.example)\n');
    const chosen: Array<string | null> = [source, null];
    const saveTo: Array<string | null> = [join(dir, 'out.csv'), null];
    const asked: string[] = [];
    const handlers = createHandlers({
      store,
      openExternal: async () => undefined,
      openPath: async () => undefined,
      dialogs: { chooseImportFile: async () => chosen.shift() ?? null, chooseExportPath: async (name) => (asked.push(name), saveTo.shift() ?? null) },
    });
    const call = (method: string, ...args: unknown[]) => dispatch(handlers, method, args, () => undefined);
    expect((await call('getState')).ok && ((await call('getState')) as { value: { nativeDialogs: boolean } }).value.nativeDialogs).toBe(true);
    expect(await call('openImportFile')).toEqual({ ok: true, value: { fileName: 'mine.md', content: '# Mine\n\n- [x] [One](https://one.example)\n' } });
    expect(await call('openImportFile')).toEqual({ ok: true, value: null });
    expect(await call('saveExport', PBTS, 'csv')).toEqual({ ok: true, value: join(dir, 'out.csv') });
    expect(await readFile(join(dir, 'out.csv'), 'utf8')).toContain('PEPs,https://www.python.org/dev/peps/,done');
    expect(await call('saveExport', null, 'json')).toEqual({ ok: true, value: null });
    expect(asked).toEqual([`${PBTS}.csv`, 'studyshelf-backup.json']);

    const harness = createHandlers({ store, openExternal: async () => undefined, openPath: async () => undefined });
    const refused = await dispatch(harness, 'openImportFile', [], () => undefined);
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining('no file dialog') } });
    expect(((await dispatch(harness, 'getState', [], () => undefined)) as { value: { nativeDialogs: boolean } }).value.nativeDialogs).toBe(false);
  });
});
