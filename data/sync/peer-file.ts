import { readFile, stat } from 'node:fs/promises';
import { Journal } from '../storage/journal';
import { replayJournals } from '../storage/journal-replay';
import { NewerVersionError } from '../storage/migrate';
import { readDocument } from '../storage/read-document';
import type { StudyDocument } from '../model/schema';

export type PeerRead =
  /**
   * `position`: how far its data goes — the newest journal generation it holds or has beside it. It only
   * grows on the computer that writes it; a lower one read later is an older state seen through a sync
   * engine's out-of-order delivery (a folded journal already removed, the data file holding it not there yet).
   */
  | { kind: 'ok'; doc: StudyDocument; position: number }
  | { kind: 'missing' }
  | { kind: 'incomplete'; reason: string }
  /** Not read at all (too large to be Studyshelf data): tried again only when it changes. */
  | { kind: 'refused'; reason: string };

/**
 * The largest peer data file (or set of journals) read at all: 64 MB. The largest data Studyshelf makes
 * in use — 10,000 resources with 16 MB of notes (bench/fixture.ts bigDocument(10_000, 16 MB)) — is a
 * 21.8 MB file; one 16 MB note of non-ASCII text is up to 48 MB of UTF-8. Reading and parsing a
 * file takes about 7 times its size in memory (200 MB: 1.35 GB), so a file past the limit (damaged or
 * hostile) is refused from its size alone, before it is read.
 */
export const MAX_PEER_FILE_BYTES = 64 * 1024 * 1024;

const MB = 1024 * 1024;
const tooLarge = (what: string, bytes: number) =>
  `${what} too large to merge (${Math.ceil(bytes / MB)} MB; Studyshelf merges files up to ${MAX_PEER_FILE_BYTES / MB} MB)`;

/**
 * Another computer's data as its next start would load it (the file, then its journal). A file that is
 * still being written, or is replaced while it is read, is "incomplete" — read again later, never
 * mistaken for damage and never merged half.
 */
export async function readPeerDocument(file: string, withJournal = true): Promise<PeerRead> {
  let reason = 'not read yet';
  for (let attempt = 0; attempt < 3; attempt++) {
    let bytes: Buffer;
    try {
      const before = await stat(file);
      if (before.size > MAX_PEER_FILE_BYTES) return { kind: 'refused', reason: tooLarge('it is', before.size) };
      bytes = await readFile(file);
      const after = await stat(file);
      if (before.mtimeMs !== after.mtimeMs || before.size !== after.size || before.ino !== after.ino || bytes.length !== after.size) {
        reason = 'it changed while it was read';
        continue;
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
      reason = error instanceof Error ? error.message : String(error);
      continue;
    }
    let position = 0;
    try {
      const { doc } = readDocument(file, bytes);
      if (withJournal) {
        const journals = await journalBytes(file, doc.journalGeneration ?? 0);
        if (journals > MAX_PEER_FILE_BYTES) return { kind: 'refused', reason: tooLarge('its journal is', journals) };
        const gap = await journalGap(file, doc.journalGeneration ?? 0);
        if (gap) return { kind: 'incomplete', reason: gap };
        position = Math.max(position, (await replayJournals(file, doc)).newest);
      }
      position = Math.max(position, doc.journalGeneration ?? 0);
      delete doc.journalGeneration;
      return { kind: 'ok', doc, position };
    } catch (error) {
      // A newer Studyshelf wrote it: not merged (this version could drop what it does not know).
      if (error instanceof NewerVersionError) return { kind: 'incomplete', reason: 'it was written by a newer version of Studyshelf; update Studyshelf on this computer to merge it' };
      reason = `it is not complete yet (${error instanceof Error ? error.message : String(error)})`;
    }
  }
  return { kind: 'incomplete', reason };
}

/** A merge base this or another computer wrote (`seen/<id>.json`); null when missing or unreadable. */
export async function readSeen(file: string): Promise<StudyDocument | null> {
  const read = await readPeerDocument(file, false);
  return read.kind === 'ok' ? read.doc : null;
}

/**
 * Why the journals beside a data file cannot follow it yet, or null. Each journal follows the one before
 * it, and a data file holding journal N is written before journal N is removed, so the first journal after
 * the data file's must be N + 1. A later one means a sync engine brought the new journal (or removed the
 * folded one) before the data file that holds the missing entries: merging then would take those
 * entries back on this computer.
 */
async function journalGap(file: string, included: number): Promise<string | null> {
  const next = (await Journal.files(file)).find((journal) => journal.generation > included);
  return next && next.generation !== included + 1 ? 'its journal is still arriving, ahead of the data file it follows' : null;
}

/** The size of the journals a start would replay on top of the document (those after `included`). */
async function journalBytes(file: string, included: number): Promise<number> {
  let total = 0;
  for (const journal of await Journal.files(file)) {
    if (journal.generation <= included) continue;
    total += (await stat(journal.file).catch(() => null))?.size ?? 0;
  }
  return total;
}
