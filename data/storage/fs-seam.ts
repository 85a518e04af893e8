import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';

/**
 * The file-system calls the durable adapter makes, as one object, so tests can inject ENOSPC, EIO, a
 * refused rename or a failing fsync exactly where a real disk would fail.
 */
export interface FsSeam {
  writeFileSynced(path: string, data: string): Promise<void>;
  /** Appends to a file (created if missing) and fdatasyncs it: the journal's one write per change. */
  appendFileSynced(path: string, data: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  syncDir(dir: string): Promise<void>;
  readFile(path: string): Promise<Buffer>;
  unlink(path: string): Promise<void>;
  /** Identity of a file as it is now, or null when there is none. */
  stat(path: string): Promise<FileIdentity | null>;
}

/** Tells one version of a file from another: a rename brings a new inode, an in-place write a new mtime. */
export interface FileIdentity {
  ino: number;
  size: number;
  mtimeMs: number;
}

export function sameIdentity(a: FileIdentity | null, b: FileIdentity | null): boolean {
  return !!a && !!b && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

export const realFs: FsSeam = {
  async writeFileSynced(path, data) {
    // 'wx': the temp name is unique; never write through an existing file.
    const handle = await fsp.open(path, 'wx', 0o600);
    try {
      await writeAll(handle, Buffer.from(data, 'utf8'));
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  /**
   * Synchronous on purpose: the journal's append is what a tick waits for, and five trips through the
   * thread pool (open, stat, write, datasync, close) cost more than the fdatasync itself. Done here
   * in one go, main is held for about the fdatasync (see `npm run bench`: the tick row and SQLite's).
   * The journal being appended to stays open between appends (opening it was the dearest call after
   * the fdatasync). The fstat each append makes anyway (its size before) and a stat of the name say
   * whether it is still the file at its name: a journal deleted, moved or replaced by another program
   * is opened again, never written through a stale descriptor.
   */
  async appendFileSynced(path, data) {
    const { fd, size: before } = appendTarget(path);
    try {
      try {
        writeAllSync(fd, Buffer.from(data, 'utf8'));
      } catch (error) {
        // Half a line must not stay where the next append would glue itself to it.
        try {
          fs.ftruncateSync(fd, before);
        } catch {
          // The truncate failing too leaves a torn line, which the reader skips.
        }
        throw error;
      }
      fs.fdatasyncSync(fd);
    } catch (error) {
      forgetAppendTarget(path);
      throw error;
    }
  },
  rename: (from, to) => fsp.rename(from, to),
  async syncDir(dir) {
    let handle: fsp.FileHandle | undefined;
    try {
      handle = await fsp.open(dir, 'r');
      await handle.sync();
    } catch (error) {
      // Windows cannot open or fsync a directory; its rename is already durable (MoveFileEx).
      if (!isErrno(error, 'EISDIR', 'EPERM', 'EACCES', 'EINVAL')) throw error;
    } finally {
      await handle?.close();
    }
  },
  readFile: (path) => fsp.readFile(path),
  unlink: (path) => {
    forgetAppendTarget(path);
    return fsp.unlink(path);
  },
  // Synchronous too: asked before every change (has another program written the file?), and a stat
  // is a few microseconds where a trip through the thread pool is a good part of a tick.
  async stat(path) {
    try {
      const { ino, size, mtimeMs } = fs.statSync(path);
      return { ino, size, mtimeMs };
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return null;
      throw error;
    }
  },
};

/** The file appended to last, kept open: one journal is appended to at a time. */
let appending: { path: string; fd: number } | null = null;

/**
 * The open file for an append to `path`, and its size before it: the one kept, while it is still the file
 * at that name (not deleted, not replaced by a rename: same inode, still linked), else the file opened anew.
 */
function appendTarget(path: string): { fd: number; size: number } {
  if (appending?.path === path) {
    try {
      const open = fs.fstatSync(appending.fd);
      const named = fs.statSync(path, { throwIfNoEntry: false });
      if (open.nlink > 0 && named && named.ino === open.ino && named.dev === open.dev) return { fd: appending.fd, size: open.size };
    } catch {
      // A descriptor that cannot be read is opened again below.
    }
  }
  forgetAppendTarget(appending?.path ?? path);
  const fd = fs.openSync(path, 'a', 0o600);
  appending = { path, fd };
  try {
    return { fd, size: fs.fstatSync(fd).size };
  } catch (error) {
    forgetAppendTarget(path);
    throw error;
  }
}

/** Closes the kept file if it is `path`'s (before it is deleted, after a failed append). */
export function forgetAppendTarget(path: string): void {
  if (appending?.path !== path) return;
  const { fd } = appending;
  appending = null;
  try {
    fs.closeSync(fd);
  } catch {
    // Already closed or gone: nothing is kept.
  }
}

/**
 * A write may take fewer bytes than it was given (a full disk, a signal): write the rest until every
 * byte is there, and call a write that takes none what it is, a full disk, instead of success.
 */
async function writeAll(handle: fsp.FileHandle, bytes: Buffer): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset, null);
    if (bytesWritten <= 0) throw Object.assign(new Error('ENOSPC: no byte could be written'), { code: 'ENOSPC' });
    offset += bytesWritten;
  }
}

function writeAllSync(fd: number, bytes: Buffer): void {
  let offset = 0;
  while (offset < bytes.length) {
    const bytesWritten = fs.writeSync(fd, bytes, offset, bytes.length - offset, null);
    if (bytesWritten <= 0) throw Object.assign(new Error('ENOSPC: no byte could be written'), { code: 'ENOSPC' });
    offset += bytesWritten;
  }
}

/** Says what a failed file operation means for the user, in words, with the code for support. */
export function describeFsError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const words: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EACCES: 'permission was denied',
    EPERM: 'the operation was not permitted (the file may be locked by another program)',
    EBUSY: 'the file is locked by another program',
    EROFS: 'the disk is read-only',
    EIO: 'the disk reported an input/output error',
    ENOENT: 'the data folder no longer exists',
  };
  if (words[code]) return `${words[code]} (${code})`;
  return error instanceof Error ? error.message : String(error);
}

export function isErrno(error: unknown, ...codes: string[]): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    codes.includes(error.code)
  );
}
