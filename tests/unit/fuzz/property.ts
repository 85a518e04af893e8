import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { StudyError } from '../../../data/model/errors';
import type { StudyDocument } from '../../../data/model/schema';
import { DATA_FILE_NAME } from '../../../data/storage/store';
import { savedState } from '../helpers';

/** What an internal failure (a bug) says, as opposed to a sentence written for the user. */
export const INTERNAL = /TypeError|RangeError|ReferenceError|Maximum call stack|Cannot read prop|Cannot set prop|is not a function|is not iterable|is not defined|Invalid time value|\[object Object\]|of undefined|of null/;

/** Property 1: a failure is a StudyError (ImportError is one) whose message a user can act on. */
export function expectClearFailure(outcome: unknown): void {
  if (!(outcome instanceof StudyError)) throw new Error(`an internal failure, not a clear message: ${String((outcome as Error)?.stack ?? outcome)}`);
  expect(outcome.message.length).toBeGreaterThan(15);
  expect(outcome.message).not.toMatch(INTERNAL);
}

/** Property 4: the bytes of the data file and of every journal beside it, as a fingerprint to compare. */
export async function diskBytes(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    if (name !== DATA_FILE_NAME && !/\.journal-\d+\.ndjson$/.test(name)) continue;
    const bytes = await readFile(join(dir, name)).catch(() => null);
    // An empty journal made ready for the next tick (store.ts, journal.prepare) holds nothing saved.
    if (bytes && bytes.length > 0) out[name] = createHash('sha256').update(bytes).digest('hex');
  }
  return out;
}

/** Property 3: what the next start loads (the data file as the reader reads it, the journal replayed). */
export async function expectReadable(dir: string): Promise<StudyDocument> {
  return savedState(dir);
}
