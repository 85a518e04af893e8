import { StudyError } from './model/errors';
import { exportCsv } from './export/csv';
import { exportSessionsCsv } from './export/sessions-csv';
import { exportMarkdown } from './export/markdown';
import { importFile, importFileInSlices } from './import/detect';
import type { ImportPreview } from './import/imported';
import { addImportedList } from './import/to-list';
import { diffList, existingVersion, updateListFrom, type UpdateOptions, type UpdateOutcome } from './import/update';
import type { JobHandle } from './jobs';
import type { StudyDocument, StudyList } from './model/schema';

export type ExportFormat = 'markdown' | 'markdown-notes' | 'csv' | 'json' | 'sessions-csv';

/** What importing a file would add and skip (and, for a list already there, change); changes nothing. */
export function previewImport(doc: StudyDocument | null, fileName: string, content: string, into?: ImportInto): ImportPreview {
  return withUpdate(doc, importFile(fileName, content), into);
}

/** "Import into this list": the list the file's resources go into, whatever title the file gives itself. */
export interface ImportInto {
  intoListId?: string;
}

/** The same, as a job: progress by stage, and a cancel honoured between them. */
export async function previewImportJob(current: () => StudyDocument | null, fileName: string, content: string, job: JobHandle, into?: ImportInto): Promise<ImportPreview> {
  const preview = await readInSlices(fileName, content, job, 0.9);
  await job.stage(`Comparing ${preview.resources.length.toLocaleString('en')} resources with your lists`, 0.9);
  return withUpdate(current(), preview, into);
}

/**
 * The file last read for a preview, as read (before it is compared with the lists): confirming the
 * preview imports that reading instead of reading the same text again, which was half the time an
 * import of 10,000 links took. One file only, and let go once imported.
 */
let lastRead: { fileName: string; content: string; preview: ImportPreview } | null = null;

/** Reading is the long stage, shown slice by slice up to `share` of the whole. */
async function readInSlices(fileName: string, content: string, job: JobHandle, share: number): Promise<ImportPreview> {
  if (lastRead && lastRead.fileName === fileName && lastRead.content === content) return lastRead.preview;
  lastRead = null;
  await job.stage(`Reading “${fileName}”`, 0);
  const preview = await importFileInSlices(fileName, content, (done, total) => job.stage(`Reading “${fileName}”`, (share * done) / total));
  lastRead = { fileName, content, preview };
  return preview;
}

function withUpdate(doc: StudyDocument | null, preview: ImportPreview, into?: ImportInto): ImportPreview {
  const existing = doc ? targetList(doc, preview, into) : undefined;
  return existing && doc ? { ...preview, update: diffList(doc, existing, preview) } : preview;
}

/** The list an update goes into: the one named (it must be there), else the one of the file's title. */
function targetList(doc: StudyDocument, preview: ImportPreview, into?: ImportInto): StudyList | undefined {
  if (into?.intoListId === undefined) return existingVersion(doc, preview);
  const list = doc.lists.find((l) => l.id === into.intoListId);
  if (!list) throw new StudyError('unknown-ref', 'The list to import into is no longer there.');
  return list;
}

/**
 * What an import did: the list it made or updated; for an update, whether anything changed, what it
 * removed, and the ids of the resources it added to the list (an undo deletes those).
 */
export type ImportOutcome = UpdateOutcome & { listId: string; added?: string[] };

/** Reads the file (cancellable) and returns the change that adds it, to run as one store change. */
export async function importJob(fileName: string, content: string, mode: 'new' | 'update', at: string, job: JobHandle): Promise<(doc: StudyDocument) => string> {
  const apply = await importOutcomeJob(fileName, content, mode, at, job);
  return (doc) => apply(doc).listId;
}

/**
 * The same, returning the outcome. An update that changes nothing leaves the document untouched, and
 * one that does replaces the document's lists (and progress and notes) rather than changing them in
 * place: it can run as a store's `changeIfAny`, so the same file again writes nothing.
 */
export async function importOutcomeJob(fileName: string, content: string, mode: 'new' | 'update', at: string, job: JobHandle, options: UpdateOptions & ImportInto = {}): Promise<(doc: StudyDocument) => ImportOutcome> {
  const preview = await readInSlices(fileName, content, job, 0.7);
  lastRead = null;
  await job.stage(`Adding ${preview.resources.length.toLocaleString('en')} resources`, 0.7);
  await job.commit('Saving', 0.85);
  return (doc) => importPreviewInto(doc, preview, mode, at, options);
}

/** Imports a file into the document as a new list, or as the new version of the list of the same title. */
export function importInto(doc: StudyDocument, fileName: string, content: string, mode: 'new' | 'update', at: string, options: UpdateOptions = {}): string {
  return importPreviewInto(doc, importFile(fileName, content), mode, at, options).listId;
}

function importPreviewInto(doc: StudyDocument, preview: ImportPreview, mode: 'new' | 'update', at: string, options: UpdateOptions & ImportInto): ImportOutcome {
  if (mode === 'new') return { listId: addImportedList(doc, preview, at).id, changed: true, removed: [] };
  const existing = targetList(doc, preview, options);
  if (!existing) throw new StudyError('invalid-argument', `There is no list called “${preview.title}” to update.`);
  const before = new Set(existing.resources.map((r) => r.id));
  const outcome = updateListFrom(doc, existing, preview, { removeMissing: options.removeMissing }, at);
  const after = doc.lists.find((l) => l.id === existing.id)?.resources ?? [];
  return { listId: existing.id, ...outcome, added: after.filter((r) => !before.has(r.id)).map((r) => r.id) };
}

/**
 * One list (`listId`) or every list (`null`) as a file to keep. JSON is always the whole backup. Markdown
 * and CSV of everything are the lists one after the other: a `# List` heading each, or a `list` column.
 */
/** The name an export is offered under: the list's id, or the whole backup's name. */
export function exportFileName(listId: string | null, format: ExportFormat): string {
  if (format === 'json') return 'studyshelf-backup.json';
  if (format === 'sessions-csv') return `${listId ?? 'studyshelf'}-study-sessions.csv`;
  return `${listId ?? 'studyshelf-all-lists'}.${format === 'csv' ? 'csv' : 'md'}`;
}

export function exportFrom(doc: StudyDocument, listId: string | null, format: ExportFormat): { fileName: string; content: string } {
  const fileName = exportFileName(listId, format);
  if (format === 'json') {
    // The journal's bookkeeping belongs to this computer's data folder, not to the user's data.
    const { journalGeneration: _bookkeeping, ...data } = doc;
    return { fileName, content: JSON.stringify(data, null, 2) };
  }
  const lists = listId === null ? doc.lists : doc.lists.filter((l) => l.id === listId);
  if (lists.length === 0 && listId !== null) throw new StudyError('unknown-ref', `There is no list “${listId}”.`);
  if (format === 'csv') return { fileName, content: exportCsv(doc, lists) };
  if (format === 'sessions-csv') return { fileName, content: exportSessionsCsv(doc, listId) };
  const content = lists.map((list) => exportMarkdown(doc, list, { notes: format === 'markdown-notes' })).join('\n');
  return { fileName, content };
}
