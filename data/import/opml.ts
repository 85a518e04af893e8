import type { Document, Element } from 'domhandler';
import { findOne, getAttributeValue, getChildren } from 'domutils';
import { isTag } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { checkText, ImportError, webUrlOrNull, type ImportedResource, type ImportPreview, type Skipped } from './imported';

const outlines = (node: Element) => getChildren(node).filter((c): c is Element => isTag(c) && c.name === 'outline');
const textOf = (o: Element) => (getAttributeValue(o, 'text') ?? getAttributeValue(o, 'title') ?? '').trim();
const urlOf = (o: Element) => getAttributeValue(o, 'htmlUrl') ?? getAttributeValue(o, 'url') ?? getAttributeValue(o, 'xmlUrl') ?? null;

/**
 * OPML (a feed reader's export, an outliner's file): an outline with a link is a resource, the
 * outlines under it its parts; an outline without a link is a group for what it holds.
 */
export const OPML_PARSING = { xmlMode: true } as const;

export function importOpml(fileName: string, content: string, parsed?: Document): ImportPreview {
  checkText(fileName, content);
  const doc = parsed ?? parseDocument(content, OPML_PARSING);
  const body = findOne((e) => e.name === 'body', doc.children);
  if (!findOne((e) => e.name === 'opml', doc.children, false) || !body) {
    throw new ImportError(`“${fileName}” is not an OPML file (no <opml> with a <body>).`);
  }
  const skipped: Skipped[] = [];
  const resources: ImportedResource[] = [];
  const walk = (nodes: Element[], group: string | null) => {
    for (const outline of nodes) {
      const url = urlOf(outline);
      const children = outlines(outline);
      if (!url) {
        walk(children, [group, textOf(outline)].filter(Boolean).join(' / ') || null);
        continue;
      }
      resources.push({
        title: textOf(outline) || url,
        url: webUrlOrNull(url, null, skipped),
        author: null,
        description: (getAttributeValue(outline, 'description') ?? '').trim(),
        group,
        done: false,
        parts: children.map((c) => ({ title: textOf(c) || urlOf(c) || 'Part', url: webUrlOrNull(urlOf(c), null, skipped), done: false })),
        links: [],
        line: 0,
      });
    }
  };
  walk(outlines(body), null);
  if (resources.length === 0) throw new ImportError(`“${fileName}” has no outlines with links.`);
  const head = findOne((e) => e.name === 'title', doc.children);
  const title = head ? getChildren(head).map((c) => ('data' in c ? String(c.data) : '')).join('').trim() : '';
  return { title: title || fileName.replace(/\.[^.]+$/, ''), format: 'opml', resources, skipped };
}
