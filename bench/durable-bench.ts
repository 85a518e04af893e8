import { open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DocumentSchema } from '../data/schema';
import { DATA_FILE_NAME, openStore } from '../data/store';
import { BIG_LIST, bigDocument, writeProfile } from './fixture';

export interface Percentiles {
  p50: number;
  p95: number;
}

export function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: round(at(0.5)), p95: round(at(0.95)) };
}

export const round = (n: number) => Math.round(n * 100) / 100;

/** The physical floor: the same bytes, written with write + fsync + rename and nothing else. */
async function floorWrite(dir: string, bytes: Buffer, n: number): Promise<number> {
  const temp = join(dir, `floor.${n}.tmp`);
  const started = performance.now();
  const handle = await open(temp, 'wx');
  await handle.writeFile(bytes);
  await handle.sync();
  await handle.close();
  await rename(temp, join(dir, 'floor.json'));
  return performance.now() - started;
}

/**
 * Toggle to durable: from the API call that ticks a resource until the store says it is on disk (the
 * promise resolves after fsync of the file and of its folder). Each toggle is paired with a floor write of
 * the bytes the toggle produced, so both see the same disk at the same moment.
 */
export async function toggleToDurable(dir: string, resources: number, calls: number) {
  await writeProfile(dir, bigDocument(resources));
  const store = await openStore({ dir });
  const file = join(dir, DATA_FILE_NAME);
  const ours: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < calls + 5; i++) {
    const ref = `${BIG_LIST}/r${(i * 37) % resources}`;
    const started = performance.now();
    await store.setDone(ref, i % 2 === 0);
    const took = performance.now() - started;
    const bytes = await readFile(file);
    const floorTook = await floorWrite(dir, bytes, i);
    if (i >= 5) {
      ours.push(took);
      floor.push(floorTook);
    }
  }
  const bytes = (await readFile(file)).length;
  await store.close();
  await rm(dir, { recursive: true, force: true });
  const a = percentiles(ours);
  const b = percentiles(floor);
  return { resources, fileBytes: bytes, calls, toggleMs: a, floorMs: b, p95Ratio: round(a.p95 / b.p95) };
}

/** Start-up in main: reading, parsing and validating the document, and the whole openStore. */
export async function startupRead(dir: string, resources: number) {
  await writeProfile(dir, bigDocument(resources));
  const file = join(dir, DATA_FILE_NAME);
  const parse: number[] = [];
  const opens: number[] = [];
  for (let i = 0; i < 7; i++) {
    let started = performance.now();
    DocumentSchema.parse(JSON.parse(await readFile(file, 'utf8')));
    parse.push(performance.now() - started);
    started = performance.now();
    const store = await openStore({ dir });
    opens.push(performance.now() - started);
    await store.close();
  }
  await rm(dir, { recursive: true, force: true });
  return { resources, readParseValidateMs: percentiles(parse.slice(2)).p50, openStoreMs: percentiles(opens.slice(2)).p50 };
}
