import { StudyError } from '../model/errors';
import type { ListDiff } from './update';
import { MAX_URL } from './entry-url';
import { isSafeExternalUrl } from '../model/web-url';
import type { Status } from '../model/schema';

/** What an importer found, before it becomes a list: shown to the user as a preview first. */
export interface ImportedItem {
  title: string;
  url: string | null;
}

/**
 * A status as Studyshelf's own exports write it, with its dates: to-list keeps them as they are, and logs
 * no activity for them (what the file says was studied was not studied today). Without `status`, `done`
 * alone says what to mark done.
 */
export interface ImportedState {
  status?: Status;
  startedAt?: string | null;
  doneAt?: string | null;
}

export type ImportedPart = ImportedItem & ImportedState & { done: boolean };

export interface ImportedResource extends ImportedItem, ImportedState {
  author: string | null;
  description: string;
  /** The section (## heading) it was under, if any. */
  group: string | null;
  done: boolean;
  addedAt?: string | null;
  /** What kind of resource it is (a book, a video), where the file says; otherwise a link. */
  kind?: string;
  /** The note and where I stopped, from Studyshelf's own exports. */
  note?: string;
  whereStopped?: string;
  parts: ImportedPart[];
  /**
   * The file's own tags (a bookmark's TAGS, Pocket's, Raindrop's, OPML categories, a CSV `tags`
   * column): kept on the resource, cleaned by data/model/tags.ts (importedTags).
   */
  tags?: string[];
  /** Further links the item's text mentions (e.g. the C-API reference under the docs). */
  links: ImportedItem[];
  line: number;
}

/**
 * Something of the file not imported, with why. An entry (a bullet, a bookmark, a row, a feed) left
 * out has no `note`; a detail of an entry that was added (a date, a further link, the encoding) has
 * `note: true`. So resources + the skipped without a note = the entries the file holds.
 */
export interface Skipped {
  line: number | null;
  text: string;
  reason: string;
  note?: true;
}

export interface ImportPreview {
  title: string;
  format: 'markdown' | 'html' | 'bookmarks' | 'pocket' | 'opml' | 'csv';
  resources: ImportedResource[];
  skipped: Skipped[];
  /** Set when a list of the same title is already there: what updating it would change. */
  update?: ListDiff;
}

/** An import refused as a whole: the message names the problem (and the line, where there is one). */
export class ImportError extends StudyError {
  constructor(message: string) {
    super('invalid-argument', message);
    this.name = 'ImportError';
  }
}

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** Refuses what is not a text file of a reasonable size, or a JSON file nested absurdly deep, before any parser sees it. */
export function checkText(fileName: string, content: string): void {
  if (content.length > MAX_IMPORT_BYTES) {
    throw new ImportError(`“${fileName}” is ${Math.round(content.length / 1024 / 1024)} MB; Studyshelf imports files up to 20 MB.`);
  }
  if (content.trim() === '') throw new ImportError(`“${fileName}” is empty.`);
  if (content.includes('\0')) throw new ImportError(`“${fileName}” is not a text file (it contains binary data).`);
  // A backup is read by JSON.parse and then copied and checked by code that recurses into what it holds.
  if (/\.json$/i.test(fileName) && jsonNesting(content) > MAX_NESTING) throw nestedTooDeeply(fileName);
}

/** Deeper than this, a file is not a list anyone keeps (nor a backup): refused before its depth costs anything. */
export const MAX_NESTING = 1000;

export function nestedTooDeeply(fileName: string): ImportError {
  return new ImportError(`“${fileName}” is nested too deeply (more than ${MAX_NESTING.toLocaleString('en')} levels, one inside the other): Studyshelf does not read it.`);
}

/** How deep JSON text nests its arrays and objects (brackets inside strings do not count); one pass. */
export function jsonNesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/**
 * A further link or a part's link is kept only when it is http(s); otherwise it keeps its title, loses
 * the link, and a note says so (the entry itself was added).
 */
export function webUrlOrNull(url: string | null | undefined, line: number | null, skipped: Skipped[]): string | null {
  if (!url) return null;
  const text = url;
  if (url.length > MAX_URL) {
    skipped.push({ line, text: text.slice(0, 120), reason: `an address longer than ${MAX_URL.toLocaleString('en')} characters: not kept as a link`, note: true });
    return null;
  }
  if (isSafeExternalUrl(url)) return url;
  skipped.push({ line, text: text.slice(0, 120), reason: 'not a web address (http or https): kept as text, not as a link', note: true });
  return null;
}

/** The limits of the document (data/model/schema.ts): what an import hands on always fits them. */
const MAX = { title: 1000, author: 500, description: 10_000, group: 200, kind: 100, whereStopped: 500 } as const;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const titleOf = (item: ImportedItem) => clip(item.title.trim() || item.url || 'Untitled', MAX.title);

/**
 * What an import hands on: the preview with every text within the document's limits, every title
 * non-empty, and a first note when the file was not UTF-8. Bytes that are not UTF-8 reach here as
 * U+FFFD (Buffer's and the browser's File decoding both replace them): they are counted, and the first
 * line with one is shown, so the user knows to save the file as UTF-8 rather than keep “�” in titles.
 */
export function finishPreview(preview: ImportPreview, content: string): ImportPreview {
  const fitted = fitToDocument(preview);
  const note = encodingNote(content);
  return note ? { ...fitted, skipped: [note, ...fitted.skipped] } : fitted;
}

function encodingNote(content: string): Skipped | null {
  const first = content.indexOf('\uFFFD');
  if (first < 0) return null;
  let count = 0;
  for (let i = first; i >= 0; i = content.indexOf('\uFFFD', i + 1)) count++;
  const start = content.lastIndexOf('\n', first) + 1;
  const end = content.indexOf('\n', first);
  const line = content.slice(0, start).split('\n').length;
  return {
    line,
    text: content.slice(start, end < 0 ? undefined : end).trim().slice(0, 120),
    reason: `${count.toLocaleString('en')} character${count === 1 ? ' is' : 's are'} not UTF-8 and show as “\uFFFD” (from this line on): save the file as UTF-8 and import it again to keep them.`,
    note: true,
  };
}

function fitToDocument(preview: ImportPreview): ImportPreview {
  const resources = preview.resources.map((r) => ({
    ...r,
    title: titleOf(r),
    author: r.author === null ? null : clip(r.author, MAX.author),
    description: clip(r.description, MAX.description),
    group: r.group === null ? null : clip(r.group, MAX.group),
    ...(r.kind === undefined ? {} : { kind: clip(r.kind, MAX.kind) }),
    ...(r.whereStopped === undefined ? {} : { whereStopped: clip(r.whereStopped, MAX.whereStopped) }),
    parts: r.parts.map((p) => ({ ...p, title: titleOf(p) })),
    links: r.links.map((l) => ({ ...l, title: titleOf(l) })),
  }));
  return { ...preview, title: clip(preview.title, MAX.title), resources };
}
