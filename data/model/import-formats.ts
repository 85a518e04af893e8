/**
 * What Studyshelf reads, one entry per format. The detector (detect.ts), the window's file input
 * (`accept`), main's open dialog (its filters) and the window's "is this a backup?" test all read this
 * table, so a format is added in one place; before, four hand-kept lists had drifted apart (a `.tsv`
 * was read as CSV but neither the file input nor the dialog offered it). Pure, with no parser in it: the
 * window may import it.
 */
export const IMPORT_FORMATS = [
  { id: 'markdown', label: 'Markdown or plain text', extensions: ['md', 'markdown', 'txt'], mimeTypes: ['text/markdown', 'text/plain'] },
  // Browser bookmarks and Pocket's export are HTML too: told apart by their content (detect.ts).
  { id: 'html', label: 'Web page, browser bookmarks or Pocket export', extensions: ['html', 'htm'], mimeTypes: ['text/html'] },
  { id: 'opml', label: 'OPML outline', extensions: ['opml', 'xml'], mimeTypes: ['text/x-opml', 'application/xml', 'text/xml'] },
  { id: 'csv', label: 'CSV or TSV table', extensions: ['csv', 'tsv'], mimeTypes: ['text/csv', 'text/tab-separated-values'] },
  { id: 'json', label: 'Studyshelf backup', extensions: ['json'], mimeTypes: ['application/json'] },
] as const satisfies readonly { id: string; label: string; extensions: readonly string[]; mimeTypes: readonly string[] }[];

export type ImportFormatId = (typeof IMPORT_FORMATS)[number]['id'];

/** A file name's extension, lower case, without the dot ('' when it has none). */
export function extensionOf(fileName: string): string {
  return /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
}

/** The format a file name says it is, if its extension is one of ours. */
export function formatByName(fileName: string): ImportFormatId | null {
  const ext = extensionOf(fileName);
  return IMPORT_FORMATS.find((format) => (format.extensions as readonly string[]).includes(ext))?.id ?? null;
}

/** A `.json` file is read as a Studyshelf backup (merged or replacing the data), never as a list. */
export function isBackupFileName(fileName: string): boolean {
  return formatByName(fileName) === 'json';
}

type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** A file input's `accept`: every extension of these formats, then their media types (each once). */
function acceptOf(formats: readonly ImportFormat[]): string {
  return [...formats.flatMap((f) => f.extensions.map((ext) => `.${ext}`)), ...new Set(formats.flatMap((f) => f.mimeTypes))].join(',');
}

/** The window's file input: every extension and media type of the table. */
export const FILE_INPUT_ACCEPT = acceptOf(IMPORT_FORMATS);

/** Main's open dialog: all of them first, each format on its own, then any file (read by content). */
export const OPEN_DIALOG_FILTERS = [
  { name: 'Lists and backups', extensions: IMPORT_FORMATS.flatMap((f) => [...f.extensions]) },
  ...IMPORT_FORMATS.map((f) => ({ name: f.label, extensions: [...f.extensions] })),
  { name: 'All files', extensions: ['*'] },
];

/** "Import into this list": what a list is read from (a backup is not a list, so `.json` is not offered). */
export const LIST_FILE_INPUT_ACCEPT = acceptOf(IMPORT_FORMATS.filter((f) => f.id !== 'json'));
