import Papa from 'papaparse';
import type { ProgressEntry, Resource, StudyDocument, StudyList } from '../model/schema';
import { joinTags } from '../model/tags';
import { statusLabel } from './markdown-text';

/** Studyshelf's own columns, in order: the importer knows its own file by them and reads every one back. */
export const CSV_COLUMNS = ['list', 'title', 'url', 'status', 'started', 'finished', 'added', 'group', 'author', 'description', 'kind', 'tags', 'parts', 'links', 'note', 'where_stopped'] as const;

/**
 * A cell a spreadsheet would run as a formula (it begins with =, +, -, @, a tab or a carriage return) gets
 * a leading apostrophe, as OWASP advises against CSV injection: the spreadsheet shows it as text. A cell
 * that already begins with apostrophes before such a character gets one more, so the CSV importer, which
 * takes exactly one away (import/csv.ts), gives back every text as it was.
 */
export const FORMULA_START = /^'*[=+\-@\t\r]/;

export function escapeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** A part's status and dates, only those it has: `{"title":…,"url":…,"status":"done","finished":…}`. */
function stateOf(progress: ProgressEntry | undefined): Record<string, string> {
  const state: Record<string, string> = {};
  if (progress && progress.status !== 'todo') state.status = statusLabel(progress.status);
  if (progress?.startedAt) state.started = progress.startedAt;
  if (progress?.doneAt) state.finished = progress.doneAt;
  return state;
}

const json = (items: readonly object[]) => (items.length ? JSON.stringify(items) : '');

function rowOf(doc: StudyDocument, list: StudyList, r: Resource): Record<(typeof CSV_COLUMNS)[number], string> {
  const ref = `${list.id}/${r.id}`;
  const progress = doc.progress[ref];
  const note = doc.notes[ref];
  return {
    list: list.title,
    title: r.title,
    url: r.url ?? '',
    status: statusLabel(progress?.status ?? 'todo'),
    started: progress?.startedAt ?? '',
    finished: progress?.doneAt ?? '',
    added: r.addedAt ?? '',
    group: r.group ?? '',
    author: r.author ?? '',
    description: r.description,
    kind: r.kind,
    tags: joinTags(r.tags),
    parts: json(r.parts.map((p) => ({ title: p.title, ...(p.url ? { url: p.url } : {}), ...stateOf(doc.progress[`${ref}/${p.id}`]) }))),
    links: json(r.links.map((l) => ({ title: l.title, ...(l.url ? { url: l.url } : {}) }))),
    note: note?.body ?? '',
    where_stopped: note?.whereStopped ?? '',
  };
}

/**
 * Lists as CSV, one row per resource, the list's title in the first column: status in words (to do, in
 * progress, done, skipped), dates as ISO timestamps, tags separated by commas (“python, gil”), parts and further links as JSON in one cell each,
 * the note and where I stopped. Importing the file back gives the same list (import/csv-studyshelf.ts).
 */
export function exportCsv(doc: StudyDocument, lists: readonly StudyList[]): string {
  const rows = lists.flatMap((list) => list.resources.map((r) => rowOf(doc, list, r)));
  const safe = rows.map((row) => Object.fromEntries(Object.entries(row).map(([column, cell]) => [column, escapeFormula(cell)])));
  // RFC 4180 line ends, the last one too: a lone \n after \r\n rows would be read as part of the last cell.
  return `${Papa.unparse(safe, { columns: [...CSV_COLUMNS], newline: '\r\n' })}\r\n`;
}
