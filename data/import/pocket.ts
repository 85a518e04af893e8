import type { Document } from 'domhandler';
import { getAttributeValue } from 'domutils';
import { dateFromFile } from './dates';
import { clean, runWhole, textOf, walkElements, type Steps } from './dom-walk';
import { entryUrl } from './entry-url';
import { checkText, ImportError, type ImportedResource, type ImportPreview, type Skipped } from './imported';
import { parseWhole } from './parse-in-slices';

/** Pocket's HTML export (ril_export.html): its title, or <h1>Unread</h1> / <h1>Read Archive</h1> over links with time_added. */
export function isPocketFile(content: string): boolean {
  const head = content.slice(0, 4000);
  return /<title>\s*Pocket Export\s*<\/title>/i.test(head) || (/<h1>\s*(Unread|Read Archive)\s*<\/h1>/i.test(head) && /\btime_added="/i.test(head));
}

export const POCKET_PARSING = { lowerCaseTags: true, lowerCaseAttributeNames: true } as const;

export function importPocket(fileName: string, content: string): ImportPreview {
  checkText(fileName, content);
  return runWhole(pocketOf(fileName, parseWhole(fileName, content, POCKET_PARSING).doc));
}

/**
 * `doc`: the file parsed with POCKET_PARSING. “Unread” and “Read Archive” are read states, not groups:
 * what follows “Read Archive” is done. Each link's time_added is when it was saved; its tags
 * (comma-separated here) are kept for the preview.
 */
export function* pocketOf(fileName: string, doc: Document): Steps<ImportPreview> {
  const skipped: Skipped[] = [];
  const resources: ImportedResource[] = [];
  let archive = false;
  yield* walkElements(doc.children, null, (element) => {
    if (element.name === 'h1') archive = /archive/i.test(textOf(element, 200));
    if (element.name !== 'a') return null;
    const href = getAttributeValue(element, 'href') ?? '';
    const title = clean(textOf(element)) || href;
    const url = entryUrl(href, title, null, skipped);
    if (url === null) return null;
    resources.push({
      title,
      url,
      author: null,
      description: '',
      group: null,
      done: archive,
      addedAt: dateFromFile(getAttributeValue(element, 'time_added'), `“${title}”: time_added`, null, skipped),
      tags: (getAttributeValue(element, 'tags') ?? '').split(',').map((t) => t.trim()).filter(Boolean),
      parts: [],
      links: [],
      line: 0,
    });
    return null;
  });
  if (resources.length === 0 && skipped.length === 0) throw new ImportError(`“${fileName}” is a Pocket export with nothing in it.`);
  return { title: 'Pocket', format: 'pocket', resources, skipped };
}
