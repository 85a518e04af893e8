import type { List, ListItem, Node, Paragraph, PhrasingContent, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { checkText, ImportError, webUrlOrNull, type ImportedResource, type ImportPreview, type Skipped } from './imported';

/**
 * Markdown lists of links, as people keep them: awesome lists (`## Section` groups,
 * `- [Title](url) - description`), GitHub task lists (`- [x]` is done), nested bullets (parts), and a
 * Pelican/Jekyll header or front matter for the list's title.
 */
export function importMarkdown(fileName: string, content: string): ImportPreview {
  checkText(fileName, content);
  const { title: headerTitle, body, offset } = splitHeader(repairMojibake(content));
  let tree: Root;
  try {
    tree = fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  } catch (error) {
    throw new ImportError(`“${fileName}” could not be read as Markdown: ${error instanceof Error ? error.message : String(error)}`);
  }
  const skipped: Skipped[] = [];
  const resources: ImportedResource[] = [];
  let title = headerTitle;
  let group: string | null = null;
  for (const node of tree.children) {
    if (node.type === 'heading') {
      const text = plain(node.children).trim();
      if (node.depth === 1 && !title) title = text;
      else if (node.depth >= 2) group = text || null;
    } else if (node.type === 'list') {
      for (const item of node.children) {
        const resource = toResource(item, group, offset, skipped);
        if (resource) resources.push(resource);
      }
    }
  }
  if (resources.length === 0) {
    throw new ImportError(`“${fileName}” has no list of links: Studyshelf imports Markdown bullets such as “- [Title](https://…) - description”.`);
  }
  return { title: title || fileName.replace(/\.[^.]+$/, ''), format: 'markdown', resources, skipped };
}

function toResource(item: ListItem, group: string | null, offset: number, skipped: Skipped[]): ImportedResource | null {
  const line = (item.position?.start.line ?? 0) + offset;
  const paragraph = item.children.find((c): c is Paragraph => c.type === 'paragraph');
  const inline = paragraph?.children ?? [];
  const links = inline.flatMap((c) => (c.type === 'link' ? [c] : []));
  const first = links[0];
  const text = plain(inline).replace(/\s+/g, ' ').trim();
  if (!first && !text) return null;
  if (!first && item.checked === null) {
    skipped.push({ line, text: text.slice(0, 120), reason: 'no link in this bullet' });
    return null;
  }
  const title = first ? plain(first.children).trim() || first.url : text;
  const after = first ? plain(inline.slice(inline.indexOf(first) + 1)).replace(/\s+/g, ' ').trim() : '';
  const description = after.replace(/^[\s.:–—-]+/, '').trim();
  const author = /\bby ([A-Z][\p{L}'-]+(?: [A-Z][\p{L}'-]+){0,3})/u.exec(after)?.[1] ?? null;
  const nested = item.children.filter((c): c is List => c.type === 'list').flatMap((l) => l.children);
  return {
    title,
    url: webUrlOrNull(first?.url, line, skipped),
    author,
    description,
    group,
    done: item.checked === true,
    links: links.slice(1).map((l) => ({ title: plain(l.children).trim() || l.url, url: webUrlOrNull(l.url, line, skipped) })),
    parts: nested.flatMap((part) => {
      const partLine = (part.position?.start.line ?? 0) + offset;
      const partInline = part.children.find((c): c is Paragraph => c.type === 'paragraph')?.children ?? [];
      const link = partInline.find((c) => c.type === 'link');
      const partTitle = (link && link.type === 'link' ? plain(link.children) : plain(partInline)).trim();
      if (!partTitle) return [];
      return [{ title: partTitle, url: link && link.type === 'link' ? webUrlOrNull(link.url, partLine, skipped) : null, done: part.checked === true }];
    }),
    line,
  };
}

function plain(nodes: ReadonlyArray<PhrasingContent | Node>): string {
  return nodes
    .map((n) => {
      if ('value' in n && typeof n.value === 'string') return n.value;
      if ('children' in n && Array.isArray(n.children)) return plain(n.children as PhrasingContent[]);
      return '';
    })
    .join('');
}

/** A Pelican header (`Title: …` lines) or YAML front matter gives the list's title; never list items. */
function splitHeader(content: string): { title: string | null; body: string; offset: number } {
  const lines = content.split(/\r?\n/);
  if (lines[0]?.trim() === '---') {
    const end = lines.indexOf('---', 1);
    if (end > 0) {
      const title = lines.slice(1, end).map((l) => /^title:\s*["']?(.*?)["']?\s*$/i.exec(l)?.[1]).find(Boolean) ?? null;
      return { title, body: lines.slice(end + 1).join('\n'), offset: end + 1 };
    }
  }
  let end = 0;
  while (end < lines.length && /^[A-Z][\w-]*:\s/.test(lines[end]!)) end++;
  if (end > 0 && (lines[end] ?? '').trim() === '') {
    const title = lines.slice(0, end).map((l) => /^Title:\s*(.*)$/.exec(l)?.[1]?.trim()).find(Boolean) ?? null;
    return { title, body: lines.slice(end).join('\n'), offset: end };
  }
  return { title: null, body: content, offset: 0 };
}

/** UTF-8 text once read as Windows-1252 (“Pythonâ€™s”): the common slips, put right. */
function repairMojibake(text: string): string {
  return text.replace(/â€™/g, '’').replace(/â€˜/g, '‘').replace(/â€œ/g, '“').replace(/â€\u009d|â€\u201d/g, '”').replace(/â€“/g, '–').replace(/â€”/g, '—');
}
