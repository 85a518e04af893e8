import { importCsv } from './csv';
import { importBookmarks, importHtmlPage, isBookmarksFile } from './html';
import { ImportError, type ImportPreview } from './imported';
import { importMarkdown } from './markdown';
import { importOpml } from './opml';

/** Chooses the importer by what the file is, looking at its content where the name does not say. */
export function importFile(fileName: string, content: string): ImportPreview {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const head = content.slice(0, 2000).trimStart().toLowerCase();
  if (isBookmarksFile(content)) return importBookmarks(fileName, content);
  if (ext === 'opml' || head.startsWith('<?xml') && head.includes('<opml') || head.startsWith('<opml')) return importOpml(fileName, content);
  if (ext === 'html' || ext === 'htm' || head.startsWith('<!doctype html') || head.startsWith('<html')) return importHtmlPage(fileName, content);
  if (ext === 'csv' || ext === 'tsv') return importCsv(fileName, content);
  if (ext === 'json') {
    throw new ImportError(`“${fileName}” is a JSON file: Studyshelf reads JSON only as its own backup (to merge or replace your data), not as a list.`);
  }
  return importMarkdown(fileName, content);
}
