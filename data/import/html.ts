import type { Document, Element } from 'domhandler';
import { isTag } from 'domhandler';
import { findAll, findOne, getAttributeValue, getChildren, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { dateFromFile } from './dates';
import { checkText, ImportError, webUrlOrNull, type ImportedResource, type ImportPreview, type Skipped } from './imported';

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A browser's bookmarks export (Netscape format): folders become groups, ADD_DATE is kept. */
export function isBookmarksFile(content: string): boolean {
  return /<!DOCTYPE\s+NETSCAPE-Bookmark-file-1>/i.test(content.slice(0, 2000));
}

export const BOOKMARKS_PARSING = { lowerCaseTags: true, lowerCaseAttributeNames: true } as const;
export const PAGE_PARSING = { lowerCaseTags: true } as const;

/** `parsed`: the file already parsed with BOOKMARKS_PARSING (a slice at a time, for a big file). */
export function importBookmarks(fileName: string, content: string, parsed?: Document): ImportPreview {
  checkText(fileName, content);
  const doc = parsed ?? parseDocument(content, BOOKMARKS_PARSING);
  const skipped: Skipped[] = [];
  const resources: ImportedResource[] = [];
  // <DT><H3>Folder</H3><DL>…</DL> nests; the parser closes the unclosed <DT>s, so walk the <A>s and
  // read each one's folder path from the <H3> headings of the <DL>s around it.
  for (const anchor of findAll((e) => e.name === 'a', doc.children)) {
    const title = clean(textContent(anchor)) || getAttributeValue(anchor, 'href') || '';
    resources.push({
      title,
      url: webUrlOrNull(getAttributeValue(anchor, 'href'), null, skipped),
      author: null,
      description: '',
      group: folderPath(anchor),
      done: false,
      addedAt: dateFromFile(getAttributeValue(anchor, 'add_date'), `“${title}”: ADD_DATE`, null, skipped),
      parts: [],
      links: [],
      line: 0,
    });
  }
  if (resources.length === 0) throw new ImportError(`“${fileName}” holds no bookmarks.`);
  const title = clean(textContent(findOne((e) => e.name === 'h1', doc.children) ?? doc)) || 'Bookmarks';
  return { title: title.length > 80 ? 'Bookmarks' : title, format: 'bookmarks', resources, skipped };
}

function folderPath(anchor: Element): string | null {
  const names: string[] = [];
  for (let node = anchor.parent; node && isTag(node); node = node.parent as Element | null) {
    if (node.name !== 'dl') continue;
    // The folder's name is the <H3> just before this <DL> (in the same <DT>).
    const siblings = getChildren(node.parent!);
    const index = siblings.indexOf(node);
    const heading = siblings.slice(0, index).reverse().find((s) => isTag(s) && (s.name === 'h3' || s.name === 'dt'));
    const h3 = heading && isTag(heading) ? (heading.name === 'h3' ? heading : findOne((e) => e.name === 'h3', [heading], false)) : null;
    if (h3) names.unshift(clean(textContent(h3)));
  }
  return names.length ? names.join(' / ') : null;
}

const NOISE = ['nav', 'header', 'footer', 'aside', 'script', 'style', 'noscript', 'form'];

/**
 * An ordinary web page: the links of its main content (<main>, <article>, or the body without its
 * navigation, header, footer and sidebars), each with the text around it as a description.
 */
export function importHtmlPage(fileName: string, content: string, parsed?: Document): ImportPreview {
  checkText(fileName, content);
  const doc = parsed ?? parseDocument(content, PAGE_PARSING);
  const main =
    findOne((e) => e.name === 'main' || getAttributeValue(e, 'role') === 'main', doc.children) ??
    findOne((e) => e.name === 'article', doc.children) ??
    findOne((e) => e.name === 'body', doc.children) ??
    doc;
  const inNoise = (e: Element) => {
    for (let n: Element | null = e; n && n !== main; n = n.parent as Element | null) {
      if (NOISE.includes(n.name) || /\b(nav|menu|sidebar|footer|breadcrumb)\b/i.test(getAttributeValue(n, 'class') ?? '')) return true;
    }
    return false;
  };
  const skipped: Skipped[] = [];
  const seen = new Set<string>();
  const resources: ImportedResource[] = [];
  let group: string | null = null;
  const pageTitle = clean(textContent(findOne((e) => e.name === 'title', doc.children) ?? findOne((e) => e.name === 'h1', doc.children) ?? doc));
  for (const element of findAll((e) => e.name === 'a' || /^h[2-3]$/.test(e.name), getChildren(main))) {
    if (inNoise(element)) continue;
    if (element.name !== 'a') {
      group = clean(textContent(element)) || null;
      continue;
    }
    const href = getAttributeValue(element, 'href') ?? '';
    const title = clean(textContent(element));
    if (!href || href.startsWith('#') || !title) continue;
    const url = webUrlOrNull(href, null, skipped);
    if (url && seen.has(url)) continue;
    if (url) seen.add(url);
    const container = element.parent && isTag(element.parent) && ['li', 'p', 'dd', 'td'].includes(element.parent.name) ? element.parent : null;
    const around = container ? clean(textContent(container)).replace(title, '').replace(/^[\s.:–—-]+/, '').trim() : '';
    resources.push({ title, url, author: null, description: around.slice(0, 500), group, done: false, parts: [], links: [], line: 0 });
  }
  if (resources.length === 0) throw new ImportError(`“${fileName}” has no links in its main content.`);
  return { title: pageTitle.slice(0, 200) || fileName, format: 'html', resources, skipped };
}
