import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { checkText, ImportError, webUrlOrNull, type ImportedResource, type ImportPreview, type Skipped } from './imported';

/**
 * The tokenizer: markdown-it (CommonMark, plus bare-URL links and strikethrough as on GitHub). It replaced
 * mdast-util-from-markdown because that one needed 1.7 s for 10,000 links against a 300 ms goal; see
 * `npm run bench`. Links are kept as written (no percent-encoding) and every scheme is let through, so that
 * the import can say why a `javascript:` link was not kept instead of silently turning it into text.
 */
const markdown = new MarkdownIt('commonmark', { html: true, linkify: true }).enable(['linkify', 'strikethrough']);
// Bare `https://…` addresses become links; scheme-less ones (`example.com`) do not: that guessing
// doubled the parse time, and a list of links spells its links out.
markdown.linkify.set({ fuzzyLink: false, fuzzyEmail: false });
markdown.validateLink = () => true;
markdown.normalizeLink = (url) => url;
markdown.normalizeLinkText = (text) => text;

/** A block of the document: markdown-it's flat token stream, nested again (list → item → paragraph). */
interface Block {
  type: string;
  tag: string;
  line: number;
  inline: Token[] | null;
  source: string;
  children: Block[];
}

/** A run of inline content: plain text, or a link with its text. */
type Inline = { href: null; text: string } | { href: string; text: string };

/**
 * Markdown lists of links, as people keep them: awesome lists (`## Section` groups,
 * `- [Title](url) - description`), GitHub task lists (`- [x]` is done), nested bullets (parts), and a
 * Pelican/Jekyll header or front matter for the list's title.
 */
export function importMarkdown(fileName: string, content: string): ImportPreview {
  checkText(fileName, content);
  const { title, body, offset } = splitHeader(repairMojibake(content));
  const reader = new Reader(fileName, title);
  reader.read(body, offset);
  return reader.finish();
}

/**
 * The same, a slice of the file at a time, with `between(done, total)` awaited between slices (to
 * report progress, let other work run and stop when cancelled). A file is cut only where no
 * Markdown construct can span the cut, outside fenced code: before a top-level bullet or heading, or an
 * unindented line after a blank one. A file with link reference definitions or HTML blocks is read whole.
 */
export async function importMarkdownInSlices(fileName: string, content: string, between: (done: number, total: number) => Promise<void>): Promise<ImportPreview> {
  checkText(fileName, content);
  const { title, body, offset } = splitHeader(repairMojibake(content));
  const reader = new Reader(fileName, title);
  const slices = slicesOf(body);
  for (const [i, slice] of slices.entries()) {
    reader.read(slice.text, offset + slice.line);
    await between(i + 1, slices.length);
  }
  return reader.finish();
}

const SLICE_LINES = 4000;

function slicesOf(body: string): Array<{ text: string; line: number }> {
  const lines = body.split('\n');
  if (lines.length <= SLICE_LINES || /^ {0,3}\[[^\]]+\]:|<!--|<(pre|script|style|textarea)\b/im.test(body)) return [{ text: body, line: 0 }];
  const slices: Array<{ text: string; line: number }> = [];
  let start = 0;
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === null || (marker[0] === fence[0] && marker.length >= fence.length))) fence = fence === null ? marker : null;
    // A top-level bullet or heading always starts a new block; so does any unindented line after a blank one.
    const boundary = /^([-*+]|\d{1,9}[.)])[ \t]|^#{1,6}[ \t]/.test(line) || (lines[i - 1]?.trim() === '' && /^[^\s>]/.test(line));
    const cut = fence === null && i - start >= SLICE_LINES && boundary;
    if (cut) {
      slices.push({ text: lines.slice(start, i).join('\n'), line: start });
      start = i;
    }
  }
  slices.push({ text: lines.slice(start).join('\n'), line: start });
  return slices;
}

/** Turns parsed Markdown into resources, one slice after another, keeping the title and section. */
class Reader {
  readonly #skipped: Skipped[] = [];
  readonly #resources: ImportedResource[] = [];
  #group: string | null = null;

  constructor(
    private readonly fileName: string,
    private title: string | null,
  ) {}

  read(text: string, lineOffset: number): void {
    let blocks: Block[];
    try {
      blocks = nest(markdown.parse(text, {}));
    } catch (error) {
      throw new ImportError(`“${this.fileName}” could not be read as Markdown: ${error instanceof Error ? error.message : String(error)}`);
    }
    for (const block of blocks) {
      if (block.type === 'heading') {
        const text = plain(inlines(block.children[0]?.inline ?? [])).trim();
        const depth = Number(block.tag.slice(1));
        // The first `#` names the list; a later one (a file of several lists) starts a group like `##`.
        if (depth === 1 && !this.title) this.title = text;
        else if (depth >= 2 || text !== this.title) this.#group = text || null;
      } else if (isList(block)) {
        for (const item of block.children) {
          const resource = toResource(item, this.#group, lineOffset, this.#skipped);
          if (resource) this.#resources.push(resource);
        }
      }
    }
  }

  finish(): ImportPreview {
    if (this.#resources.length === 0) {
      throw new ImportError(`“${this.fileName}” has no list of links: Studyshelf imports Markdown bullets such as “- [Title](https://…) - description”.`);
    }
    return { title: this.title || this.fileName.replace(/\.[^.]+$/, ''), format: 'markdown', resources: this.#resources, skipped: this.#skipped };
  }
}

function toResource(item: Block, group: string | null, offset: number, skipped: Skipped[]): ImportedResource | null {
  const line = item.line + offset;
  const { checked, inline } = itemText(item);
  const links = inline.flatMap((c) => (c.href !== null ? [c] : []));
  const first = links[0];
  const text = plain(inline).replace(/\s+/g, ' ').trim();
  if (!first && !text) return null;
  if (!first && checked === null) {
    skipped.push({ line, text: text.slice(0, 120), reason: 'no link in this bullet' });
    return null;
  }
  const title = first ? first.text.trim() || first.href : text;
  const after = first ? plain(inline.slice(inline.indexOf(first) + 1)).replace(/\s+/g, ' ').trim() : '';
  const description = after.replace(/^[\s.:–—-]+/, '').trim();
  const author = /\bby ([A-Z][\p{L}'-]+(?: [A-Z][\p{L}'-]+){0,3})/u.exec(after)?.[1] ?? null;
  const nested = item.children.filter(isList).flatMap((l) => l.children);
  return {
    title,
    url: webUrlOrNull(first?.href, line, skipped),
    author,
    description,
    group,
    done: checked === true,
    links: links.slice(1).map((l) => ({ title: l.text.trim() || l.href, url: webUrlOrNull(l.href, line, skipped) })),
    parts: nested.flatMap((part) => {
      const partLine = part.line + offset;
      const { checked: partChecked, inline: partInline } = itemText(part);
      const link = partInline.find((c) => c.href !== null);
      const partTitle = (link ? link.text : plain(partInline)).trim();
      if (!partTitle) return [];
      return [{ title: partTitle, url: link ? webUrlOrNull(link.href, partLine, skipped) : null, done: partChecked === true }];
    }),
    line,
  };
}

/** The first paragraph of a list item, and its GitHub task box: `[x]` done, `[ ]` to do, none: null. */
function itemText(item: Block): { checked: boolean | null; inline: Inline[] } {
  const paragraph = item.children.find((c) => c.type === 'paragraph');
  const tokens = paragraph?.children[0]?.inline ?? [];
  const source = paragraph?.children[0]?.source ?? '';
  const box = /^\[([ xX])\](?:[ \t]|$)/.exec(source);
  if (!box) return { checked: null, inline: inlines(tokens) };
  const inline = inlines(tokens);
  let drop = box[0].length;
  while (drop > 0 && inline[0] && inline[0].href === null) {
    const head = inline[0];
    if (head.text.length > drop) {
      inline[0] = { href: null, text: head.text.slice(drop) };
      drop = 0;
    } else {
      drop -= head.text.length;
      inline.shift();
    }
  }
  return { checked: box[1] !== ' ', inline };
}

/** Inline tokens as runs of text and links. Images (badges) and raw HTML give no text. */
function inlines(tokens: readonly Token[]): Inline[] {
  const runs: Inline[] = [];
  let link: { href: string; text: string } | null = null;
  for (const token of tokens) {
    if (token.type === 'link_open') {
      link = { href: String(token.attrGet('href') ?? ''), text: '' };
      continue;
    }
    if (token.type === 'link_close') {
      if (link) runs.push(link);
      link = null;
      continue;
    }
    const text = token.type === 'text' || token.type === 'code_inline' ? token.content : token.type === 'softbreak' || token.type === 'hardbreak' ? '\n' : '';
    if (!text) continue;
    if (link) link.text += text;
    else {
      const last = runs[runs.length - 1];
      if (last && last.href === null) runs[runs.length - 1] = { href: null, text: last.text + text };
      else runs.push({ href: null, text });
    }
  }
  return runs;
}

function plain(runs: readonly Inline[]): string {
  return runs.map((r) => r.text).join('');
}

function isList(block: Block): boolean {
  return block.type === 'bullet_list' || block.type === 'ordered_list';
}

/** markdown-it's flat stream (`list_item_open` … `list_item_close`) as a tree of blocks. */
function nest(tokens: readonly Token[]): Block[] {
  const root: Block = { type: 'root', tag: '', line: 0, inline: null, source: '', children: [] };
  const stack = [root];
  for (const token of tokens) {
    const parent = stack[stack.length - 1]!;
    if (token.nesting === -1) {
      if (stack.length > 1) stack.pop();
      continue;
    }
    const block: Block = {
      type: token.type.replace(/_open$/, ''),
      tag: token.tag,
      line: (token.map?.[0] ?? parent.line - 1) + 1,
      inline: token.type === 'inline' ? (token.children ?? []) : null,
      source: token.type === 'inline' ? token.content : '',
      children: [],
    };
    parent.children.push(block);
    if (token.nesting === 1) stack.push(block);
  }
  return root.children;
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
