import type { AnyNode, Document, Element } from 'domhandler';
import { isTag, isText } from 'domhandler';
import { getAttributeValue } from 'domutils';
import { clean, findFirst, runWhole, SKIP, textOf, walkElements, type Steps } from './dom-walk';
import { entryUrl, resolved } from './entry-url';
import { checkText, ImportError, type ImportedResource, type ImportPreview, type Skipped } from './imported';
import { parseWhole } from './parse-in-slices';

export const PAGE_PARSING = { lowerCaseTags: true } as const;

export const OUTSIDE = 'outside the main content (navigation, a banner, sidebar, footer or ad): not a resource';
export const NO_TEXT = 'a link with no text (an image or an icon only) and no alt text to name it';

const NOISE = ['nav', 'header', 'footer', 'aside', 'script', 'style', 'noscript', 'form'];
const NOISE_NAME = /\b(nav|navbar|menu|sidebar|footer|breadcrumbs?|banner|ads?|advert\w*)\b/i;
const isNoise = (e: Element) => NOISE.includes(e.name) || NOISE_NAME.test(getAttributeValue(e, 'class') ?? '') || NOISE_NAME.test(getAttributeValue(e, 'id') ?? '');

/** The ids pages give their main column when they have no <main> or <article>. */
const MAIN_IDS = new Set(['content', 'main', 'main-content', 'maincontent', 'primary', 'page-content']);

/** A section title marked by its class or role rather than by <h2>/<h3>: <div class="module-header">. */
const SECTION_CLASS = /\b(?:section|module|group|category|list)[-_]?(?:header|heading|title)\b/i;

const absoluteOrNull = (href: string | undefined) => (href && /^https?:\/\//i.test(href.trim()) ? href.trim() : null);

export function importHtmlPage(fileName: string, content: string): ImportPreview {
  checkText(fileName, content);
  return runWhole(pageOf(fileName, parseWhole(fileName, content, PAGE_PARSING).doc));
}

/**
 * An ordinary web page (parsed with PAGE_PARSING): the links of its main content (<main>, <article>, the
 * element with id “content”, or the body), each with the text around it as a description; those outside
 * it (navigation, banners, sidebars, ads) are listed as skipped. Sections are <h2>/<h3>, or an element
 * marked as a section title (role="heading", class="module-header"); a heading that is itself a link is an
 * entry, not a section. Relative links are read against the page's address (<base href>, else its
 * canonical link); without one, in-page anchors and a link met before are listed as skipped with the reason.
 */
export function* pageOf(fileName: string, doc: Document): Steps<ImportPreview> {
  let visited = 0;
  let main: Document | Element = doc;
  const mains = [
    (e: Element) => e.name === 'main' || getAttributeValue(e, 'role') === 'main',
    (e: Element) => e.name === 'article',
    (e: Element) => MAIN_IDS.has((getAttributeValue(e, 'id') ?? '').toLowerCase()),
    (e: Element) => e.name === 'body',
  ];
  for (const test of mains) {
    const search = yield* findFirst(test, doc.children, visited);
    visited = search.visited;
    if (search.found) {
      main = search.found;
      break;
    }
  }
  const titled = (yield* findFirst((e) => e.name === 'title', doc.children, visited)).found ?? (yield* findFirst((e) => e.name === 'h1', doc.children, visited)).found;
  const pageTitle = (titled && clean(textOf(titled, 1000))) || frontMatterTitle(doc) || fileName.replace(/\.[^.]+$/, '');
  const base = yield* pageAddress(doc, visited);
  const skipped: Skipped[] = [];
  const seen = new Set<string>();
  const resources: ImportedResource[] = [];
  let group: string | null = null;
  interface Around { inside: boolean; noise: boolean }
  yield* walkElements<Around>(doc.children, { inside: main === doc, noise: false }, (element, around) => {
    const inner: Around = { inside: around.inside || element === main, noise: around.noise || isNoise(element) };
    if (element.name === 'script' || element.name === 'style') return SKIP;
    const counts = inner.inside && !inner.noise;
    if (counts && isSectionTitle(element)) {
      // A heading that is a link (a blog post's title) is an entry, not a section.
      if (!hasLink(element)) group = clean(textOf(element, 1000)).slice(0, 200) || null;
    }
    if (element.name !== 'a') return inner;
    const raw = getAttributeValue(element, 'href');
    if (raw === undefined) return inner; // <a name="…">: a target, not a link
    const title = labelOf(element);
    if (!counts) {
      skipped.push({ line: null, text: `${title || 'a link'} (${raw.trim()})`.slice(0, 120), reason: OUTSIDE });
      return SKIP;
    }
    const href = resolved(raw, base);
    if (!title) {
      skipped.push({ line: null, text: href.slice(0, 120) || '(empty link)', reason: NO_TEXT });
      return SKIP;
    }
    const url = entryUrl(href, title, null, skipped);
    if (url === null) return SKIP;
    if (seen.has(url)) {
      skipped.push({ line: null, text: `${title} (${url})`.slice(0, 120), reason: 'the same address as a link before it: imported once' });
      return SKIP;
    }
    seen.add(url);
    const container = element.parent && isTag(element.parent) && ['li', 'p', 'dd', 'td'].includes(element.parent.name) ? element.parent : null;
    const around2 = container ? clean(textOf(container, 2000)).replace(clean(textOf(element, 2000)), '').replace(title, '') : '';
    const description = around2.replace(/^[\s.:–—|·-]+/u, '').replace(/^[\p{So}\p{Sk}\uFE0F\u200D\s]+/u, '').trim();
    resources.push({ title, url, author: null, description: description.slice(0, 500), group, done: false, parts: [], links: [], line: 0 });
    return SKIP;
  }, visited);
  if (resources.length === 0) throw new ImportError(`“${fileName}” has no links in its main content.`);
  return { title: pageTitle.slice(0, 200), format: 'html', resources, skipped };
}

function isSectionTitle(element: Element): boolean {
  if (/^h[2-3]$/.test(element.name)) return true;
  if (getAttributeValue(element, 'role') === 'heading') return true;
  return ['div', 'p', 'span', 'dt', 'strong'].includes(element.name) && SECTION_CLASS.test(getAttributeValue(element, 'class') ?? '');
}

function hasLink(element: Element): boolean {
  const stack: AnyNode[] = [...element.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    if (node.name === 'a' && getAttributeValue(node, 'href') !== undefined) return true;
    stack.push(...node.children);
  }
  return false;
}

/** The page's own address, to read its relative links against: <base href>, else <link rel="canonical">, else og:url. */
function* pageAddress(doc: Document, visited: number): Steps<string | null> {
  const base = (yield* findFirst((e) => e.name === 'base' && Boolean(absoluteOrNull(getAttributeValue(e, 'href'))), doc.children, visited)).found;
  if (base) return absoluteOrNull(getAttributeValue(base, 'href'));
  const canonical = (yield* findFirst((e) => e.name === 'link' && /\bcanonical\b/i.test(getAttributeValue(e, 'rel') ?? '') && Boolean(absoluteOrNull(getAttributeValue(e, 'href'))), doc.children, visited)).found;
  if (canonical) return absoluteOrNull(getAttributeValue(canonical, 'href'));
  const og = (yield* findFirst((e) => e.name === 'meta' && getAttributeValue(e, 'property') === 'og:url' && Boolean(absoluteOrNull(getAttributeValue(e, 'content'))), doc.children, visited)).found;
  return og ? absoluteOrNull(getAttributeValue(og, 'content')) : null;
}

/** A Jekyll/Hugo page's front matter (`---\ntitle: …\n---` before the HTML): its title, if it has one. */
function frontMatterTitle(doc: Document): string | null {
  const first = doc.children.find((c) => !isText(c) || c.data.trim() !== '');
  if (!first || !isText(first) || !first.data.trimStart().startsWith('---')) return null;
  const header = /^\s*---\r?\n([\s\S]*?)\r?\n---/.exec(first.data)?.[1] ?? '';
  return /^title:\s*["']?(.*?)["']?\s*$/im.exec(header)?.[1]?.trim() || null;
}

/** Letters or digits: what a label is made of (an icon glyph, an arrow or an emoji has none). */
const WORDY = /[\p{L}\p{N}]/u;
/** A pictograph or symbol (▶, 📈, ★), not punctuation or a sign such as “+”. */
const GLYPH = /[\p{So}\p{Extended_Pictographic}]/u;
const ICON_CLASS = /(?:^|\s)(?:icon|icons|glyph|glyphicon|emoji|fa|fas|far|fab|bi|material-icons|octicon)(?:\s|$)|(?:^|\s)(?:icon|fa|bi|glyphicon|octicon)-[\w-]+/i;
const ICON_TAGS = new Set(['svg', 'img', 'i', 'picture', 'canvas']);

/**
 * A link's label, the way a person reads it: the text of its parts, leaving out what the page marks as
 * an icon — an aria-hidden element, an element classed as an icon (`<span class="icon">▶</span>`,
 * `<i class="fa …">`), and an element or text of symbols only (`📈 <b>Alpha</b>`) beside the words. When
 * the link holds nothing else (an image link), its image's alt text or the link's aria-label names it.
 */
export function labelOf(link: Element): string {
  const pieces: Array<{ text: string; icon: boolean }> = [];
  const stack: Array<{ node: AnyNode; icon: boolean }> = link.children.map((node) => ({ node, icon: false })).reverse();
  for (let seen = 0; stack.length > 0 && seen < 4000; seen++) {
    const { node, icon } = stack.pop()!;
    if (isText(node)) pieces.push({ text: node.data, icon: icon || (!WORDY.test(node.data) && GLYPH.test(node.data)) });
    else if (isTag(node)) {
      const marked = icon || getAttributeValue(node, 'aria-hidden') === 'true' || ICON_CLASS.test(getAttributeValue(node, 'class') ?? '') || (ICON_TAGS.has(node.name) && !WORDY.test(textOf(node, 200)));
      if (node.name === 'script' || node.name === 'style') continue;
      for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, icon: marked });
    }
  }
  const words = clean(pieces.filter((p) => !p.icon).map((p) => p.text).join(''));
  if (WORDY.test(words)) return words;
  const all = clean(pieces.map((p) => p.text).join(''));
  if (all) return all;
  const img = findImage(link);
  return clean(getAttributeValue(link, 'aria-label') ?? '') || clean(getAttributeValue(link, 'title') ?? '') || clean((img && getAttributeValue(img, 'alt')) ?? '');
}

function findImage(element: Element): Element | null {
  const stack: AnyNode[] = [...element.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    if (node.name === 'img') return node;
    stack.push(...node.children);
  }
  return null;
}
