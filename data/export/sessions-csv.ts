import Papa from 'papaparse';
import type { StudyDocument } from '../model/schema';
import { escapeFormula } from './csv';

export const SESSION_COLUMNS = ['list', 'resource', 'part', 'started', 'minutes'] as const;

/**
 * The study sessions (focus timer and corrected ones) as a time log a spreadsheet opens: one row per
 * session, oldest first, of one list or of all; removed sessions are left out. Titles as they are now,
 * a resource no longer in the lists by its ref.
 */
export function exportSessionsCsv(doc: StudyDocument, listId: string | null): string {
  const rows = (doc.study?.sessions ?? [])
    .filter((s) => !s.deleted && (listId === null || s.ref.split('/')[0] === listId))
    .map((s) => {
      const [l, r, p] = s.ref.split('/');
      const list = doc.lists.find((x) => x.id === l);
      const resource = list?.resources.find((x) => x.id === r);
      const part = p === undefined ? undefined : resource?.parts.find((x) => x.id === p);
      return {
        list: list?.title ?? l ?? '',
        resource: resource?.title ?? s.ref,
        part: p === undefined ? '' : (part?.title ?? p),
        started: s.startedAt,
        minutes: String(s.minutes),
      };
    });
  const safe = rows.map((row) => Object.fromEntries(Object.entries(row).map(([column, cell]) => [column, escapeFormula(cell)])));
  return `${Papa.unparse(safe, { columns: [...SESSION_COLUMNS], newline: '\r\n' })}\r\n`;
}
