import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { removeStaleBackupTemps } from './backups';
import type { DurableJsonFile } from './durable-json-file';
import type { FileIdentity, FsSeam } from './fs-seam';
import { replayJournals } from './journal-replay';
import type { StudyDocument, StudyList } from '../model/schema';
import { loadDocument, type Loaded } from './startup';

/**
 * What the store finds at start (its folder created if missing): the temp files a killed writer left removed, the document read (or
 * restored, or begun), and the journals a crash left replayed onto it. `seen` is the data file as it
 * was before it was read, for telling another program's change apart later (DurableJsonFile.adopt).
 */
export async function openData(
  file: string,
  shipped: StudyList[],
  clock: () => Date,
  fs: FsSeam,
  adapters: ReadonlyArray<DurableJsonFile<StudyDocument>>,
): Promise<{ loaded: Loaded; journals: string[]; seen: FileIdentity | null }> {
  await mkdir(dirname(file), { recursive: true });
  for (const adapter of adapters) await adapter.removeStaleTempFiles();
  await removeStaleBackupTemps(file, fs);
  const seen = await fs.stat(file);
  const loaded = await loadDocument(file, shipped, clock(), fs);
  // Ticks and notes a crash left in the journal, newer than the document: replayed onto it. Not onto a
  // recovery file's document, which already holds everything that run had in memory.
  let journals: string[] = [];
  if (loaded.doc && !loaded.readOnly) {
    const recovered = loaded.notices.some((n) => n.kind === 'recovered-unsaved');
    const found = await replayJournals(file, recovered ? { ...loaded.doc, journalGeneration: Number.MAX_SAFE_INTEGER } : loaded.doc, fs);
    journals = found.files;
    if (found.applied > 0) loaded.mustWrite = true;
    for (const line of found.skipped) console.warn(`Studyshelf: journal line not applied (${line.file}:${line.line}): ${line.reason}`);
  }
  return { loaded, journals, seen };
}
