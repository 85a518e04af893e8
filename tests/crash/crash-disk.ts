import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { realFs, type FsSeam } from '../../data/storage/fs-seam';

/**
 * A disk that fills up and comes back, for the crash writer. Two ways:
 *
 * - injected (any folder): below the store's seam, every `FileHandle.write` of the process may take
 *   fewer bytes than it was given, and while the disk is "full" it takes part of them and then fails
 *   with ENOSPC, as write(2) does; so the real seam's loop over short writes and its truncate of a failed
 *   append run for real. Above that, while full, the seam wrapper sometimes writes part of the data to the
 *   real file and throws ENOSPC without cleaning up (a truncate that failed too: a torn line or temp file
 *   really on disk), and a rename sometimes fails with ENOSPC.
 * - real (a small tmpfs): a ballast file takes every free byte, so the kernel itself says ENOSPC; the
 *   disk comes back when the ballast is emptied.
 */
export interface Disk {
  fs: FsSeam;
  setFull(full: boolean): Promise<void>;
}

const BALLAST = 'ballast.bin';
const enospc = () => Object.assign(new Error('ENOSPC: no space left on device (injected)'), { code: 'ENOSPC' });
const cut = (length: number) => Math.floor(Math.random() * length);

type Write = (this: fsp.FileHandle, buffer: Uint8Array, offset?: number, length?: number, position?: number | null) => Promise<{ bytesWritten: number; buffer: Uint8Array }>;

export async function injectedDisk(dir: string): Promise<Disk> {
  let full = false;
  const probe = await fsp.open(dir, 'r');
  const prototype = Object.getPrototypeOf(probe) as { write: Write };
  await probe.close();
  const write = prototype.write;
  prototype.write = async function (buffer, offset = 0, length, position = null) {
    const wanted = length ?? buffer.byteLength - offset;
    if (typeof buffer === 'string' || wanted < 2) {
      if (full) throw enospc();
      return write.call(this, buffer, offset, length, position);
    }
    // Full: part of it, or nothing (ENOSPC). Not full: now and then part of it, and the caller writes the rest.
    if (full && Math.random() < 0.5) throw enospc();
    if (full || Math.random() < 0.1) return write.call(this, buffer, offset, 1 + cut(wanted - 1), position);
    return write.call(this, buffer, offset, length, position);
  };
  /** Part of `data` into the real file, then ENOSPC, and nothing cleaned up. */
  const torn = async (path: string, data: string) => {
    const bytes = Buffer.from(data, 'utf8');
    const handle = await fsp.open(path, 'wx', 0o600);
    try {
      await write.call(handle, bytes, 0, cut(bytes.length), null);
    } finally {
      await handle.close();
    }
    throw enospc();
  };
  const fs: FsSeam = {
    ...realFs,
    writeFileSynced: (path, data) => (full && Math.random() < 0.3 ? torn(path, data) : realFs.writeFileSynced(path, data)),
    // A torn append lands where the seam writes (after the content, inside the room the file was made with).
    appendFileSynced: (path, data) => (full && data && Math.random() < 0.3 ? realFs.appendFileSynced(path, data.slice(0, cut(data.length))).then(() => Promise.reject(enospc())) : realFs.appendFileSynced(path, data)),
    rename: (from, to) => (full && Math.random() < 0.2 ? Promise.reject(enospc()) : realFs.rename(from, to)),
  };
  return {
    fs,
    setFull: async (value) => void (full = value),
  };
}

/** For a data folder on a small file system of its own (a tmpfs): fills it for real. */
export function realDisk(dir: string): Disk {
  const ballast = join(dir, BALLAST);
  return {
    fs: realFs,
    async setFull(value) {
      if (!value) return fsp.truncate(ballast, 0).catch(() => undefined);
      const handle = await fsp.open(ballast, 'a');
      const chunk = Buffer.alloc(256 * 1024);
      try {
        // Large chunks first, then ever smaller ones, until not one byte more fits.
        for (let size = chunk.length; size >= 1; ) {
          try {
            await handle.write(chunk, 0, size);
          } catch {
            size = Math.floor(size / 4);
          }
        }
      } finally {
        await handle.close();
      }
    },
  };
}

/** Before a writer starts: the disk comes back (the ballast a killed writer left is emptied). */
export async function emptyBallast(dir: string): Promise<void> {
  await fsp.truncate(join(dir, BALLAST), 0).catch(() => undefined);
}
