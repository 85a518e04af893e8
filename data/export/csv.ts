import Papa from 'papaparse';
import type { StudyDocument, StudyList } from '../schema';

const COLUMNS = ['title', 'url', 'status', 'tags', 'author', 'description', 'started', 'finished', 'parts'];

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

/**
 * Lists as CSV, one row per resource: the columns the CSV importer reads (title, url, status, tags)
 * and a few more for spreadsheets, with a first `list` column when there are several lists. Importing
 * one list's file back gives the same resources and done states.
 */
export function exportCsv(doc: StudyDocument, lists: readonly StudyList[], options: { listColumn: boolean }): string {
  const rows = lists.flatMap((list) => list.resources.map((r) => {
    const progress = doc.progress[`${list.id}/${r.id}`];
    return {
      list: list.title,
      title: r.title,
      url: r.url ?? '',
      status: progress?.status ?? 'todo',
      tags: r.group ?? '',
      author: r.author ?? '',
      description: r.description,
      started: progress?.startedAt ?? '',
      finished: progress?.doneAt ?? '',
      parts: r.parts.length ? `${r.parts.filter((p) => doc.progress[`${list.id}/${r.id}/${p.id}`]?.status === 'done').length}/${r.parts.length}` : '',
    };
  }));
  const safe = rows.map((row) => Object.fromEntries(Object.entries(row).map(([column, cell]) => [column, escapeFormula(cell)])));
  return `${Papa.unparse(safe, { columns: options.listColumn ? ['list', ...COLUMNS] : COLUMNS })}\n`;
}
