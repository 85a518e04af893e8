import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DurableJsonFile } from '../../../data/storage/durable-json-file';
import { DataFileCorruptError } from '../../../data/model/errors';
import { errno, faultyFs, tempDir } from '../helpers';

describe('DurableJsonFile', () => {
  it('writes, and reads back what it wrote; a missing file reads as null', async () => {
    const file = join(await tempDir(), 'data.json');
    const adapter = new DurableJsonFile<{ n: number }>(file);
    expect(await adapter.read()).toBeNull();
    await adapter.write({ n: 1 });
    expect(await adapter.read()).toEqual({ n: 1 });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ n: 1 });
  });

  it('goes through a temp file, fsync, rename and a folder fsync, and leaves no temp file behind', async () => {
    const dir = await tempDir();
    const fs = faultyFs(() => undefined);
    const adapter = new DurableJsonFile(join(dir, 'data.json'), { fs });
    await adapter.write({ a: 1 });
    expect(fs.calls).toEqual(['writeFileSynced', 'rename', 'syncDir']);
    expect(await readdir(dir)).toEqual(['data.json']);
  });

  it('uses a new temp name for every write, so two writers never share one', async () => {
    const names: string[] = [];
    const fs = faultyFs((call, args) => {
      if (call === 'writeFileSynced') names.push(args[0]!);
      return undefined;
    });
    const adapter = new DurableJsonFile(join(await tempDir(), 'data.json'), { fs });
    await adapter.write({ a: 1 });
    await adapter.write({ a: 2 });
    expect(new Set(names).size).toBe(2);
  });

  it('coalesces a burst into few writes, resolves every call, and ends with the latest data', async () => {
    const fs = faultyFs(() => undefined);
    const file = join(await tempDir(), 'data.json');
    const adapter = new DurableJsonFile<{ items: number[] }>(file, { fs });
    const doc = { items: [] as number[] };
    const acks = [];
    for (let i = 0; i < 50; i++) {
      doc.items.push(i);
      acks.push(adapter.write(doc));
    }
    await Promise.all(acks);
    const writes = fs.calls.filter((c) => c === 'writeFileSynced').length;
    expect(writes).toBeLessThanOrEqual(2);
    expect(JSON.parse(await readFile(file, 'utf8')).items).toHaveLength(50);
  });

  it('resolves a call only after a write holding its data is on disk', async () => {
    const file = join(await tempDir(), 'data.json');
    const adapter = new DurableJsonFile<{ v: number }>(file);
    const doc = { v: 0 };
    const seen: number[] = [];
    const all = [1, 2, 3, 4, 5].map((v) => {
      doc.v = v;
      return adapter.write(doc).then(async () => seen.push(JSON.parse(await readFile(file, 'utf8')).v >= v ? 1 : 0));
    });
    await Promise.all(all);
    expect(seen).toEqual([1, 1, 1, 1, 1]);
  });

  it('retries a rename that Windows refuses (EPERM, EBUSY) with backoff, then succeeds', async () => {
    let refusals = 0;
    const waits: number[] = [];
    const fs = faultyFs((call) => (call === 'rename' && refusals++ < 3 ? errno(refusals % 2 ? 'EPERM' : 'EBUSY') : undefined));
    const file = join(await tempDir(), 'data.json');
    const adapter = new DurableJsonFile(file, { fs, sleep: async (ms) => void waits.push(ms) });
    await adapter.write({ ok: true });
    expect(waits).toEqual([10, 20, 40]);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ ok: true });
  });

  it('gives up on a rename that keeps being refused, keeping the old file and no temp file', async () => {
    const dir = await tempDir();
    const file = join(dir, 'data.json');
    await writeFile(file, '{"v":"old"}');
    const fs = faultyFs((call) => (call === 'rename' ? errno('EBUSY') : undefined));
    const adapter = new DurableJsonFile(file, { fs, sleep: async () => undefined });
    await expect(adapter.write({ v: 'new' })).rejects.toThrow(/EBUSY/);
    expect(await readFile(file, 'utf8')).toBe('{"v":"old"}');
    expect(await readdir(dir)).toEqual(['data.json']);
  });

  it.each(['ENOSPC', 'EACCES', 'EIO'])('reports %s on write and leaves the data file as it was', async (code) => {
    const dir = await tempDir();
    const file = join(dir, 'data.json');
    await writeFile(file, '{"v":"old"}');
    const fs = faultyFs((call) => (call === 'writeFileSynced' ? errno(code) : undefined));
    const adapter = new DurableJsonFile(file, { fs });
    await expect(adapter.write({ v: 'new' })).rejects.toThrow(code);
    expect(await readFile(file, 'utf8')).toBe('{"v":"old"}');
  });

  it('after a failed write, the next write succeeds with all the data', async () => {
    let fail = true;
    const fs = faultyFs((call) => (call === 'writeFileSynced' && fail ? errno('ENOSPC') : undefined));
    const file = join(await tempDir(), 'data.json');
    const adapter = new DurableJsonFile<{ items: number[] }>(file, { fs });
    const doc = { items: [1] };
    await expect(adapter.write(doc)).rejects.toThrow('ENOSPC');
    fail = false;
    doc.items.push(2);
    await adapter.write(doc);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ items: [1, 2] });
  });

  it.each([
    ['empty', ''],
    ['empty', '  \n'],
    ['nul-filled', '\0\0\0\0\0\0'],
    ['not-json', '{"lists": ['],
  ])('reads a %s file as an error, never as no data', async (reason, content) => {
    const file = join(await tempDir(), 'data.json');
    await writeFile(file, content);
    const error = await new DurableJsonFile(file).read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataFileCorruptError);
    expect((error as DataFileCorruptError).reason).toBe(reason);
  });
});
