import { parseDocumentBytes } from './durable-json-file';
import { DataFileCorruptError } from '../model/errors';
import { migrate } from './migrate';
import { DocumentSchema, type StudyDocument } from '../model/schema';
import { effectiveStatus } from '../model/status';

/**
 * Bytes of a data file (or backup) to a current document: JSON, migrated forward, checked against the
 * schema. Throws DataFileCorruptError (naming why) or NewerVersionError; never returns half a document.
 */
export function readDocument(file: string, bytes: Buffer): { doc: StudyDocument; from: number } {
  const { doc, from } = migrateOrRefuse(file, parseDocumentBytes(file, bytes));
  const parsed = DocumentSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DataFileCorruptError(file, 'schema', issue ? `${issue.path.join('.') || 'document'}: ${issue.message}` : undefined);
  }
  return { doc: parsed.data, from };
}

/** How far the user got, as the Backups view shows it. */
export function summarize(doc: StudyDocument): { resourcesDone: number; notesCount: number } {
  let resourcesDone = 0;
  for (const list of doc.lists) {
    for (const resource of list.resources) {
      if (effectiveStatus(doc.progress, list.id, resource) === 'done') resourcesDone++;
    }
  }
  return { resourcesDone, notesCount: Object.keys(doc.notes).length };
}

/**
 * A Studyshelf document is a few levels deep; JSON nested thousands of levels (a hostile file, any name,
 * or another computer's) overflows the stack in migrate's copy. That is a file that is not ours, said in
 * words, not an internal error.
 */
function migrateOrRefuse(file: string, parsed: unknown): { doc: unknown; from: number } {
  try {
    return migrate(parsed);
  } catch (error) {
    if (error instanceof RangeError) throw new DataFileCorruptError(file, 'schema', 'it is nested far too deeply to be a Studyshelf document');
    throw error;
  }
}
