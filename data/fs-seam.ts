import * as fsp from 'node:fs/promises';

/**
 * The file-system calls the durable adapter makes, as one object, so tests can inject ENOSPC, EIO, a
 * refused rename or a failing fsync exactly where a real disk would fail.
 */
export interface FsSeam {
  writeFileSynced(path: string, data: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  syncDir(dir: string): Promise<void>;
  readFile(path: string): Promise<Buffer>;
  unlink(path: string): Promise<void>;
}

export const realFs: FsSeam = {
  async writeFileSynced(path, data) {
    // 'wx': the temp name is unique; never write through an existing file.
    const handle = await fsp.open(path, 'wx', 0o600);
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
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
  unlink: (path) => fsp.unlink(path),
};

export function isErrno(error: unknown, ...codes: string[]): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    codes.includes(error.code)
  );
}
