import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { checkText, ImportError, type ImportedResource, type ImportPreview, type Skipped } from './imported';
import { inlines, isList, plain, readItems, type Block } from './markdown-items';
import { readStudyshelfItems } from './markdown-studyshelf';
import { MARKER_START } from '../export/markdown-text';

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

/**
 * Markdown lists of links, as people keep them: awesome lists (`## Section` groups,
 * `- [Title](url) - description`), GitHub task lists (`- [x]` is done), nested bullets (parts), and a
 * Pelican/Jekyll header or front matter for the list's title.
 */
export function importMarkdown(fileName: string, content: string): ImportPreview {
  checkText(fileName, content);
  const { title, body, offset } = splitHeader(repairMojibake(content));
  const reader = new Reader(fileName, title, body.includes(MARKER_START));
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
  const reader = new Reader(fileName, title, body.includes(MARKER_START));
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
    /** A file Studyshelf exported: its items are read exactly as written, and a `---` rule ends a section. */
    private readonly studyshelf = false,
  ) {}

  read(text: string, lineOffset: number): void {
    let blocks: Block[];
    try {
      blocks = nest(markdown.parse(text, {}));
    } catch (error) {
      throw new ImportError(`“${this.fileName}” could not be read as Markdown: ${error instanceof Error ? error.message : String(error)}`);
    }
    let lines: string[] | null = null;
    for (const block of blocks) {
      if (block.type === 'heading') {
        const text = plain(inlines(block.children[0]?.inline ?? [])).trim();
        const depth = Number(block.tag.slice(1));
        // The first `#` names the list; a later one (a file of several lists) starts a group like `##`.
        if (depth === 1 && !this.title) this.title = text;
        else if (depth >= 2 || text !== this.title) this.#group = text || null;
      } else if (isList(block) && this.studyshelf) {
        readStudyshelfItems(block.children, this.#group, lineOffset, (lines ??= text.split(/\r\n?|\n/)), this.#skipped, this.#resources);
      } else if (isList(block)) {
        readItems(block.children, this.#group, lineOffset, this.#skipped, this.#resources);
      } else if (block.type === 'hr' && this.studyshelf) {
        this.#group = null;
      } else if (block.type === 'code_block' && isListOfLinks(block.source)) {
        // Numbered links indented four spaces after a blank line are code to Markdown, a list to the person.
        this.read(block.source, lineOffset + block.line - 1);
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
      source: token.type === 'inline' || token.type === 'code_block' ? token.content : '',
      children: [],
    };
    parent.children.push(block);
    if (token.nesting === 1) stack.push(block);
  }
  return root.children;
}

/** Code whose every line is a list item with a link (`1. [Title](https://…)`): a list indented too far. */
function isListOfLinks(code: string): boolean {
  const lines = code.split('\n').filter((l) => l.trim() !== '');
  return lines.length > 0 && lines.every((l) => /^\s*(?:[-*+]|\d{1,9}[.)])\s+.*\]\(https?:\/\//.test(l));
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
