import { readFile } from 'node:fs/promises';
import { replayJournals } from '../../data/storage/journal-replay';
import { readDocument } from '../../data/storage/read-document';
import type { StudyDocument } from '../../data/model/schema';

/** What is on disk as the next start reads it: the data file, with the journal replayed onto it. */
export async function readSaved(dataFile: string): Promise<StudyDocument> {
  const { doc } = readDocument(dataFile, await readFile(dataFile));
  await replayJournals(dataFile, doc);
  return doc;
}
