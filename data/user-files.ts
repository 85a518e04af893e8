import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { describeFsError, realFs, type FsSeam } from './storage/fs-seam';
import { ImportError, MAX_IMPORT_BYTES } from './import/imported';
import { StudyError } from './model/errors';

/**
 * Files the user picks in the system's own dialogs (Electron): a file to import, read here so a 50 MB
 * file is refused before it is read, and an export, written whole or not at all.
 */
export async function readImportFile(path: string, fs: FsSeam = realFs): Promise<{ fileName: string; content: string }> {
  const fileName = basename(path);
  const identity = await fs.stat(path).catch((error: unknown) => {
    throw new ImportError(`“${fileName}” could not be opened: ${describeFsError(error)}`);
  });
  if (!identity) throw new ImportError(`“${fileName}” is no longer there.`);
  if (identity.size > MAX_IMPORT_BYTES) {
    throw new ImportError(`“${fileName}” is ${Math.round(identity.size / 1024 / 1024)} MB; Studyshelf imports files up to 20 MB.`);
  }
  const bytes = await fs.readFile(path).catch((error: unknown) => {
    throw new ImportError(`“${fileName}” could not be read: ${describeFsError(error)}`);
  });
  // A byte-order mark is not part of the text; anything not UTF-8 shows as U+FFFD and the preview says so
  // (import/imported.ts, finishPreview): counted there, so that a file dropped on the window is told too.
  return { fileName, content: bytes.toString('utf8').replace(/^\uFEFF/, '') };
}

/** Writes beside the target and renames over it: an export interrupted half-way never leaves half a file. */
export async function writeExportFile(path: string, content: string, fs: FsSeam = realFs): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeFileSynced(temp, content);
    await fs.rename(temp, path);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw new StudyError('io', `“${basename(path)}” could not be saved: ${describeFsError(error)}`);
  }
}
