import Papa from 'papaparse';
import { FORMULA_START } from '../export/csv';
import { dateFromFile } from './dates';
import { isStudyshelfCsv, studyshelfRows } from './csv-studyshelf';
import { entryUrl } from './entry-url';
import { checkText, ImportError, type ImportedResource, type ImportPreview, type Skipped } from './imported';

/**
 * Undoes exactly the escaping of the CSV export (export/csv.ts, escapeFormula): a cell that begins with
 * apostrophes before =, +, -, @, a tab or a return loses one apostrophe, so “'-5 tips” is “-5 tips” again.
 */
const unescapeFormula = (cell: string) => (FORMULA_START.test(cell) && cell.startsWith("'") ? cell.slice(1) : cell);

/** Instapaper's folders that are read states, not folders: Archive is done, the others are no group. */
const STATES = new Set(['unread', 'archive', 'starred']);

const DONE = new Set(['done', 'read', 'archive', 'archived', 'x', 'yes', 'true', '1', 'finished', 'complete']);

/**
 * A spreadsheet of links: columns title, url, status, group, tags (any order, any case); Studyshelf's own
 * export is read column by column (csv-studyshelf.ts). Pocket's
 * export (title, url, time_added, tags, status = unread/archive) and Instapaper's (URL, Title,
 * Selection, Folder: a folder is a group, “Archive” is done) are read as they are. A row whose url is
 * not a web address is left out and listed with the reason.
 */
export function importCsv(fileName: string, content: string): ImportPreview {
  checkText(fileName, content);
  const text = content.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    delimiter: commaHeader(text) ? ',' : undefined,
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
  if (isStudyshelfCsv(fields)) {
    const own = studyshelfRows(fileName, parsed.data, skipped);
    if (own.resources.length === 0) throw new ImportError(`“${fileName}” has no rows with a title or a url.`);
    return { ...own, format: 'csv', skipped };
  }
  if (isRaindrop(fields)) return raindropRows(fileName, parsed.data, skipped);
  const resources: ImportedResource[] = [];
  const pocket = fields.includes('time_added');
  parsed.data.forEach((row, index) => {
    const line = index + 2; // the header is line 1
    const url = (row.url ?? '').trim();
    if (!url) {
      skipped.push({ line, text: Object.values(row).join(', ').slice(0, 120), reason: 'no url in this row' });
      return;
    }
    const page = entryUrl(url, (row.title ?? '').trim(), line, skipped);
    if (page === null) return;
    const folder = (row.folder ?? '').trim();
    const tags = (row.tags ?? '').split(/[|,]/).map((t) => t.trim()).filter(Boolean);
    resources.push({
      title: (row.title ?? '').trim() || url,
      url: page,
      author: (row.author ?? '').trim() || null,
      description: (row.description ?? row.excerpt ?? row.selection ?? '').trim(),
      // Studyshelf's own export writes the group as the first tag; Pocket's tags are tags, not groups.
      group: (pocket ? null : tags[0]) ?? (STATES.has(folder.toLowerCase()) ? null : folder || null),
      done: DONE.has((row.status ?? '').trim().toLowerCase()) || folder.toLowerCase() === 'archive',
      addedAt: dateFromFile(row.time_added ?? row.timestamp, 'time_added', line, skipped),
      // Pocket separates tags with |, others with commas: kept for the preview only.
      tags,
      parts: [],
      links: [],
      line,
    });
  });
  if (resources.length === 0) throw new ImportError(`“${fileName}” has no rows with a url.`);
  return { title: fileName.replace(/\.[^.]+$/, ''), format: 'csv', resources, skipped };
}

/**
 * A header of comma-separated names with a url column: the file is comma-separated, whatever its notes
 * hold (papaparse would otherwise guess from the first rows, and a note full of tabs or | misleads it).
 */
function commaHeader(text: string): boolean {
  const header = /^[^\r\n]*/.exec(text)![0];
  return header.split(',').some((name) => name.trim().replace(/^"|"$/g, '').toLowerCase() === 'url');
}

/** Raindrop.io's export: id,title,note,excerpt,url,folder,tags,created,cover,highlights,favorite. */
function isRaindrop(fields: string[]): boolean {
  return ['excerpt', 'folder', 'created'].every((f) => fields.includes(f)) && ['cover', 'highlights', 'favorite'].some((f) => fields.includes(f));
}

/**
 * Raindrop's rows: the collection (folder, `Parent/Child` when nested) is the group, except “Unsorted”,
 * its inbox; tags (comma-separated) are tags; created is when it was saved; the excerpt (the page's own
 * summary) is the description; the note and the highlights are what the user wrote, so they become the
 * resource's note, never lost.
 */
function raindropRows(fileName: string, rows: Array<Record<string, string>>, skipped: Skipped[]): ImportPreview {
  const resources: ImportedResource[] = [];
  rows.forEach((row, index) => {
    const line = index + 2;
    const url = (row.url ?? '').trim();
    const title = (row.title ?? '').trim();
    if (!url) {
      skipped.push({ line, text: (title || Object.values(row).join(', ')).slice(0, 120), reason: 'no url in this row' });
      return;
    }
    const page = entryUrl(url, title, line, skipped);
    if (page === null) return;
    const folder = (row.folder ?? '').split('/').map((f) => f.trim()).filter(Boolean).join(' / ');
    const note = [(row.note ?? '').trim(), highlightsOf(row.highlights ?? '')].filter(Boolean).join('\n\n');
    resources.push({
      title: title || url,
      url: page,
      author: null,
      description: (row.excerpt ?? '').trim(),
      group: folder && folder.toLowerCase() !== 'unsorted' ? folder : null,
      done: false,
      addedAt: dateFromFile(row.created, 'created', line, skipped),
      tags: [...new Set((row.tags ?? '').split(',').map((t) => t.trim()).filter(Boolean))],
      ...(note ? { note } : {}),
      parts: [],
      links: [],
      line,
    });
  });
  if (resources.length === 0) throw new ImportError(`“${fileName}” has no rows with a url.`);
  return { title: fileName.replace(/\.[^.]+$/, ''), format: 'csv', resources, skipped };
}

/** Raindrop writes each highlight as “Highlight:text” (with “Note:…” after it when annotated), one per line. */
function highlightsOf(cell: string): string {
  const lines = cell.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines.length === 0) return '';
  return ['Highlights:', ...lines.map((l) => `> ${l.replace(/^Highlight:\s*/i, '')}`)].join('\n');
}
