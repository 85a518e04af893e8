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

/**
 * One list (`listId`) or every list (`null`) as a file to keep. JSON is always the whole backup. Markdown
 * and CSV of everything are the lists one after the other: a `# List` heading each, or a `list` column.
 */
export function exportFrom(doc: StudyDocument, listId: string | null, format: ExportFormat): { fileName: string; content: string } {
  if (format === 'json') {
    // The journal's bookkeeping belongs to this computer's data folder, not to the user's data.
    const { journalGeneration: _bookkeeping, ...data } = doc;
    return { fileName: 'studyshelf-backup.json', content: JSON.stringify(data, null, 2) };
  }
  const lists = listId === null ? doc.lists : doc.lists.filter((l) => l.id === listId);
  if (lists.length === 0 && listId !== null) throw new StudyError('unknown-ref', `There is no list “${listId}”.`);
  const name = listId ?? 'studyshelf-all-lists';
  if (format === 'csv') return { fileName: `${name}.csv`, content: exportCsv(doc, lists, { listColumn: listId === null }) };
  const content = lists.map((list) => exportMarkdown(doc, list, { notes: format === 'markdown-notes' })).join('\n');
  return { fileName: `${name}.md`, content };
}
