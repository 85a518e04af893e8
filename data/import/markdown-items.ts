import type { Token } from 'markdown-it';
import { entryUrl, whyNotAPage } from './entry-url';
import { webUrlOrNull, type ImportedItem, type ImportedResource, type Skipped } from './imported';

/** A block of the document: markdown-it's flat token stream, nested again (list → item → paragraph). */
export interface Block {
  type: string;
  tag: string;
  line: number;
  inline: Token[] | null;
  source: string;
  children: Block[];
}

/** A run of inline content: plain text, or a link with its text. */
export type Inline = { href: null; text: string } | { href: string; text: string };

type Link = Extract<Inline, { href: string }>;

export function isList(block: Block): boolean {
  return block.type === 'bullet_list' || block.type === 'ordered_list';
}

/**
 * The items of a list as resources. An item is an entry when it starts with a link (or is a task);
 * an item of plain text holding a list of its own (`- Agent Skills` above its libraries) is a label:
 * what it holds is read as items of the same group. An entry whose link is not a page (an in-page
 * anchor of a table of contents, a relative link) is left out with the reason, what it holds too.
 */
export function readItems(items: readonly Block[], group: string | null, offset: number, skipped: Skipped[], out: ImportedResource[]): void {
  // An explicit stack, in document order: how deep a file nests its lists decides nothing here.
  const stack: Block[] = [...items].reverse();
  while (stack.length > 0) {
    const item = stack.pop()!;
    const nested = item.children.filter(isList).flatMap((l) => l.children);
    const resource = toResource(item, nested, group, offset, skipped);
    if (resource === 'label') for (let i = nested.length - 1; i >= 0; i--) stack.push(nested[i]!);
    else if (resource) out.push(resource);
  }
}

function toResource(item: Block, nested: Block[], group: string | null, offset: number, skipped: Skipped[]): ImportedResource | 'label' | null {
  const line = item.line + offset;
  const { checked, inline } = itemText(item);
  const first = inline.find((c): c is Link => c.href !== null);
  const text = plain(inline).replace(/\s+/g, ' ').trim();
  const before = first ? plain(inline.slice(0, inline.indexOf(first))).trim() : text;
  if (checked === null && nested.length > 0 && before !== '') return 'label';
  // An item that is only a heading (`- ### Arrays`) or empty, over a list of its own: a label; what it holds is read.
  if (!first && !text) return nested.length > 0 ? 'label' : null;
  if (!first && checked === null) {
    skipped.push({ line, text: text.slice(0, 120), reason: 'no link in this bullet' });
    return null;
  }
  const talk = first ? talkOf(before, first, inline) : null;
  if (talk) return { ...talk, group, done: checked === true, links: talk.links.map((l) => linkOf(l, line, skipped)), parts: [], line };
  const title = first ? first.text.trim() || first.href : text;
  const url = first ? entryUrl(first.href, title, line, skipped) : null;
  if (first && url === null) return nested.length > 0 ? 'label' : null;
  const rest = first ? inline.slice(inline.indexOf(first) + 1) : [];
  const { extra, after } = extraLinks(rest);
  const description = plain(after).replace(/\s+/g, ' ').trim().replace(/^[.:–—-]+\s*/, '');
  return {
    title,
    url,
    author: bylineOf(description),
    description,
    group,
    done: checked === true,
    links: [...extra, ...after.filter((c): c is Link => c.href !== null)].map((l) => linkOf(l, line, skipped)),
    parts: partsUnder(nested, offset, skipped),
    line,
  };
}

const linkOf = (l: Link, line: number, skipped: Skipped[]): ImportedItem => ({ title: l.text.trim() || l.href, url: webUrlOrNull(l.href, line, skipped) });

/**
 * A talk written `_Title_ by [Speaker](profile)` then `<sup>[[video](…) | [slides](…)]</sup>`: the item
 * is the talk, its first further link its address (video before slides, as written), the speaker its author.
 */
function talkOf(before: string, first: Link, inline: Inline[]): { title: string; url: string | null; author: string; description: string; links: Link[] } | null {
  const title = /^(.+?)\s+by$/i.exec(before)?.[1]?.trim();
  if (!title) return null;
  const { extra, after } = extraLinks(inline.slice(inline.indexOf(first) + 1));
  const page = extra.find((l) => whyNotAPage(l.href) === null);
  if (!page) return null;
  const description = plain(after).replace(/\s+/g, ' ').trim();
  return { title, url: page.href.trim(), author: first.text.trim(), description, links: [first, ...extra.filter((l) => l !== page)] };
}

/** Separators between a title link and the links after it: `| [slides](…)`, `<sup>[[video](…) | …]</sup>`. */
const SEPARATORS = /^[\s|,/·[\]()]*$/;

/** The links right after the title link, separated only by `|`, brackets or commas: the item's further links. */
function extraLinks(rest: Inline[]): { extra: Link[]; after: Inline[] } {
  const extra: Link[] = [];
  let i = 0;
  for (; i < rest.length; i++) {
    const run = rest[i]!;
    if (run.href !== null) extra.push(run);
    else if (!SEPARATORS.test(run.text)) break;
  }
  const after = rest.slice(i);
  const head = after[0];
  // What is left of the brackets and bars before the description (`] - text`, `| PyCon`).
  if (head && head.href === null) after[0] = { href: null, text: extra.length > 0 ? head.text.replace(/^[\s|,/·[\]()]+/, '') : head.text };
  return { extra, after };
}

/**
 * An author only from a clear byline at the start of the description, `by Author` or `book by
 * Author`: the capitalised words after it (joined by “and”, “&” or commas). “Inspired by Flask” is no byline.
 */
function bylineOf(description: string): string | null {
  const rest = /^(?:(?:an?|the)\s+)?(?:(?:book|talk|course|video|article|series|post|paper|tutorial|slides)\s+)?by\s+(.*)$/i.exec(description)?.[1];
  if (!rest) return null;
  const words: string[] = [];
  for (const word of rest.split(/\s+/)) {
    if (!/^(?:[@\p{Lu}]|and$|&$|de$|van$|von$|der$|da$)/u.test(word)) break;
    words.push(word);
    if (/[.;:)]$/.test(word)) break;
  }
  while (words.length > 0 && /^(and|&|de|van|von|der|da)$/.test(words[words.length - 1]!)) words.pop();
  return words.join(' ').replace(/[.,;:)]+$/, '') || null;
}

/**
 * The parts of a resource: the items nested under it, and the items nested under those (a resource has
 * one level of parts, so deeper ones follow their parent in order rather than being lost). An explicit
 * stack: how deep the file nests decides nothing.
 */
function partsUnder(nested: readonly Block[], offset: number, skipped: Skipped[]): Array<ImportedItem & { done: boolean }> {
  const parts: Array<ImportedItem & { done: boolean }> = [];
  const stack = [...nested].reverse();
  while (stack.length > 0) {
    const item = stack.pop()!;
    parts.push(...partOf(item, offset, skipped));
    const deeper = item.children.filter(isList).flatMap((l) => l.children);
    for (let i = deeper.length - 1; i >= 0; i--) stack.push(deeper[i]!);
  }
  return parts;
}

function partOf(part: Block, offset: number, skipped: Skipped[]): Array<ImportedItem & { done: boolean }> {
  const partLine = part.line + offset;
  const { checked, inline } = itemText(part);
  const link = inline.find((c) => c.href !== null);
  const title = (link ? link.text : plain(inline)).trim();
  if (!title) return [];
  return [{ title, url: link ? webUrlOrNull(link.href, partLine, skipped) : null, done: checked === true }];
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
export function inlines(tokens: readonly Token[]): Inline[] {
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

export function plain(runs: readonly Inline[]): string {
  return runs.map((r) => r.text).join('');
}
