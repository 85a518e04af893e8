import type { Document, Element } from 'domhandler';
import { isTag } from 'domhandler';
import { getAttributeValue } from 'domutils';
import { dateFromFile } from './dates';
import { entryUrl } from './entry-url';
import { clean, runWhole, textOf, walkElements, type Steps } from './dom-walk';
import { checkText, ImportError, type ImportedResource, type ImportPreview, type Skipped } from './imported';
import { parseWhole } from './parse-in-slices';

/** A browser's bookmarks export (Netscape format): folders become groups, ADD_DATE is kept. */
export function isBookmarksFile(content: string): boolean {
  return /<!DOCTYPE\s+NETSCAPE-Bookmark-file-1>/i.test(content.slice(0, 2000));
}

export const BOOKMARKS_PARSING = { lowerCaseTags: true, lowerCaseAttributeNames: true } as const;

/** A folder path is kept to this length as it grows (the document keeps 200 characters of a group). */
const PATH_CHARS = 400;

/** Read whole: the file parsed here, then walked in one go. */
export function importBookmarks(fileName: string, content: string): ImportPreview {
  checkText(fileName, content);
  return runWhole(bookmarksOf(fileName, parseWhole(fileName, content, BOOKMARKS_PARSING).doc));
}

/**
 * `doc`: the file parsed with BOOKMARKS_PARSING. <DT><H3>Folder</H3><DL>…</DL> nests (the parser closes
 * the unclosed <DT>s): one walk in document order carries each <DL>'s folder path down to what it holds,
 * the folder's name being the <H3> (or the <DT> holding one) last seen before that <DL>.
 */
export function* bookmarksOf(fileName: string, doc: Document): Steps<ImportPreview> {
  const skipped: Skipped[] = [];
  const resources: ImportedResource[] = [];
  let heading: Element | null = null;
  interface Around { path: string | null; heading: string | null }
  yield* walkElements<Around>(doc.children, { path: null, heading: null }, (element, around) => {
    const inner: Around = { path: around.path, heading: null };
    if (element.name === 'h1') heading ??= element;
    else if (element.name === 'h3') around.heading = clean(textOf(element, 1000));
    else if (element.name === 'dt') {
      const h3 = element.children.find((c) => isTag(c) && c.name === 'h3');
      around.heading = h3 ? clean(textOf(h3, 1000)) : null;
    } else if (element.name === 'dd') {
      // A folder's description (<DD>) holds the folder's <DL> once the parser has closed the <DT>.
      inner.heading = around.heading;
    } else if (element.name === 'dl' && around.heading) {
      inner.path = around.path === null ? around.heading : around.path.length < PATH_CHARS ? `${around.path} / ${around.heading}` : around.path;
    } else if (element.name === 'a') {
      const href = getAttributeValue(element, 'href') ?? '';
      const title = clean(textOf(element)) || href;
      const url = entryUrl(href, title, null, skipped);
      if (url === null) return inner;
      resources.push({
        title,
        url,
        author: null,
        description: '',
        group: around.path,
        done: false,
        addedAt: dateFromFile(getAttributeValue(element, 'add_date'), `“${title}”: ADD_DATE`, null, skipped),
        tags: (getAttributeValue(element, 'tags') ?? '').split(',').map((t) => t.trim()).filter(Boolean),
        parts: [],
        links: [],
        line: 0,
      });
    }
    return inner;
  });
  if (resources.length === 0) throw new ImportError(`“${fileName}” holds no bookmarks.`);
  const title = clean(textOf(heading ?? doc, 1000));
  return { title: title.length > 80 || !title ? 'Bookmarks' : title, format: 'bookmarks', resources, skipped };
}
