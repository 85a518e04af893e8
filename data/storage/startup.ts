import { rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { newestGoodBackup, parseBackupName, writeBackup } from './backups';
import { newDocument, refreshBundledLists } from '../document';
import { DataFileCorruptError, StudyError } from '../model/errors';
import { describeFsError, isErrno, realFs, type FsSeam } from './fs-seam';
import { NewerVersionError } from './migrate';
import { readDocument } from './read-document';
import { DocumentSchema, SCHEMA_VERSION, type StudyDocument, type StudyList } from '../model/schema';
import type { StartupNotice } from '../model/reports';

export type { StartupNotice } from '../model/reports';

export interface Loaded {
  /** Null only when the data was damaged and no backup could replace it: the user decides. */
  doc: StudyDocument | null;
  notices: StartupNotice[];
  readOnly: string | null;
  mustWrite: boolean;
  /** A first run: nothing of the user's exists yet, so there is nothing to back up. */
  created?: boolean;
}

export function recoveryFileOf(dataFile: string): string {
  return join(dirname(dataFile), basename(dataFile, '.json') + '.recovery.json');
}

/** What quitting says when its last write failed: why, and where the unsaved changes are kept. */
export function unsavedAtQuit({ error, kept }: { error: unknown; kept: boolean }, recoveryFile: string): StudyError {
  const where = kept ? `Your changes are kept in ${recoveryFile} and are put back at the next start.` : 'They could not be kept in the recovery file either.';
  return new StudyError('io', `Not everything could be saved to disk: ${describeFsError(error)}. ${where}`, { cause: error });
}

/** Moves a damaged file aside (never deletes it) and returns where it went. */
export async function moveAside(file: string, now: Date): Promise<string> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = join(dirname(file), `${basename(file, '.json')}.damaged-${stamp}.json`);
  await rename(file, target);
  return target;
}

function problemOf(error: DataFileCorruptError): string {
  switch (error.reason) {
    case 'empty':
      return 'the file was empty';
    case 'nul-filled':
      return 'the file held only zero bytes, as a power loss can leave it';
    case 'not-json':
      return 'the file was not valid JSON, as if cut short or overwritten';
    case 'schema':
      return 'the file is JSON but not a Studyshelf document';
  }
}

/**
 * Reads the data at start, in this order: changes left in a recovery file by a run that could not
 * save them; the data file (migrated forward); the newest good backup when the data file is damaged or
 * missing. A damaged file is moved aside, never overwritten or deleted.
 */
export async function loadDocument(dataFile: string, shipped: StudyList[], now: Date, fs: FsSeam = realFs): Promise<Loaded> {
  const notices: StartupNotice[] = [];

  const recoveryFile = recoveryFileOf(dataFile);
  const recoveryBytes = await fs.readFile(recoveryFile).catch(() => null);
  if (recoveryBytes) {
    try {
      const { doc } = readDocument(recoveryFile, recoveryBytes);
      refreshBundledLists(doc, shipped);
      return { doc, notices: [{ kind: 'recovered-unsaved', recoveryFile }], readOnly: null, mustWrite: true };
    } catch {
      await moveAside(recoveryFile, now).catch(() => undefined);
    }
  }

  let bytes: Buffer | null;
  try {
    bytes = await fs.readFile(dataFile);
  } catch (error) {
    if (!isErrno(error, 'ENOENT')) throw error;
    bytes = null;
  }

  if (bytes === null) {
    // A missing file with backups beside it is lost data, not a first run.
    const backup = await newestGoodBackup(dataFile, fs);
    if (backup) {
      return { doc: backup.doc, notices: [{ kind: 'missing-restored', backupTakenAt: takenAt(backup.name) }], readOnly: null, mustWrite: true };
    }
    return { doc: newDocument(shipped), notices, readOnly: null, mustWrite: true, created: true };
  }

  try {
    const { doc, from } = readDocument(dataFile, bytes);
    if (from < SCHEMA_VERSION) await writeBackup(dataFile, bytes, `before-migration-v${from}`, now, fs);
    const refreshed = refreshBundledLists(doc, shipped);
    return { doc, notices, readOnly: null, mustWrite: from < SCHEMA_VERSION || refreshed };
  } catch (error) {
    if (error instanceof NewerVersionError) {
      notices.push({ kind: 'read-only', message: error.message });
      return { doc: lenientRead(bytes), notices, readOnly: error.message, mustWrite: false };
    }
    if (!(error instanceof DataFileCorruptError)) throw error;
    const problem = problemOf(error);
    const damagedFile = await moveAside(dataFile, now);
    const backup = await newestGoodBackup(dataFile, fs);
    if (backup) {
      notices.push({ kind: 'restored-backup', damagedFile, problem, backupTakenAt: takenAt(backup.name) });
      return { doc: backup.doc, notices, readOnly: null, mustWrite: true };
    }
    notices.push({ kind: 'no-backup', damagedFile, problem });
    return { doc: null, notices, readOnly: null, mustWrite: false };
  }
}

function takenAt(backupName: string): string {
  return parseBackupName(backupName)?.createdAt.toISOString() ?? '';
}

/** A newer file may still be readable by this version's schema; shown read-only if so. */
function lenientRead(bytes: Buffer): StudyDocument | null {
  try {
    const raw = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
    const parsed = DocumentSchema.safeParse({ ...raw, schemaVersion: SCHEMA_VERSION });
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
