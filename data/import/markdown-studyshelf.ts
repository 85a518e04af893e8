import { readLink, readStatusText, readTagsLine, unescapedIndex, unescapeText, type StatusFacts } from '../export/markdown-text';
import { dateFromFile } from './dates';
import { entryUrl } from './entry-url';
import { webUrlOrNull, type ImportedItem, type ImportedPart, type ImportedResource, type Skipped } from './imported';
import { isList, readItems, type Block } from './markdown-items';

/**
 * The items of a file Studyshelf exported (export/markdown.ts), read exactly as they were written: the
 * title, `by` the author, `—` the description; nested `status:`, `tags:` and `Where I stopped:` lines, parts
 * (tasks), further links (plain bullets) and the quoted note. An item not in that form (added by hand)
 * is read as any Markdown list's.
 */
export function readStudyshelfItems(items: readonly Block[], group: string | null, offset: number, lines: readonly string[], skipped: Skipped[], out: ImportedResource[]): void {
  for (const item of items) {
    const resource = studyshelfItem(item, group, offset, lines, skipped);
    if (resource === undefined) readItems([item], group, offset, skipped, out);
    else if (resource) out.push(resource);
  }
}

const sourceOf = (item: Block) => item.children.find((c) => c.type === 'paragraph')?.children[0]?.source ?? '';

/** The resource, null when its link is not a page (left out, with the reason), undefined when not in Studyshelf's form. */
function studyshelfItem(item: Block, group: string | null, offset: number, lines: readonly string[], skipped: Skipped[]): ImportedResource | null | undefined {
  const line = item.line + offset;
  const head = readHead(sourceOf(item));
  if (!head) return undefined;
  const url = head.url === null ? null : entryUrl(head.url, head.title, line, skipped);
  if (head.url !== null && url === null) return null;
  const resource: ImportedResource = { title: head.title, url, author: head.author, description: head.description, group, done: head.done, parts: [], links: [], line };
  for (const nested of item.children.filter(isList).flatMap((l) => l.children)) {
    if (!readNested(sourceOf(nested), nested.line + offset, resource, skipped)) return undefined;
  }
  const quote = item.children.find((c) => c.type === 'blockquote');
  if (quote) resource.note = noteOf(lines, quote.line - 1);
  return resource;
}

const BOX = /^\[([ x])\] /;

/** `[x] [Title](url) by Author — description`, or `[ ] **Title** …` for a resource with no link. */
function readHead(raw: string): { done: boolean; title: string; url: string | null; author: string | null; description: string } | null {
  const box = BOX.exec(raw);
  if (!box || raw.includes('\n')) return null;
  let rest = raw.slice(box[0].length);
  let title: string;
  let url: string | null = null;
  const found = readLink(rest);
  if (found) ({ title, url, rest } = found);
  else {
    if (!rest.startsWith('**')) return null;
    const end = unescapedIndex(rest, '**', 2);
    if (end < 0) return null;
    title = unescapeText(rest.slice(2, end));
    rest = rest.slice(end + 2);
  }
  let author: string | null = null;
  if (rest.startsWith(' by ')) {
    const end = unescapedIndex(rest, ' — ', 4);
    author = unescapeText(rest.slice(4, end < 0 ? undefined : end));
    rest = end < 0 ? '' : rest.slice(end);
  }
  if (rest !== '' && !rest.startsWith(' — ')) return null;
  return { done: box[1] === 'x', title, url, author, description: unescapeText(rest.slice(3)) };
}

/** One nested bullet: the status line, where I stopped, a part, or a further link. False when none of them. */
function readNested(raw: string, line: number, resource: ImportedResource, skipped: Skipped[]): boolean {
  if (raw.startsWith('status: ')) {
    const facts = readStatusText(raw.slice(8));
    if (!facts) return false;
    Object.assign(resource, datesOf(facts, line, skipped));
    resource.addedAt = facts.added && dateFromFile(facts.added, 'added', line, skipped);
    return true;
  }
  if (raw.startsWith('tags: ')) {
    const tags = readTagsLine(raw.slice(6));
    if (!tags) return false;
    resource.tags = tags;
    return true;
  }
  if (raw.startsWith('Where I stopped: ')) {
    resource.whereStopped = unescapeText(raw.slice(17));
    return true;
  }
  const box = BOX.exec(raw);
  const item = readItem(box ? raw.slice(box[0].length) : raw, box ? ' · ' : null, line, skipped);
  if (!item) return false;
  if (!box) {
    if (item.rest) return false;
    resource.links.push({ title: item.title, url: item.url });
  }
  else {
    const facts = item.rest ? readStatusText(item.rest.slice(3)) : null;
    if (item.rest && !facts) return false;
    resource.parts.push({ title: item.title, url: item.url, done: box[1] === 'x', ...(facts ? datesOf(facts, line, skipped) : {}) });
  }
  return true;
}

/** A link, or text up to `end` (a bare title): the item and what follows it. */
function readItem(raw: string, end: string | null, line: number, skipped: Skipped[]): (ImportedItem & { rest: string }) | null {
  const found = readLink(raw);
  if (found) return { title: found.title, url: webUrlOrNull(found.url, line, skipped), rest: found.rest };
  const at = end === null ? -1 : unescapedIndex(raw, end);
  const title = unescapeText(at < 0 ? raw : raw.slice(0, at));
  return title ? { title, url: null, rest: at < 0 ? '' : raw.slice(at) } : null;
}

function datesOf(facts: StatusFacts, line: number, skipped: Skipped[]): Pick<ImportedPart, 'status' | 'startedAt' | 'doneAt'> {
  return {
    status: facts.status,
    startedAt: facts.started && dateFromFile(facts.started, 'started', line, skipped),
    doneAt: facts.finished && dateFromFile(facts.finished, 'finished', line, skipped),
  };
}

/** The quoted note as written: every line from `first` that starts with `  >`, without it. */
function noteOf(lines: readonly string[], first: number): string {
  const body: string[] = [];
  for (let i = first; i < lines.length && lines[i]!.startsWith('  >'); i++) body.push(lines[i] === '  >' ? '' : lines[i]!.slice(lines[i]!.startsWith('  > ') ? 4 : 3));
  return body.join('\n');
}
