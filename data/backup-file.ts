import { DataFileCorruptError } from './errors';
import { ImportError, checkText } from './import/imported';
import { NewerVersionError } from './migrate';
import { readDocument, summarize } from './read-document';
import type { StudyDocument } from './schema';

export interface BackupFilePreview {
  lists: number;
  resources: number;
  resourcesDone: number;
  notesCount: number;
}

/** A Studyshelf JSON backup chosen by the user: migrated and checked like the data file itself. */
export function readBackupFile(fileName: string, content: string): StudyDocument {
  checkText(fileName, content);
  try {
    return readDocument(fileName, Buffer.from(content, 'utf8')).doc;
  } catch (error) {
    if (error instanceof NewerVersionError) throw new ImportError(`“${fileName}” comes from a newer version of Studyshelf; update Studyshelf to restore it.`);
    if (error instanceof DataFileCorruptError) {
      const why = error.reason === 'schema' ? 'it is JSON, but not a Studyshelf backup' : 'it is not valid JSON';
      throw new ImportError(`“${fileName}” cannot be restored: ${why}.`);
    }
    throw error;
  }
}

export function previewBackupFile(doc: StudyDocument): BackupFilePreview {
  return { lists: doc.lists.length, resources: doc.lists.reduce((n, l) => n + l.resources.length, 0), ...summarize(doc) };
}

const newer = <T extends { updatedAt: string }>(a: T | undefined, b: T | undefined): T | undefined =>
  !a ? b : !b ? a : b.updatedAt > a.updatedAt ? b : a;

/**
 * Merges a backup into the current data: lists and resources are matched by id and those missing are
 * added (nothing is removed); for each status and note the later one wins; the activity logs are
 * joined. Pure: neither input is changed.
 */
export function mergeDocuments(current: StudyDocument, incoming: StudyDocument): StudyDocument {
  const merged = structuredClone(current);
  for (const list of incoming.lists) {
    const mine = merged.lists.find((l) => l.id === list.id);
    if (!mine) {
      merged.lists.push(structuredClone(list));
      continue;
    }
    for (const resource of list.resources) {
      if (!mine.resources.some((r) => r.id === resource.id)) mine.resources.push(structuredClone(resource));
    }
  }
  for (const ref of new Set([...Object.keys(merged.progress), ...Object.keys(incoming.progress)])) {
    merged.progress[ref] = structuredClone(newer(merged.progress[ref], incoming.progress[ref])!);
  }
  for (const ref of new Set([...Object.keys(merged.notes), ...Object.keys(incoming.notes)])) {
    merged.notes[ref] = structuredClone(newer(merged.notes[ref], incoming.notes[ref])!);
  }
  const seen = new Set(merged.activity.map((a) => `${a.at}|${a.ref}|${a.action}`));
  for (const entry of incoming.activity) {
    const key = `${entry.at}|${entry.ref}|${entry.action}`;
    if (!seen.has(key)) {
      seen.add(key);
      merged.activity.push(structuredClone(entry));
    }
  }
  merged.activity.sort((a, b) => a.at.localeCompare(b.at));
  return merged;
}
