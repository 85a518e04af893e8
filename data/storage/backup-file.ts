import { mergeStudy } from '../sync/study-merge';
import { DataFileCorruptError } from '../model/errors';
import { ImportError, checkText } from '../import/imported';
import { NewerVersionError } from './migrate';
import { readDocument, summarize } from './read-document';
import type { StudyDocument } from '../model/schema';
import type { BackupFilePreview } from '../model/reports';

export type { BackupFilePreview } from '../model/reports';

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

function laterOfEach<T extends { updatedAt: string }>(mine: Record<string, T>, theirs: Record<string, T>): Record<string, T> {
  const own = (record: Record<string, T>, key: string) => (Object.hasOwn(record, key) ? record[key] : undefined);
  const result: Record<string, T> = {};
  for (const key of new Set([...Object.keys(mine), ...Object.keys(theirs)])) {
    const value = newer(own(mine, key), own(theirs, key))!;
    Object.defineProperty(result, key, { value: structuredClone(value), enumerable: true, writable: true, configurable: true });
  }
  return result;
}

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
  // Keys come from a file: read as own properties only (a note keyed "constructor" must not meet
  // Object.prototype's), and written with defineProperty (a "__proto__" key stays a key).
  merged.progress = laterOfEach(merged.progress, incoming.progress);
  merged.notes = laterOfEach(merged.notes, incoming.notes);
  const seen = new Set(merged.activity.map((a) => `${a.at}|${a.ref}|${a.action}`));
  for (const entry of incoming.activity) {
    const key = `${entry.at}|${entry.ref}|${entry.action}`;
    if (!seen.has(key)) {
      seen.add(key);
      merged.activity.push(structuredClone(entry));
    }
  }
  merged.activity.sort((a, b) => a.at.localeCompare(b.at));
  // Study sessions are joined, each review follows the later answer (the same rules as a sync merge).
  const study = mergeStudy(undefined, current.study, incoming.study);
  if (study) merged.study = structuredClone(study);
  return merged;
}
