import { readFile, stat } from 'node:fs/promises';
import { replayJournals } from '../journal';
import { NewerVersionError } from '../migrate';
import { readDocument } from '../read-document';
import type { StudyDocument } from '../schema';

export type PeerRead = { kind: 'ok'; doc: StudyDocument } | { kind: 'missing' } | { kind: 'incomplete'; reason: string };

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
    try {
      const { doc } = readDocument(file, bytes);
      if (withJournal) await replayJournals(file, doc);
      delete doc.journalGeneration;
      return { kind: 'ok', doc };
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
