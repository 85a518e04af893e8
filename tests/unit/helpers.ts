import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { realFs, type FsSeam } from '../../data/storage/fs-seam';
import { replayJournals } from '../../data/storage/journal-replay';
import { readDocument } from '../../data/storage/read-document';
import type { StudyDocument } from '../../data/model/schema';
import { DATA_FILE_NAME } from '../../data/storage/store';

const made: string[] = [];

/** A fresh temp folder, removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'studyshelf-unit-'));
  made.push(dir);
  return dir;
}

/** After each test (tests/unit/close-stores.ts, once its stores are closed): the temp folders go. */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 5 })));
}

export async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await readFile(file, 'utf8'));
}

export const PBTS = 'python-behind-the-scenes-resources';
export const CODEWALK = `${PBTS}/cpython-internals-ten-hour-codewalk`;

export function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected`), { code });
}

/** The real file system, with a hook that can fail any call. */
export function faultyFs(fail: (call: keyof FsSeam, args: string[]) => NodeJS.ErrnoException | undefined): FsSeam & { calls: string[] } {
  const calls: string[] = [];
  const wrap =
    <K extends keyof FsSeam>(name: K) =>
    async (...args: Array<string | number>) => {
      calls.push(name);
      const error = fail(name, args.map(String));
      if (error) throw error;
      return (realFs[name] as (...a: Array<string | number>) => Promise<never>)(...args);
    };
  return {
    calls,
    writeFileSynced: wrap('writeFileSynced'),
    appendFileSynced: wrap('appendFileSynced'),
    reserveFileSynced: wrap('reserveFileSynced') as FsSeam['reserveFileSynced'],
    rename: wrap('rename'),
    syncDir: wrap('syncDir'),
    readFile: wrap('readFile') as FsSeam['readFile'],
    unlink: wrap('unlink'),
    stat: realFs.stat,
  };
}

/** A journal file's text as its reader sees it: the room after the lines (NUL bytes) is not content. */
export async function journalText(file: string): Promise<string> {
  return (await readFile(file, 'utf8')).replace(/\0+$/, '');
}

/** What the next start would load from a profile folder: the data file, with the journal replayed. */
export async function savedState(dir: string): Promise<StudyDocument> {
  const file = join(dir, DATA_FILE_NAME);
  const { doc } = readDocument(file, await readFile(file));
  await replayJournals(file, doc);
  return doc;
}
