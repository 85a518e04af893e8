import type { ProgressEntry, Status } from '../model/schema';

/**
 * The first line after a list's `# Title` in Studyshelf's Markdown: hidden by Markdown viewers, it tells
 * the importer to read the file's items exactly as they were written (markdown-studyshelf.ts).
 */
export const MARKER = '<!-- Exported from Studyshelf: import this file to get the list back with its progress and notes. -->';
export const MARKER_START = '<!-- Exported from Studyshelf';

/** Text on one line: a line break and the spaces around it become one space. */
export const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ').trim();

/** Any ASCII punctuation Markdown could read as markup (emphasis, entities, links) is backslash-escaped. */
export function escapeText(text: string): string {
  return oneLine(text).replace(/[\\`*_{}[\]()#+!|<>&~]/g, '\\$&');
}

/**
 * Text a separator ends (an author before ` — `, a part's title before ` · `): those two as entities and
 * `:` escaped too, so no text of the user's is ever read as a separator or a `status:` line.
 */
export function escapeBare(text: string): string {
  return atLineStart(escapeText(text).replace(/—/g, '&mdash;').replace(/·/g, '&middot;').replace(/:/g, '\\:'));
}

/** Escaped text that never starts a bullet, a numbered item or a rule where it begins a line. */
export function atLineStart(escaped: string): string {
  return escaped.replace(/^([-=])|^(\d+)\./, (_all, mark: string | undefined, digits: string) => (mark ? `\\${mark}` : `${digits}\\.`));
}

/** Undoes escapeText and escapeBare, exactly: left to right, so `\&mdash;` is the text “&mdash;”. */
export function unescapeText(raw: string): string {
  return raw.replace(/\\([!-/:-@[-`{-~])|&(mdash|middot);/g, (_all, char: string | undefined, entity: string | undefined) => char ?? (entity === 'mdash' ? '—' : '·'));
}

/** A link destination Markdown gives back as written: backslash escapes, in `<…>` when it holds spaces. */
export function destination(url: string): string {
  return /[\s<>]/.test(url) ? `<${url.replace(/[\\&<>]/g, '\\$&')}>` : url.replace(/[\\&()]/g, '\\$&');
}

export function link(title: string, url: string | null, bare: (text: string) => string = escapeBare): string {
  return url ? `[${escapeText(title)}](${destination(url)})` : bare(title);
}

const LABELS: Record<Status, string> = { todo: 'to do', 'in-progress': 'in progress', done: 'done', skipped: 'skipped' };

/** A status in words, as both exports write it; the importers read these and the schema's own words. */
export const statusLabel = (status: Status) => LABELS[status];
export function statusOfLabel(text: string): Status | null {
  const word = text.trim().toLowerCase();
  const found = (Object.keys(LABELS) as Status[]).find((s) => s === word || LABELS[s] === word);
  return found ?? null;
}

/** `done · started … · finished …`: a status and its dates, or '' for a plain “to do”. */
export function statusText(entry: Pick<ProgressEntry, 'status' | 'startedAt' | 'doneAt'> | undefined, addedAt: string | null = null): string {
  const status = entry?.status ?? 'todo';
  const facts = [entry?.startedAt && `started ${entry.startedAt}`, entry?.doneAt && `finished ${entry.doneAt}`, addedAt && `added ${addedAt}`].filter(Boolean);
  return status === 'todo' && facts.length === 0 ? '' : [statusLabel(status), ...facts].join(' · ');
}

export interface StatusFacts {
  status: Status;
  started: string | null;
  finished: string | null;
  added: string | null;
}

export function readStatusText(raw: string): StatusFacts | null {
  const m = /^(to do|in progress|done|skipped)(?: · started (\S+))?(?: · finished (\S+))?(?: · added (\S+))?$/.exec(raw);
  if (!m) return null;
  return { status: statusOfLabel(m[1]!)!, started: m[2] ?? null, finished: m[3] ?? null, added: m[4] ?? null };
}

/** Where `token` first occurs in raw Markdown outside a backslash escape, from `from`; -1 if nowhere. */
export function unescapedIndex(raw: string, token: string, from = 0): number {
  for (let i = from; i < raw.length; i++) {
    if (raw[i] === '\\') i++;
    else if (raw.startsWith(token, i)) return i;
  }
  return -1;
}

/** `[text](destination)` at the start of raw Markdown as written by `link`: its text, url and what follows. */
export function readLink(raw: string): { title: string; url: string; rest: string } | null {
  if (raw[0] !== '[') return null;
  const close = unescapedIndex(raw, ']', 1);
  if (close < 0 || raw[close + 1] !== '(') return null;
  const start = close + 2;
  const angled = raw[start] === '<';
  const end = unescapedIndex(raw, angled ? '>)' : ')', start);
  if (end < 0) return null;
  const url = raw.slice(angled ? start + 1 : start, end);
  if (!angled && /\s/.test(url)) return null;
  return { title: unescapeText(raw.slice(1, close)), url: unescapeText(url), rest: raw.slice(end + (angled ? 2 : 1)) };
}

/**
 * `tags: #python, #machine learning`: each tag after a `#`, escaped, separated by commas (a tag never
 * holds one, see data/model/tags.ts), so a tag of several words reads as one and comes back as it was.
 */
export function tagsLine(tags: readonly string[]): string {
  return `tags: ${tags.map((tag) => `#${escapeText(tag)}`).join(', ')}`;
}

/** The tags of a line tagsLine wrote (from after `tags: `); null when it is not in that form. */
export function readTagsLine(raw: string): string[] | null {
  const tags = raw.split(', ').map((piece) => (piece.startsWith('#') && piece.length > 1 ? unescapeText(piece.slice(1)) : null));
  return tags.every((tag): tag is string => tag !== null) ? tags : null;
}
