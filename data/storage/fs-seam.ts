import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';

/**
 * The file-system calls the durable adapter makes, as one object, so tests can inject ENOSPC, EIO, a
 * refused rename or a failing fsync exactly where a real disk would fail.
 */
export interface FsSeam {
  writeFileSynced(path: string, data: string): Promise<void>;
  /**
   * Appends to a file (created if missing) and fdatasyncs it: the journal's one write per change. The
   * data goes after the file's content; NUL bytes at its end are room made by `reserveFileSynced`, not
   * content, and are written over.
   */
  appendFileSynced(path: string, data: string): Promise<void>;
  /**
   * Makes a new file of `bytes` NUL bytes, on disk and synced, for appends to fill in place: SQLite's
   * WAL and PostgreSQL's log segments are reused the same way. An fdatasync after a write into blocks
   * the file already has need not commit a new file size as well. Optional: a seam without it appends
   * to a growing file.
   */
  reserveFileSynced?(path: string, bytes: number): Promise<void>;
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
   * the fdatasync), with its size. A stat of its name before each append says whether it is still the
   * file at that name: a journal deleted, moved or replaced by another program is opened again, never
   * written through a stale descriptor.
   */
  async appendFileSynced(path, data) {
    const target = appendTarget(path);
    const before = target.end;
    const bytes = Buffer.from(data, 'utf8');
    try {
      try {
        writeAllSync(target.fd, bytes, before);
      } catch (error) {
        // Half a line must not stay where the next append would glue itself to it (the room after it
        // goes too: a full disk is no time to keep it).
        try {
          fs.ftruncateSync(target.fd, before);
        } catch {
          // The truncate failing too leaves a torn line, which the reader skips.
        }
        throw error;
      }
      fs.fdatasyncSync(target.fd);
      target.end = before + bytes.length;
    } catch (error) {
      forgetAppendTarget(path);
      throw error;
    }
  },
  async reserveFileSynced(path, bytes) {
    forgetAppendTarget(path);
    // 'wx': never over a file that is there, whose content would be lost.
    const fd = fs.openSync(path, 'wx', 0o600);
    try {
      writeAllSync(fd, Buffer.alloc(bytes), 0);
      fs.fsyncSync(fd);
      keepAppendTarget(path, fd, 0);
    } catch (error) {
      fs.closeSync(fd);
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

/** The file appended to last, kept open (one journal is appended to at a time), and where its content ends. */
let appending: { path: string; fd: number; ino: number; dev: number; end: number } | null = null;

/**
 * The open file for an append to `path`: the one kept, while it is still the file at that name (not
 * deleted, not replaced by a rename: the name's inode is the one opened — one stat per append), else
 * the file opened anew.
 */
function appendTarget(path: string): NonNullable<typeof appending> {
  if (appending?.path === path) {
    const named = fs.statSync(path, { throwIfNoEntry: false });
    if (named && named.ino === appending.ino && named.dev === appending.dev) return appending;
  }
  forgetAppendTarget(appending?.path ?? path);
  // Not 'a': in append mode every write lands at the end, after the room reserved there.
  const fd = fs.openSync(path, fs.constants.O_RDWR | fs.constants.O_CREAT, 0o600);
  try {
    return keepAppendTarget(path, fd, contentEnd(fd));
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
}

function keepAppendTarget(path: string, fd: number, end: number): NonNullable<typeof appending> {
  const { ino, dev } = fs.fstatSync(fd);
  forgetAppendTarget(appending?.path ?? path);
  appending = { path, fd, ino, dev, end };
  return appending;
}

/** Where a file's content ends: before the NUL bytes at its end (room reserved for it). */
function contentEnd(fd: number): number {
  let end = fs.fstatSync(fd).size;
  const chunk = Buffer.alloc(64 * 1024);
  while (end > 0) {
    const from = Math.max(0, end - chunk.length);
    const read = fs.readSync(fd, chunk, 0, end - from, from);
    for (let i = read - 1; i >= 0; i--) if (chunk[i] !== 0) return from + i + 1;
    end = from;
  }
  return 0;
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

function writeAllSync(fd: number, bytes: Buffer, position: number): void {
  let offset = 0;
  while (offset < bytes.length) {
    const bytesWritten = fs.writeSync(fd, bytes, offset, bytes.length - offset, position + offset);
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
