import type * as fs from 'node:fs';
import type * as fsp from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { realFs } from '../../../data/storage/fs-seam';
import { openStore } from '../../../data/storage/store';
import { PBTS, savedState, tempDir } from '../helpers';

/** How the disk answers a write: at most `cap` bytes a call (a short write; 0: full). */
const disk = vi.hoisted(() => ({ cap: Infinity }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof fsp>();
  const open = async (...args: Parameters<typeof real.open>) => {
    const handle = await real.open(...args);
    return new Proxy(handle, {
      get(target, key) {
        if (key === 'write') {
          // Both forms: write(string, position, encoding) and write(buffer, offset, length, position).
          return async (data: string | Uint8Array, a?: number | null, b?: number | BufferEncoding, c?: number | null) => {
            const [bytes, offset, length, position] =
              typeof data === 'string'
                ? [Buffer.from(data, (b as BufferEncoding | undefined) ?? 'utf8'), 0, Buffer.byteLength(data, (b as BufferEncoding | undefined) ?? 'utf8'), a ?? null]
                : [data, a ?? 0, (b as number | undefined) ?? data.length - (a ?? 0), c ?? null];
            const { bytesWritten } = await target.write(bytes, offset, Math.min(length, disk.cap), position);
            return { bytesWritten, buffer: data };
          };
        }
        const value = Reflect.get(target, key, target) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    }) as FileHandle;
  };
  return { ...real, open, default: { ...real, open } };
});

// The journal's append writes synchronously (node:fs): the same short writes there.
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof fs>();
  const writeSync = (fd: number, data: Uint8Array, offset = 0, length = data.length - offset, position: number | null = null) =>
    real.writeSync(fd, data, offset, Math.min(length, disk.cap), position);
  return { ...real, writeSync, default: { ...real, writeSync } };
});

describe('a disk that takes fewer bytes than it was given', () => {
  it('a note shown as saved is whole on disk, even when each write takes only a few bytes', async () => {
    const dir = await tempDir();
    const store = await openStore({ dir, compactAfterMs: 60_000 });
    disk.cap = 7;
    try {
      await store.saveNote(`${PBTS}/peps`, 'every single word of it — ünïcödé too');
    } finally {
      disk.cap = Infinity;
    }
    // No close: the app dies here. The next start has the whole note.
    expect((await savedState(dir)).notes[`${PBTS}/peps`]?.body).toBe('every single word of it — ünïcödé too');
    await store.close();
  });

  it('an append that cannot be completed fails (it is never counted as saved)', async () => {
    const dir = await tempDir();
    disk.cap = 0;
    try {
      await expect(realFs.appendFileSynced(`${dir}/journal.ndjson`, 'a line\n')).rejects.toMatchObject({ code: 'ENOSPC' });
    } finally {
      disk.cap = Infinity;
    }
  });
});
