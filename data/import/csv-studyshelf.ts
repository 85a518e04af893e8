import { statusOfLabel } from '../export/markdown-text';
import { importedTags } from '../model/tags';
import { dateFromFile } from './dates';
import { entryUrl } from './entry-url';
import { webUrlOrNull, type ImportedItem, type ImportedPart, type ImportedResource, type ImportedState, type Skipped } from './imported';

/** Studyshelf's own CSV (export/csv.ts), known by the columns only it writes. */
export function isStudyshelfCsv(fields: readonly string[]): boolean {
  return ['list', 'title', 'status', 'parts', 'links', 'note', 'where_stopped'].every((f) => fields.includes(f));
}

/**
 * Its rows as they were written: a row without a url is a resource without a link, the list's title is
 * the `list` column's (a file of several lists is one list, each list a group, as its Markdown is).
 */
export function studyshelfRows(fileName: string, rows: ReadonlyArray<Record<string, string>>, skipped: Skipped[]): { title: string; resources: ImportedResource[] } {
  const lists = [...new Set(rows.map((r) => (r.list ?? '').trim()).filter(Boolean))];
  const resources: ImportedResource[] = [];
  rows.forEach((row, index) => {
    const line = index + 2; // the header is line 1
    const resource = rowOf(row, line, lists.length > 1, skipped);
    if (resource) resources.push(resource);
  });
  return { title: lists.length === 1 ? lists[0]! : fileName.replace(/\.[^.]+$/, ''), resources };
}

function rowOf(row: Record<string, string>, line: number, several: boolean, skipped: Skipped[]): ImportedResource | null {
  const title = (row.title ?? '').trim();
  const url = (row.url ?? '').trim();
  if (!title && !url) {
    skipped.push({ line, text: Object.values(row).join(', ').slice(0, 120), reason: 'no title and no url in this row' });
    return null;
  }
  const page = url ? entryUrl(url, title, line, skipped) : null;
  if (url && page === null) return null;
  const state = stateOf(row, line, skipped);
  return {
    title: title || url,
    url: page,
    author: (row.author ?? '').trim() || null,
    description: (row.description ?? '').trim(),
    group: (row.group ?? '').trim() || (several ? (row.list ?? '').trim() || null : null),
    kind: (row.kind ?? '').trim() || 'link',
    tags: importedTags([row.tags ?? '']),
    addedAt: dateFromFile(row.added, 'added', line, skipped),
    ...state,
    done: state.status === 'done',
    note: row.note ?? '',
    whereStopped: (row.where_stopped ?? '').trim(),
    parts: itemsOf(row.parts, 'parts', line, skipped).map((p) => partOf(p, line, skipped)),
    links: itemsOf(row.links, 'links', line, skipped).map((l) => ({ title: textOf(l.title), url: webUrlOrNull(textOf(l.url) || null, line, skipped) })),
    line,
  };
}

const textOf = (value: unknown) => (typeof value === 'string' ? value : '');

function stateOf(cells: Record<string, unknown>, line: number, skipped: Skipped[]): Required<ImportedState> {
  const status = statusOfLabel(textOf(cells.status)) ?? 'todo';
  return {
    status,
    startedAt: dateFromFile(textOf(cells.started), 'started', line, skipped),
    doneAt: dateFromFile(textOf(cells.finished), 'finished', line, skipped),
  };
}

function partOf(cells: Record<string, unknown>, line: number, skipped: Skipped[]): ImportedPart {
  const state = stateOf(cells, line, skipped);
  return { title: textOf(cells.title), url: webUrlOrNull(textOf(cells.url) || null, line, skipped), ...state, done: state.status === 'done' };
}

/** A cell of JSON objects each with a title; anything else is left out with a note. */
function itemsOf(cell: string | undefined, what: string, line: number, skipped: Skipped[]): Array<Record<string, unknown> & ImportedItem> {
  if (!cell?.trim()) return [];
  try {
    const items: unknown = JSON.parse(cell);
    if (Array.isArray(items)) return items.filter((i): i is Record<string, unknown> & ImportedItem => typeof i === 'object' && i !== null && typeof (i as { title?: unknown }).title === 'string' && (i as { title: string }).title.trim() !== '');
  } catch {
    // Not JSON: said below.
  }
  skipped.push({ line, text: `${what} ${cell.slice(0, 80)}`, reason: `the ${what} are not the list Studyshelf writes: imported without them`, note: true });
  return [];
}
