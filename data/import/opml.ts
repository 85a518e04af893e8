import type { Document, Element } from 'domhandler';
import { isTag } from 'domhandler';
import { getAttributeValue, getChildren } from 'domutils';
import { clean, findFirst, runWhole, type Steps } from './dom-walk';
import { checkText, ImportError, webUrlOrNull, type ImportedResource, type ImportPreview, type Skipped } from './imported';
import { parseWhole } from './parse-in-slices';

const outlines = (node: Element) => getChildren(node).filter((c): c is Element => isTag(c) && c.name === 'outline');
const textOf = (o: Element) => (getAttributeValue(o, 'text') ?? getAttributeValue(o, 'title') ?? '').trim();
const attr = (o: Element, name: string) => getAttributeValue(o, name)?.trim() || null;
/** The page to open: the site (htmlUrl, often written empty), else the outline's url, else the feed itself. */
const urlOf = (o: Element) => attr(o, 'htmlUrl') ?? attr(o, 'url') ?? attr(o, 'xmlUrl');
/** What makes two outlines the same feed: the feed's address, else the page's. */
const feedOf = (o: Element) => attr(o, 'xmlUrl') ?? urlOf(o);

/**
 * OPML's category attribute: “a string of comma-separated slash-delimited category strings” (OPML 2.0),
 * a plain tag having no slash; each word between commas and slashes is a tag, each once.
 */
export const tagsOf = (o: Element) => [...new Set((getAttributeValue(o, 'category') ?? '').split(/[,/]/).map((t) => t.trim()).filter(Boolean))];

/** A group path is kept to this length as it grows (the document keeps 200 characters of a group). */
const PATH_CHARS = 400;
const YIELD_EVERY = 256;

export const OPML_PARSING = { xmlMode: true } as const;

export function importOpml(fileName: string, content: string): ImportPreview {
  checkText(fileName, content);
  return runWhole(opmlOf(fileName, parseWhole(fileName, repairOpml(content), OPML_PARSING).doc));
}

/** Attributes an <outline> may carry (OPML 2.0 and the readers' own): where a quoted value truly ends. */
const OUTLINE_ATTRIBUTES = 'text|title|description|type|xmlUrl|htmlUrl|url|version|language|category|created|isComment|isBreakpoint|id|name|rssfr-\\w+';
const VALUE_END = new RegExp(`"(?=\\s+(?:${OUTLINE_ATTRIBUTES})\\s*=|\\s*/?>$)`, 'g');
const escapeValue = (v: string) => v.replace(/&(?![a-z]+;|#\d+;|#x[0-9a-f]+;)/gi, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Some apps write raw HTML into an attribute (Plenary: `description="… of <a href="https://…">Basecamp</a>."`),
 * which ends the value at the first inner quote, and the outline at the inner `>`: the feed would be lost
 * and the outlines after it taken for its children. Such an outline is rewritten with its values
 * escaped: it ends at the `>` before the next outline (or the end of its folder), a value at the quote
 * before the next OPML attribute. A well-formed file is returned as it is, untouched.
 */
export function repairOpml(content: string): string {
  if (!/<outline\b[^>]*="[^"]*</i.test(content)) return content;
  return content.replace(/<outline\b[\s\S]*?\/?>(?=\s*(?:<\/?outline\b|<\/body\b|$))/gi, (tag) => {
    if (!/="[^"]*</.test(tag)) return tag;
    const close = /\s*\/?>$/.exec(tag)![0];
    const inner = tag.slice('<outline'.length, tag.length - close.length) + close;
    const attrs: string[] = [];
    const name = /\s+([\w:-]+)\s*=\s*"/y;
    let at = 0;
    for (;;) {
      name.lastIndex = at;
      const m = name.exec(inner);
      if (!m) break;
      VALUE_END.lastIndex = name.lastIndex;
      const end = VALUE_END.exec(inner);
      if (!end) return tag;
      attrs.push(` ${m[1]}="${escapeValue(inner.slice(name.lastIndex, end.index))}"`);
      at = end.index + 1;
    }
    // Anything else left over (a single-quoted value, a bare word): not a shape this knows; left as it was.
    if (inner.slice(at) !== close) return tag;
    return `<outline${attrs.join('')}${close.trim() === '/>' ? ' />' : '>'}`;
  });
}

/**
 * OPML (a feed reader's export, an outliner's file; parsed with OPML_PARSING): an outline with a link
 * is a resource, the outlines under it its parts; an outline without a link is a group for what it holds.
 * The outlines are walked with an explicit stack, in document order.
 */
export function* opmlOf(fileName: string, doc: Document): Steps<ImportPreview> {
  const { found: body, visited } = yield* findFirst((e) => e.name === 'body', doc.children);
  if (!doc.children.some((c) => isTag(c) && c.name === 'opml') || !body) {
    throw new ImportError(`“${fileName}” is not an OPML file (no <opml> with a <body>).`);
  }
  const skipped: Skipped[] = [];
  const resources: ImportedResource[] = [];
  const feeds = new Map<string, string>();
  const stack: Array<{ nodes: Element[]; index: number; group: string | null }> = [{ nodes: outlines(body), index: 0, group: null }];
  for (let seen = visited; stack.length > 0; seen++) {
    if (seen % YIELD_EVERY === 0) yield seen;
    const frame = stack[stack.length - 1]!;
    const outline = frame.nodes[frame.index++];
    if (!outline) {
      stack.pop();
      continue;
    }
    const url = urlOf(outline);
    const children = outlines(outline);
    if (!url) {
      const group = frame.group === null ? textOf(outline) || null : frame.group.length < PATH_CHARS ? [frame.group, textOf(outline)].filter(Boolean).join(' / ') : frame.group;
      stack.push({ nodes: children, index: 0, group });
      continue;
    }
    const feed = feedOf(outline)!;
    const first = feeds.get(feed);
    if (first !== undefined) {
      skipped.push({ line: null, text: `${textOf(outline) || url} (${feed})`.slice(0, 120), reason: `the same feed as “${first}”, listed before: imported once` });
      continue;
    }
    feeds.set(feed, textOf(outline) || url);
    resources.push({
      title: textOf(outline) || url,
      url: webUrlOrNull(url, null, skipped),
      author: null,
      // A description some apps write as HTML (“of <a href=…>Basecamp</a>.”): its text.
      description: clean((getAttributeValue(outline, 'description') ?? '').replace(/<[^>]*>/g, '')),
      tags: tagsOf(outline),
      group: frame.group,
      done: false,
      parts: children.map((c) => ({ title: textOf(c) || urlOf(c) || 'Part', url: webUrlOrNull(urlOf(c), null, skipped), done: false })),
      links: [],
      line: 0,
    });
  }
  if (resources.length === 0) throw new ImportError(`“${fileName}” has no outlines with links.`);
  const head = (yield* findFirst((e) => e.name === 'title', doc.children)).found;
  const title = head ? getChildren(head).map((c) => ('data' in c ? String(c.data) : '')).join('').trim() : '';
  return { title: title || fileName.replace(/\.[^.]+$/, ''), format: 'opml', resources, skipped };
}
