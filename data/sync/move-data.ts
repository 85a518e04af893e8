import { cp, mkdir, readdir, readFile, rm, rmdir, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { StudyError } from '../errors';
import { Journal } from '../journal';
import { readDocument } from '../read-document';
import { DATA_FILE_NAME } from '../store';
import { sameDocument } from './merge';

/**
 * Moves the data (the document and its backups) from one folder to another, safely: copy, verify the
 * copy reads back as the same data, and only then let the caller switch to it; the old files are
 * removed last, by `removeMovedData`. The store must be closed (its journal folded in) before.
 */
export async function copyData(from: string, to: string): Promise<void> {
  if (!isAbsolute(to)) throw new StudyError('invalid-argument', 'Choose a folder by its full path.');
  if (resolve(from) === resolve(to)) throw new StudyError('invalid-argument', 'Your data is in that folder already.');
  const existing = await stat(join(to, DATA_FILE_NAME)).catch(() => null);
  if (existing) throw new StudyError('invalid-argument', `That folder already holds Studyshelf data of this computer (${join(to, DATA_FILE_NAME)}); nothing was changed.`);
  try {
    await mkdir(to, { recursive: true });
    await cp(join(from, DATA_FILE_NAME), join(to, DATA_FILE_NAME), { errorOnExist: true, force: false });
    const backups = join(from, 'backups');
    if (await stat(backups).catch(() => null)) await cp(backups, join(to, 'backups'), { recursive: true, errorOnExist: true, force: false });
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
