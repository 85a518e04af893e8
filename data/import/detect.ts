import { importCsv } from './csv';
import { extensionOf, formatByName } from '../model/import-formats';
import { runInSlices } from './dom-walk';
import { BOOKMARKS_PARSING, bookmarksOf, importBookmarks, isBookmarksFile } from './html';
import { importHtmlPage, PAGE_PARSING, pageOf } from './html-page';
import { checkText, finishPreview, ImportError, type ImportPreview } from './imported';
import { importMarkdown, importMarkdownInSlices } from './markdown';
import { importOpml, OPML_PARSING, opmlOf, repairOpml } from './opml';
import { parseDocumentInSlices } from './parse-in-slices';
import { importPocket, isPocketFile, POCKET_PARSING, pocketOf } from './pocket';

type Format = 'bookmarks' | 'pocket' | 'opml' | 'html' | 'csv' | 'json' | 'markdown';

/** What the file is, by its content where the name does not say (formats.ts names the extensions). */
function formatOf(fileName: string, content: string): Format {
  const byName = formatByName(fileName);
  const head = content.slice(0, 2000).trimStart().toLowerCase();
  if (isBookmarksFile(content)) return 'bookmarks';
  if (isPocketFile(content)) return 'pocket';
  if (extensionOf(fileName) === 'opml' || (head.startsWith('<?xml') && head.includes('<opml')) || head.startsWith('<opml')) return 'opml';
  if (byName === 'html' || head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  if (byName === 'csv' || byName === 'json') return byName;
  return 'markdown';
}

/** Chooses the importer by what the file is. */
export function importFile(fileName: string, content: string): ImportPreview {
  const format = formatOf(fileName, content);
  return finishPreview(format === 'markdown' ? importMarkdown(fileName, content) : importOther(format, fileName, content), content);
}

/**
 * The same, a slice at a time with `between` awaited after each (progress, cancel): Markdown, HTML pages,
 * bookmarks and OPML. Those three are parsed a slice at a time (the first 70% of the progress), then
 * walked a slice at a time (the rest). A CSV is read in one go (papaparse needs well under a second even at 20 MB).
 */
export async function importFileInSlices(fileName: string, content: string, between: (done: number, total: number) => Promise<void>): Promise<ImportPreview> {
  return finishPreview(await readInSlices(fileName, content, between), content);
}

const WALKERS = {
  bookmarks: [BOOKMARKS_PARSING, bookmarksOf],
  pocket: [POCKET_PARSING, pocketOf],
  html: [PAGE_PARSING, pageOf],
  opml: [OPML_PARSING, opmlOf],
} as const;

async function readInSlices(fileName: string, content: string, between: (done: number, total: number) => Promise<void>): Promise<ImportPreview> {
  const format = formatOf(fileName, content);
  if (format === 'json' || format === 'csv') return importOther(format, fileName, content);
  checkText(fileName, content);
  if (format === 'markdown') return importMarkdownInSlices(fileName, content, between);
  const [options, walker] = WALKERS[format];
  // Progress in thousandths, so that the last report is exactly 1.
  const { doc, elements } = await parseDocumentInSlices(fileName, format === 'opml' ? repairOpml(content) : content, options, (done, total) => between(Math.floor((700 * done) / total), 1000));
  const preview = await runInSlices(walker(fileName, doc), (visited) => between(700 + Math.floor((300 * Math.min(visited, elements)) / Math.max(1, elements)), 1000));
  await between(1000, 1000);
  return preview;
}

function importOther(format: Exclude<Format, 'markdown'>, fileName: string, content: string): ImportPreview {
  switch (format) {
    case 'bookmarks':
      return importBookmarks(fileName, content);
    case 'pocket':
      return importPocket(fileName, content);
    case 'opml':
      return importOpml(fileName, content);
    case 'html':
      return importHtmlPage(fileName, content);
    case 'csv':
      return importCsv(fileName, content);
    case 'json':
      throw new ImportError(`“${fileName}” is a JSON file: Studyshelf reads JSON only as its own backup (to merge or replace your data), not as a list.`);
  }
}
