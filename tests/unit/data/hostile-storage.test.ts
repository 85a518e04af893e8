import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { Journal } from '../../../data/storage/journal';
import { replayJournals } from '../../../data/storage/journal-replay';
import { DocumentSchema, type Status, type StudyDocument } from '../../../data/model/schema';
import { DATA_FILE_NAME, openStore } from '../../../data/storage/store';
import { recoveryFileOf } from '../../../data/storage/startup';
import { errno, faultyFs, journalText, PBTS, savedState, tempDir } from '../helpers';
import { longestBlock, MAX_BLOCK_MS } from '../fuzz/stall';

const journalFiles = async (dir: string) => (await readdir(dir)).filter((n) => n.includes('.journal-')).map((n) => join(dir, n));
/** A journal line as any Studyshelf writes it: CRC-32, a space, the JSON. */
const line = (entry: unknown) => {
  const json = JSON.stringify(entry);
  return `${crc32(json).toString(16).padStart(8, '0')} ${json}\n`;
};
const note = (body: string) => ({ body, whereStopped: '', updatedAt: '2026-11-26T09:00:00.000Z' });
const noteEntry = (ref: string, body: string) => ({ progress: {}, notes: { [ref]: note(body) }, activity: [] });

/** A profile holding one saved note; the store is closed, so the data file holds everything. */
async function savedProfile() {
  const dir = await tempDir();
  const store = await openStore({ dir });
  await store.saveNote(`${PBTS}/peps`, 'saved before');
  await store.close();
  return dir;
}

/** What a user sees at the next start: their data, and no "your data file could not be read". */
async function reopened(dir: string): Promise<StudyDocument> {
  const store = await openStore({ dir });
  expect(store.notices()).toEqual([]);
  const doc = store.document()!;
  await store.close();
  return doc;
}

describe('a change the reader would reject is never written', () => {
  it('an import with dates from another millennium is refused with a clear message; nothing saved is lost', async () => {
    const dir = await savedProfile();
    const store = await openStore({ dir });
    const before = structuredClone(store.document());
    // Bookmarks whose ADD_DATE is in milliseconds, read as seconds: year 55840.
    const error = await store
      .change((doc) => {
        doc.lists.push({
          id: 'bookmarks',
          title: 'Bookmarks',
          author: null,
          description: '',
          source: null,
          bundledVersion: null,
          customized: false,
          resources: [{ id: 'a', title: 'A', url: 'https://a.example', author: null, kind: 'link', description: '', group: null, addedAt: new Date(1_700_000_000_000 * 1000).toISOString(), links: [], parts: [] }],
        });
        return 'bookmarks';
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'StudyError', message: expect.stringMatching(/not saved.*lists\.\d+\.resources\.0\.addedAt/is) });
    expect(store.document()).toEqual(before);
    await store.saveNote(`${PBTS}/peps`, 'saved after');
    await store.close();
    const doc = await reopened(dir);
    expect(doc.lists.some((l) => l.id === 'bookmarks')).toBe(false);
    expect(doc.notes[`${PBTS}/peps`]?.body).toBe('saved after');
  });

  it.each([
    ['a status the reader does not know', (store: Awaited<ReturnType<typeof openStore>>) => store.setStatus(`${PBTS}/peps`, 'pwned' as Status)],
    ['a "where I stopped" longer than the reader accepts', (store: Awaited<ReturnType<typeof openStore>>) => store.saveWhereStopped(`${PBTS}/peps`, 'x'.repeat(600))],
    ['a command whose arguments the reader would reject', (store: Awaited<ReturnType<typeof openStore>>) => store.command('restoreList', { item: { id: '../../../etc' } as never, index: 0, progress: {}, notes: {} })],
  ])('a journaled change with %s is refused and leaves the document as it was', async (_what, act) => {
    const dir = await savedProfile();
    const store = await openStore({ dir, compactAfterMs: 60_000 });
    const before = structuredClone(store.document());
    await expect(act(store)).rejects.toMatchObject({ name: 'StudyError', message: expect.stringMatching(/not saved/i) });
    expect(store.document()).toEqual(before);
    await store.setDone(`${PBTS}/peps`, true);
    await store.close();
    const doc = await reopened(dir);
    expect(doc.notes[`${PBTS}/peps`]?.body).toBe('saved before');
    expect(doc.progress[`${PBTS}/peps`]?.status).toBe('done');
  });

  it('a restore of a document the reader would reject is refused before anything is replaced', async () => {
    const dir = await savedProfile();
    const store = await openStore({ dir });
    const bad = structuredClone(store.document()!);
    bad.lists[0]!.resources[0]!.parts = 'x' as never;
    await expect(store.replaceWith(bad)).rejects.toMatchObject({ name: 'StudyError' });
    expect(store.document()!.lists[0]!.resources[0]!.parts).toEqual(expect.any(Array));
    await store.close();
    expect((await reopened(dir)).notes[`${PBTS}/peps`]?.body).toBe('saved before');
  });
});

describe('journal lines are checked before they are applied', () => {
  const hostile = [
    ['a status "pwned"', { progress: { [`${PBTS}/peps`]: { status: 'pwned', startedAt: null, doneAt: null, updatedAt: '2026-11-26T09:00:00.000Z' } }, notes: {}, activity: [] }],
    ['a list id "../../../etc"', { progress: {}, notes: {}, activity: [], customized: ['../../../etc'] }],
    ['a progress key that is no ref', { progress: { '../../../etc': { status: 'done', startedAt: null, doneAt: null, updatedAt: '2026-11-26T09:00:00.000Z' } }, notes: {}, activity: [] }],
    ['parts: "x"', { progress: {}, notes: {}, activity: [], resources: { [`${PBTS}/peps`]: { id: 'peps', title: 'PEPs', url: null, author: null, kind: 'link', description: '', group: null, addedAt: null, links: [], parts: 'x' } } }],
    ['a command restoring a list with id "../../../etc"', { progress: {}, notes: {}, activity: [], command: { name: 'restoreList', args: [{ item: { id: '../../../etc' }, index: 0, progress: {}, notes: {} }] } }],
    ['a command that does not exist', { progress: {}, notes: {}, activity: [], command: { name: 'constructor', args: [] } }],
    ['a line from a newer Studyshelf', { v: 99, progress: {}, notes: { [`${PBTS}/peps`]: note('from the future') }, activity: [] }],
  ] as const;

  it.each(hostile)('%s is skipped and reported; the good lines around it are applied', async (_what, entry) => {
    const dir = await savedProfile();
    const file = join(dir, DATA_FILE_NAME);
    const doc = (await savedState(dir)) as StudyDocument;
    const journal = join(dir, `studyshelf.journal-${String((doc.journalGeneration ?? 0) + 1).padStart(8, '0')}.ndjson`);
    await writeFile(journal, line(noteEntry(`${PBTS}/peps`, 'before the bad line')) + line(entry) + line(noteEntry(`${PBTS}/inside-the-python-virtual-machine`, 'after the bad line')));
    // Another computer's file and journal, as sync reads them.
    const replayed = await replayJournals(file, doc);
    expect(replayed.applied).toBe(2);
    expect(replayed.skipped).toHaveLength(1);
    expect(DocumentSchema.safeParse(doc).success).toBe(true);
    // Our own journal at start: the data stays readable, nothing is "restored from a backup", and the
    // line that was not applied is reported.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const after = await reopened(dir);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^Studyshelf: journal line not applied \(.*:2\)/));
    warn.mockRestore();
    expect(after.notes[`${PBTS}/peps`]?.body).toBe('before the bad line');
    expect(after.notes[`${PBTS}/inside-the-python-virtual-machine`]?.body).toBe('after the bad line');
    expect((await reopened(dir)).notes[`${PBTS}/inside-the-python-virtual-machine`]?.body).toBe('after the bad line');
  });

  it('new lines say which version wrote them', async () => {
    const dir = await savedProfile();
    const store = await openStore({ dir, compactAfterMs: 60_000 });
    await store.setDone(`${PBTS}/peps`, true);
    const [file] = await journalFiles(dir);
    const written = JSON.parse((await journalText(file!)).trim().slice(9)) as { v?: unknown };
    expect(written.v).toEqual(expect.any(Number));
    await store.close();
  });
});

describe('a damaged journal loses no more than the damaged line', () => {
  it('a bad line in the middle: the CRC-checked lines after it are still replayed; a torn last line is ignored', async () => {
    const dir = await savedProfile();
    const store = await openStore({ dir, compactAfterMs: 60_000 });
    await store.saveNote(`${PBTS}/peps`, 'first');
    const [file] = await journalFiles(dir);
    await appendFile(file!, '0badc0de {"progress":{},"notes":{},"activity":[]}\n');
    await appendFile(file!, line(noteEntry(`${PBTS}/inside-the-python-virtual-machine`, 'after the damage')));
    await appendFile(file!, '1234abcd {"progress":{"x":');
    // No close: the app died. The next start has both good lines.
    const doc = await savedState(dir);
    expect(doc.notes[`${PBTS}/peps`]?.body).toBe('first');
    expect(doc.notes[`${PBTS}/inside-the-python-virtual-machine`]?.body).toBe('after the damage');
  });

  it('an append that fails halfway never swallows the lines appended after it', async () => {
    const dir = await savedProfile();
    const file = join(dir, DATA_FILE_NAME);
    let failNext = true;
    const fs = {
      ...faultyFs(() => undefined),
      // A full disk: half the line reaches the file, then the write fails.
      async appendFileSynced(path: string, data: string) {
        if (failNext && data) {
          failNext = false;
          await appendFile(path, data.slice(0, data.length / 2));
          throw errno('ENOSPC');
        }
        await appendFile(path, data);
      },
    };
    const doc = await savedState(dir);
    const journal = new Journal(file, [], doc.journalGeneration ?? 0, fs);
    await expect(journal.append(noteEntry(`${PBTS}/peps`, 'lost with the disk'))).rejects.toThrow(/ENOSPC/);
    await journal.append(noteEntry(`${PBTS}/inside-the-python-virtual-machine`, 'written once there was space'));
    expect((await savedState(dir)).notes[`${PBTS}/inside-the-python-virtual-machine`]?.body).toBe('written once there was space');
  });
});

describe('quitting when the last write fails', () => {
  it('keeps everything in the recovery file, says so, and the next start has it', async () => {
    const dir = await savedProfile();
    let full = false;
    const fs = faultyFs((call, args) => (full && (call === 'appendFileSynced' || call === 'writeFileSynced') && !args[0]!.includes('recovery') ? errno('ENOSPC') : undefined));
    const store = await openStore({ dir, fs, retryDelaysMs: [60_000], compactAfterMs: 60_000 });
    await store.saveNote(`${PBTS}/peps`, 'journaled before the disk filled');
    full = true;
    await store.saveNote(`${PBTS}/inside-the-python-virtual-machine`, 'only in memory').catch(() => undefined);
    await expect(store.close()).rejects.toMatchObject({ code: 'io', message: expect.stringMatching(/disk is full.*recovery/is) });
    const recovery = JSON.parse(await readFile(recoveryFileOf(join(dir, DATA_FILE_NAME)), 'utf8')) as StudyDocument;
    expect(recovery.notes[`${PBTS}/inside-the-python-virtual-machine`]?.body).toBe('only in memory');
    const next = await openStore({ dir });
    expect(next.notices()[0]).toMatchObject({ kind: 'recovered-unsaved' });
    expect(next.document()!.notes[`${PBTS}/peps`]?.body).toBe('journaled before the disk filled');
    expect(next.document()!.notes[`${PBTS}/inside-the-python-virtual-machine`]?.body).toBe('only in memory');
    await next.close();
  });
});

describe('a long journal (another computer’s may hold many thousands of lines)', () => {
  it('is read and replayed a slice at a time: 20,000 lines never hold main over 200 ms, and every line lands', async () => {
    const dir = await savedProfile();
    const file = join(dir, DATA_FILE_NAME);
    const doc = (await savedState(dir)) as StudyDocument;
    const journal = join(dir, `studyshelf.journal-${String((doc.journalGeneration ?? 0) + 1).padStart(8, '0')}.ndjson`);
    const lines = Array.from({ length: 20_000 }, (_, i) => line(noteEntry(`${PBTS}/peps`, `line ${i}`)));
    await writeFile(journal, lines.join(''));
    const { outcome, blockedMs } = await longestBlock(() => replayJournals(file, doc));
    expect(outcome).toMatchObject({ applied: 20_000, skipped: [] });
    expect(doc.notes[`${PBTS}/peps`]?.body).toBe('line 19999');
    expect(blockedMs).toBeLessThan(MAX_BLOCK_MS);
  });
});
