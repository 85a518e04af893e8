import { StudyError } from './errors';
import { exportCsv } from './export/csv';
import { exportMarkdown } from './export/markdown';
import { importFile } from './import/detect';
import type { ImportPreview } from './import/imported';
import { addImportedList } from './import/to-list';
import { diffList, existingVersion, updateListFrom } from './import/update';
import type { StudyDocument } from './schema';

export type ExportFormat = 'markdown' | 'markdown-notes' | 'csv' | 'json';

/** What importing a file would add and skip (and, for a list already there, change); changes nothing. */
export function previewImport(doc: StudyDocument | null, fileName: string, content: string): ImportPreview {
  const preview = importFile(fileName, content);
  const existing = doc ? existingVersion(doc, preview) : undefined;
  return existing ? { ...preview, update: diffList(existing, preview) } : preview;
}

/** Imports a file into the document as a new list, or as the new version of the list of the same title. */
export function importInto(doc: StudyDocument, fileName: string, content: string, mode: 'new' | 'update', at: string): string {
  const preview = importFile(fileName, content);
  if (mode === 'new') return addImportedList(doc, preview, at).id;
  const existing = existingVersion(doc, preview);
  if (!existing) throw new StudyError('invalid-argument', `There is no list called “${preview.title}” to update.`);
  updateListFrom(doc, existing, preview);
  return existing.id;
}

export function exportFrom(doc: StudyDocument, listId: string, format: ExportFormat): { fileName: string; content: string } {
  const list = doc.lists.find((l) => l.id === listId);
  if (!list) throw new StudyError('unknown-ref', `There is no list “${listId}”.`);
  if (format === 'json') return { fileName: 'studyshelf-backup.json', content: JSON.stringify(doc, null, 2) };
  if (format === 'csv') return { fileName: `${list.id}.csv`, content: exportCsv(doc, list) };
  return { fileName: `${list.id}.md`, content: exportMarkdown(doc, list, { notes: format === 'markdown-notes' }) };
}
