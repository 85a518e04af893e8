import { cp, mkdir, open, readdir, readFile, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { StudyError } from '../model/errors';
import { realFs } from '../storage/fs-seam';
import { Journal } from '../storage/journal';
import { readDocument } from '../storage/read-document';
import { DATA_FILE_NAME } from '../storage/store';
import { sameDocument } from './merge';

/** How copies are made durable; a seam so a test can see that it happens, and when. */
export interface CopySync {
  syncFile(path: string): Promise<void>;
  syncDir(dir: string): Promise<void>;
}

const durable: CopySync = {
  async syncFile(path) {
    // 'r+': Windows flushes a file only through a handle that may write it.
    const handle = await open(path, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  syncDir: (dir) => realFs.syncDir(dir),
};

/**
 * Moves the data (the document and its backups) from one folder to another, safely: copy, verify the
 * copy reads back as the same data, and only then let the caller switch to it; the old files are
 * removed last, by `removeMovedData`. The store must be closed (its journal folded in) before.
 */
export async function copyData(from: string, to: string, sync: CopySync = durable): Promise<void> {
  if (!isAbsolute(to)) throw new StudyError('invalid-argument', 'Choose a folder by its full path.');
  if (resolve(from) === resolve(to)) throw new StudyError('invalid-argument', 'Your data is in that folder already.');
  const existing = await stat(join(to, DATA_FILE_NAME)).catch(() => null);
  if (existing) throw new StudyError('invalid-argument', `That folder already holds Studyshelf data of this computer (${join(to, DATA_FILE_NAME)}); nothing was changed.`);
  try {
    await mkdir(to, { recursive: true });
    await cp(join(from, DATA_FILE_NAME), join(to, DATA_FILE_NAME), { errorOnExist: true, force: false });
    const backups = join(from, 'backups');
    if (await stat(backups).catch(() => null)) await cp(backups, join(to, 'backups'), { recursive: true, errorOnExist: true, force: false });
    // On the disk, not only in the cache, before the originals may be removed: a power loss after the
    // move must find the copies whole. Each file first, then the folders that name them.
    await sync.syncFile(join(to, DATA_FILE_NAME));
    const copiedBackups = await readdir(join(to, 'backups')).catch(() => [] as string[]);
    for (const name of copiedBackups) await sync.syncFile(join(to, 'backups', name));
    if (copiedBackups.length > 0) await sync.syncDir(join(to, 'backups'));
    await sync.syncDir(to);
    await sync.syncDir(dirname(to)); // the folder itself may be new
  } catch (error) {
    throw new StudyError('io', `The data could not be copied to ${to}: ${error instanceof Error ? error.message : String(error)}. Your data stays where it was.`, { cause: error });
  }
  await verifyCopy(from, to);
}

async function verifyCopy(from: string, to: string): Promise<void> {
  const original = readDocument(join(from, DATA_FILE_NAME), await readFile(join(from, DATA_FILE_NAME))).doc;
  let copy;
  try {
    copy = readDocument(join(to, DATA_FILE_NAME), await readFile(join(to, DATA_FILE_NAME))).doc;
  } catch (error) {
    throw new StudyError('io', `The copy in ${to} does not read back (${error instanceof Error ? error.message : String(error)}). Your data stays where it was.`);
  }
  if (!sameDocument(original, copy)) throw new StudyError('io', `The copy in ${to} is not the same as your data. Your data stays where it was.`);
  const backups = await readdir(join(from, 'backups')).catch(() => [] as string[]);
  for (const name of backups) {
    const [a, b] = await Promise.all([readFile(join(from, 'backups', name)), readFile(join(to, 'backups', name)).catch(() => null)]);
    if (!b || !a.equals(b)) throw new StudyError('io', `The backup ${name} was not copied whole. Your data stays where it was.`);
  }
}

/**
 * After the switch: the old data file, its journals and backups go (only those: the app's folder holds
 * other files). Leaving a shared folder also takes this computer's name and merge bases out of it.
 */
export async function removeMovedData(from: string, options: { sharedDeviceDir?: boolean } = {}): Promise<void> {
  const file = join(from, DATA_FILE_NAME);
  for (const journal of await Journal.files(file)) await rm(journal.file, { force: true });
  await rm(file, { force: true });
  await rm(join(from, 'backups'), { recursive: true, force: true });
  if (options.sharedDeviceDir) {
    await rm(join(from, 'seen'), { recursive: true, force: true });
    await rm(join(from, 'device.json'), { force: true });
    await rmdir(from).catch(() => undefined); // only if nothing else is left there
  }
}
