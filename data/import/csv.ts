import Papa from 'papaparse';
import { FORMULA_START } from '../export/csv';
import { dateFromFile } from './dates';
import { checkText, ImportError, webUrlOrNull, type ImportedResource, type ImportPreview, type Skipped } from './imported';

/**
 * Undoes exactly the escaping of the CSV export (export/csv.ts, escapeFormula): a cell that begins with
 * apostrophes before =, +, -, @, a tab or a return loses one apostrophe, so “'-5 tips” is “-5 tips” again.
 */
const unescapeFormula = (cell: string) => (FORMULA_START.test(cell) && cell.startsWith("'") ? cell.slice(1) : cell);

const DONE = new Set(['done', 'read', 'archive', 'archived', 'x', 'yes', 'true', '1', 'finished', 'complete']);

/**
 * A spreadsheet of links: columns title, url, status, tags (any order, any case). Pocket's export
 * (title, url, time_added, tags, status = unread/archive) is read as it is.
 */
export function importCsv(fileName: string, content: string): ImportPreview {
  checkText(fileName, content);
  const parsed = Papa.parse<Record<string, string>>(content.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
    transform: unescapeFormula,
  });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes' || e.type === 'Delimiter');
  if (fatal) throw new ImportError(`“${fileName}” is not valid CSV: ${fatal.message} (line ${(fatal.row ?? 0) + 2}).`);
  const fields = parsed.meta.fields ?? [];
  if (!fields.includes('url')) {
    throw new ImportError(`“${fileName}” has no “url” column (found: ${fields.slice(0, 8).join(', ') || 'none'}).`);
  }
  const skipped: Skipped[] = [];
  const resources: ImportedResource[] = [];
  parsed.data.forEach((row, index) => {
    const line = index + 2; // the header is line 1
    const url = (row.url ?? '').trim();
    if (!url) {
      skipped.push({ line, text: Object.values(row).join(', ').slice(0, 120), reason: 'no url in this row' });
      return;
    }
    const tags = (row.tags ?? '').split(/[|,]/).map((t) => t.trim()).filter(Boolean);
    resources.push({
      title: (row.title ?? '').trim() || url,
      url: webUrlOrNull(url, line, skipped),
      author: (row.author ?? '').trim() || null,
      description: (row.description ?? row.excerpt ?? '').trim(),
      group: tags[0] ?? null,
      done: DONE.has((row.status ?? '').trim().toLowerCase()),
      addedAt: dateFromFile(row.time_added, 'time_added', line, skipped),
      parts: [],
      links: [],
      line,
    });
  });
  if (resources.length === 0) throw new ImportError(`“${fileName}” has no rows with a url.`);
  return { title: fileName.replace(/\.[^.]+$/, ''), format: 'csv', resources, skipped };
}
