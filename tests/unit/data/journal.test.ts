import { appendFile, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Journal, JOURNAL_ROOM_BYTES, type SkippedLine } from '../../../data/storage/journal';
import { readJournals } from '../../../data/storage/journal-replay';
import { DATA_FILE_NAME, openStore } from '../../../data/storage/store';
import { writeProfile, bigDocument, BIG_LIST } from '../../../bench/fixture';
import { faultyFs, journalText, PBTS, savedState, tempDir } from '../helpers';

const journalFiles = async (dir: string) => (await readdir(dir)).filter((n) => n.includes('.journal-'));
/** How many bytes of lines a journal holds (not the room it was made with). */
const journalBytes = async (dir: string, name: string) => Buffer.byteLength(await journalText(join(dir, name)));
const dataFile = async (dir: string) => JSON.parse(await readFile(join(dir, DATA_FILE_NAME), 'utf8'));

describe('reading a journal made with room for its lines', () => {
  it('reads every line, whether the room is after them or a program appended after the room', async () => {
    const dir = await tempDir();
    const file = join(dir, 'studyshelf.journal-00000001.ndjson');
    const line = (ref: string) => {
      const json = JSON.stringify({ progress: { [ref]: null }, notes: {}, activity: [] });
      return `${crc32(json).toString(16).padStart(8, '0')} ${json}\n`;
    };
    await writeFile(file, `${line('a/one')}${'\0'.repeat(100)}${line('a/two')}${'\0'.repeat(100)}`);
    const skipped: SkippedLine[] = [];
    const entries = await readJournals([file], undefined, skipped);
    expect(entries.map((e) => Object.keys(e.progress)[0])).toEqual(['a/one', 'a/two']);
    expect(skipped).toEqual([]);
  });
});

describe('the journal: a tick costs a small append, not a rewrite of the whole document', () => {
  it('a tick at 10,000 resources appends a few hundred bytes and leaves the data file alone until the pause', async () => {
    const dir = await writeProfile(await tempDir(), bigDocument(10_000));
    const store = await openStore({ dir, compactAfterMs: 60_000 });
    const before = await stat(join(dir, DATA_FILE_NAME));
    await store.setDone(`${BIG_LIST}/r1`, true);
    const [journal] = await journalFiles(dir);
    expect(await journalBytes(dir, journal!)).toBeLessThan(400);
    // Written into the room the file was made with (its fdatasync need not commit a new size), not after it.
    expect((await stat(join(dir, journal!))).size).toBe(JOURNAL_ROOM_BYTES);
    expect((await stat(join(dir, DATA_FILE_NAME))).mtimeMs).toBe(before.mtimeMs);
    expect((await savedState(dir)).progress[`${BIG_LIST}/r1`]?.status).toBe('done');
    await store.close();
    // Quitting writes the document whole and leaves no journal behind.
    expect((await dataFile(dir)).progress[`${BIG_LIST}/r1`].status).toBe('done');
    expect(await journalFiles(dir)).toEqual([]);
  });

  it('after a pause the whole document is written and the journal it holds is deleted', async () => {
    const dir = await tempDir();
    const store = await openStore({ dir, compactAfterMs: 20 });
    await store.setDone(`${PBTS}/peps`, true);
    await store.saveNote(`${PBTS}/peps`, 'first words');
    await vi.waitFor(async () => expect((await dataFile(dir)).notes[`${PBTS}/peps`]?.body).toBe('first words'));
    await vi.waitFor(async () => expect(await readJournals((await journalFiles(dir)).map((n) => join(dir, n)))).toEqual([]));
    await store.close();
  });

  it('a crash before the pause: the next start replays the journal, writes the document and removes the journal', async () => {
    const dir = await tempDir();
    const store = await openStore({ dir, compactAfterMs: 60_000 });
    await store.setDone(`${PBTS}/peps`, true);
    await store.saveNote(`${PBTS}/peps`, 'kept through the crash');
    await store.setDone(`${PBTS}/peps`, false);
    // No close(): the process "dies" here; the data file never saw these changes.
    expect((await dataFile(dir)).notes[`${PBTS}/peps`]).toBeUndefined();
    const next = await openStore({ dir });
    expect(next.document()!.notes[`${PBTS}/peps`]?.body).toBe('kept through the crash');
    expect(next.document()!.progress[`${PBTS}/peps`]?.status).toBe('todo');
    expect(next.document()!.activity.map((a) => a.action)).toEqual(['done', 'note', 'undone']);
    expect((await dataFile(dir)).notes[`${PBTS}/peps`].body).toBe('kept through the crash');
    await next.close();
    expect(await journalFiles(dir)).toEqual([]);
  });

  it('a line cut short by a crash is ignored: what came before is kept', async () => {
    const dir = await tempDir();
    const store = await openStore({ dir, compactAfterMs: 60_000 });
    await store.saveNote(`${PBTS}/peps`, 'whole line');
    const [file] = await journalFiles(dir);
    await appendFile(join(dir, file!), '1234abcd {"progress":{"x":');
    const next = await openStore({ dir });
    expect(next.document()!.notes[`${PBTS}/peps`]?.body).toBe('whole line');
    await next.close();
  });

  it('an old journal a document already holds is never replayed over later changes', async () => {
    const dir = await tempDir();
    const store = await openStore({ dir, compactAfterMs: 60_000 });
    await store.setDone(`${PBTS}/peps`, true);
    const [old] = await journalFiles(dir);
    const oldText = await readFile(join(dir, old!), 'utf8');
    await store.close(); // the document now holds it; the journal is gone
    const again = await openStore({ dir });
    await again.change((doc) => void (doc.progress[`${PBTS}/peps`] = { ...doc.progress[`${PBTS}/peps`]!, status: 'todo' }));
    await again.close();
    // A deletion that never happened (a crash right after the write): the stale file is back.
    await appendFile(join(dir, old!), oldText);
    const last = await openStore({ dir });
    expect(last.document()!.progress[`${PBTS}/peps`]?.status).toBe('todo');
    await last.close();
  });

  it('a full disk: the journal append fails, the change is kept in memory and the recovery file, and saved later', async () => {
    const dir = await tempDir();
    let full = false;
    const fs = faultyFs((call, args) => (full && (call === 'appendFileSynced' || call === 'writeFileSynced') && !args[0]!.includes('recovery') ? Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }) : undefined));
    const store = await openStore({ dir, fs, retryDelaysMs: [20] });
    full = true;
    await expect(store.setDone(`${PBTS}/peps`, true)).rejects.toMatchObject({ code: 'io' });
    expect(store.document()!.progress[`${PBTS}/peps`]?.status).toBe('done');
    full = false;
    await vi.waitFor(() => expect(store.health()).toEqual({ ok: true }));
    expect((await dataFile(dir)).progress[`${PBTS}/peps`].status).toBe('done');
    await store.close();
  });

  it('part edits and resource edits are journaled with the one resource, and replayed after a crash', async () => {
    const dir = await writeProfile(await tempDir(), bigDocument(10_000));
    const store = await openStore({ dir, compactAfterMs: 60_000 });
    const before = await stat(join(dir, DATA_FILE_NAME));
    const part = await store.addPart(`${BIG_LIST}/r5`, 'Chapter 1', null);
    await store.addPart(`${BIG_LIST}/r5`, 'Chapter 2', null);
    await store.setDone(`${BIG_LIST}/r5/${part.id}`, true);
    await store.renamePart(`${BIG_LIST}/r5/${part.id}`, 'Chapter one');
    await store.changeResource(`${BIG_LIST}/r6`, (doc) => void (doc.lists[0]!.resources[6]!.title = 'Renamed'));
    const [journal] = await journalFiles(dir);
    expect(await journalBytes(dir, journal!)).toBeLessThan(3000);
    expect((await stat(join(dir, DATA_FILE_NAME))).mtimeMs).toBe(before.mtimeMs);
    // No close: a crash. The next start has every edit.
    const next = await openStore({ dir });
    const list = next.document()!.lists[0]!;
    expect(list.resources[5]!.parts.map((p) => p.title)).toEqual(['Chapter one', 'Chapter 2']);
    expect(list.resources[6]!.title).toBe('Renamed');
    expect(list.customized).toBe(true);
    expect(next.document()!.progress[`${BIG_LIST}/r5/${part.id}`]?.status).toBe('done');
    await next.close();
  });

  it('list-shape edits are journaled as commands at any size, and a crash replays them exactly', async () => {
    const dir = await writeProfile(await tempDir(), bigDocument(10_000));
    const store = await openStore({ dir, compactAfterMs: 60_000 });
    const before = await stat(join(dir, DATA_FILE_NAME));
    const added = await store.command('addResource', BIG_LIST, { title: 'A new one', url: 'https://example.com/new', author: null, description: '' });
    await store.setDone(`${BIG_LIST}/${added.id}`, true);
    const newRef = await store.command('moveResource', `${BIG_LIST}/${added.id}`, BIG_LIST, 0);
    const removed = await store.command('deleteResource', `${BIG_LIST}/r7`);
    const list = await store.command('createList', 'Fresh', 'made after the last write');
    await store.command('moveList', list.id, 0);
    await store.command('restoreResource', removed);
    const [journal] = await journalFiles(dir);
    expect(await journalBytes(dir, journal!)).toBeLessThan(5000);
    expect((await stat(join(dir, DATA_FILE_NAME))).mtimeMs).toBe(before.mtimeMs);
    const expected = structuredClone(store.document()!);
    // No close: a crash. The next start replays the commands onto the very state they were made on.
    const next = await openStore({ dir });
    const { journalGeneration: _a, ...got } = next.document()!;
    const { journalGeneration: _b, ...want } = expected;
    expect(got).toEqual(want);
    expect(next.document()!.lists[0]!.title).toBe('Fresh');
    expect(next.document()!.lists[1]!.resources[0]!.title).toBe('A new one');
    expect(next.document()!.progress[newRef]?.status).toBe('done');
    await next.close();
  });

  it('journal files are named by generation and found in order', async () => {
    const dir = await tempDir();
    const journal = new Journal(join(dir, DATA_FILE_NAME), [], 7);
    expect(journal.file).toMatch(/studyshelf\.journal-00000008\.ndjson$/);
    await journal.append({ progress: {}, notes: {}, activity: [] });
    journal.rotate({ prepareNext: true });
    await journal.append({ progress: {}, notes: {}, activity: [] });
    await journal.settled();
    expect((await Journal.files(join(dir, DATA_FILE_NAME))).map((f) => f.generation)).toEqual([8, 9]);
  });
});
