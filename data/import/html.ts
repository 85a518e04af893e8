import type { Document, Element } from 'domhandler';
import { isTag } from 'domhandler';
import { getAttributeValue } from 'domutils';
import { dateFromFile } from './dates';
import { entryUrl, resolved } from './entry-url';
import { clean, findFirst, runWhole, SKIP, textOf, walkElements, type Steps } from './dom-walk';
import { checkText, ImportError, type ImportedResource, type ImportPreview, type Skipped } from './imported';
import { parseWhole } from './parse-in-slices';

/** A browser's bookmarks export (Netscape format): folders become groups, ADD_DATE is kept. */
export function isBookmarksFile(content: string): boolean {
  return /<!DOCTYPE\s+NETSCAPE-Bookmark-file-1>/i.test(content.slice(0, 2000));
}

export const BOOKMARKS_PARSING = { lowerCaseTags: true, lowerCaseAttributeNames: true } as const;
export const PAGE_PARSING = { lowerCaseTags: true } as const;

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

const NOISE = ['nav', 'header', 'footer', 'aside', 'script', 'style', 'noscript', 'form'];
const isNoise = (e: Element) => NOISE.includes(e.name) || /\b(nav|menu|sidebar|footer|breadcrumb)\b/i.test(getAttributeValue(e, 'class') ?? '');

const absoluteOrNull = (href: string) => (/^https?:\/\//i.test(href.trim()) ? href.trim() : null);

export function importHtmlPage(fileName: string, content: string): ImportPreview {
  checkText(fileName, content);
  return runWhole(pageOf(fileName, parseWhole(fileName, content, PAGE_PARSING).doc));
}

/**
 * An ordinary web page (parsed with PAGE_PARSING): the links of its main content (<main>, <article>,
 * or the body without its navigation, header, footer and sidebars), each with the text around it as a
 * description. Relative links are read against the page's <base href>; without one, and for in-page
 * anchors and a link met before, the link is listed as skipped with the reason.
 */
export function* pageOf(fileName: string, doc: Document): Steps<ImportPreview> {
  let visited = 0;
  let main: Document | Element = doc;
  for (const test of [(e: Element) => e.name === 'main' || getAttributeValue(e, 'role') === 'main', (e: Element) => e.name === 'article', (e: Element) => e.name === 'body']) {
    const search = yield* findFirst(test, doc.children, visited);
    visited = search.visited;
    if (search.found) {
      main = search.found;
      break;
    }
  }
  const titled = (yield* findFirst((e) => e.name === 'title', doc.children, visited)).found ?? (yield* findFirst((e) => e.name === 'h1', doc.children, visited)).found;
  const pageTitle = clean(textOf(titled ?? doc, 1000));
  const baseElement = (yield* findFirst((e) => e.name === 'base' && Boolean(getAttributeValue(e, 'href')), doc.children, visited)).found;
  const base = baseElement ? absoluteOrNull(getAttributeValue(baseElement, 'href')!) : null;
  const skipped: Skipped[] = [];
  const seen = new Set<string>();
  const resources: ImportedResource[] = [];
  let group: string | null = null;
  yield* walkElements(main.children, null, (element) => {
    if (isNoise(element)) return SKIP;
    if (/^h[2-3]$/.test(element.name)) group = clean(textOf(element, 1000)) || null;
    if (element.name !== 'a') return null;
    const href = resolved(getAttributeValue(element, 'href') ?? '', base);
    const title = clean(textOf(element));
    if (!title) return null;
    const url = entryUrl(href, title, null, skipped);
    if (url === null) return null;
    if (seen.has(url)) {
      skipped.push({ line: null, text: `${title} (${url})`.slice(0, 120), reason: 'the same address as a link before it: imported once' });
      return null;
    }
    seen.add(url);
    const container = element.parent && isTag(element.parent) && ['li', 'p', 'dd', 'td'].includes(element.parent.name) ? element.parent : null;
    const around = container ? clean(textOf(container, 2000)).replace(title, '').replace(/^[\s.:–—-]+/, '').trim() : '';
    resources.push({ title, url, author: null, description: around.slice(0, 500), group, done: false, parts: [], links: [], line: 0 });
    return null;
  }, visited);
  if (resources.length === 0) throw new ImportError(`“${fileName}” has no links in its main content.`);
  return { title: pageTitle.slice(0, 200) || fileName, format: 'html', resources, skipped };
}
