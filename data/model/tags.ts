import { StudyError } from './errors';

/**
 * A resource's tags: words a user (or a bookmarks file, Pocket, an OPML category) put on it. One rule
 * for every way they arrive — typed in the editor, imported, merged from another computer: on one line
 * (a run of spaces, tabs or line breaks is one space), trimmed,
 * none empty, one per spelling whatever the case (the first spelling kept), at most MAX_TAGS of at most
 * MAX_TAG_LENGTH characters, and no commas, because a comma is what separates tags wherever they are
 * written as text (the editor's field, the CSV cell, the Markdown line, a bookmark's TAGS).
 */
export const MAX_TAGS = 50;
export const MAX_TAG_LENGTH = 60;

/** Two tags are the same tag when this is equal ("Python" and "python"). */
export const tagKey = (tag: string): string => tag.toLowerCase();

/** On one line, trimmed, empties dropped, one per key in the order given (the first spelling wins). */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.replace(/\s+/g, ' ').trim();
    if (tag === '' || seen.has(tagKey(tag))) continue;
    seen.add(tagKey(tag));
    out.push(tag);
  }
  return out;
}

/** Why cleaned tags cannot be kept, in a sentence; null when they can. */
export function tagsProblem(tags: readonly string[]): string | null {
  const long = tags.find((t) => t.length > MAX_TAG_LENGTH);
  if (long !== undefined) return `A tag can be at most ${MAX_TAG_LENGTH} characters; “${long.slice(0, 30)}…” has ${long.length}.`;
  const comma = tags.find((t) => t.includes(','));
  if (comma !== undefined) return `A tag cannot contain a comma (“${comma}”): commas separate tags.`;
  if (tags.length > MAX_TAGS) return `A resource can have at most ${MAX_TAGS} tags; this one would have ${tags.length}.`;
  return null;
}

/** Tags a user sent, cleaned; refused with a clear message (and nothing changed) when they cannot be kept. */
export function normaliseTags(tags: readonly string[]): string[] {
  const clean = cleanTags(tags);
  const problem = tagsProblem(clean);
  if (problem) throw new StudyError('invalid-argument', `${problem} Nothing was changed.`);
  return clean;
}

/** Text with tags separated by commas (the editor's field) as tags, not yet cleaned. */
export const splitTags = (text: string): string[] => text.split(',');

/** The tags as one line of text, for the editor's field and the CSV cell. */
export const joinTags = (tags: readonly string[] | undefined): string => (tags ?? []).join(', ');

/**
 * Tags a file gave (Pocket's, a bookmark's, a category): what a person can keep of them, never a
 * refusal of the whole import — a tag holding commas is several tags, a long one is cut, and past
 * MAX_TAGS the rest are left out.
 */
export function importedTags(tags: readonly string[] | undefined): string[] {
  if (!tags) return [];
  return cleanTags(tags.flatMap(splitTags).map((t) => t.trim().slice(0, MAX_TAG_LENGTH))).slice(0, MAX_TAGS);
}

/** Sets an item's tags, leaving the field out when there are none (as documents without tags have it). */
export function setTags(item: { tags?: string[] }, tags: readonly string[]): void {
  if (tags.length > 0) item.tags = [...tags];
  else delete item.tags;
}

/**
 * Two computers' tags against the version they had in common, as a set: a tag added on either is kept;
 * a tag in the base that one side removed is removed. Where the two spell a tag differently, the side
 * that changed its spelling since the base wins, else `first`. The order is first's, then second's new
 * ones; past MAX_TAGS the last ones are left out (the document cannot hold more).
 */
export function mergeTags(base: readonly string[] | null | undefined, first: readonly string[] | undefined, second: readonly string[] | undefined): string[] {
  const baseSpelling = new Map((base ?? []).map((t) => [tagKey(t), t]));
  const firstByKey = new Map((first ?? []).map((t) => [tagKey(t), t]));
  const secondByKey = new Map((second ?? []).map((t) => [tagKey(t), t]));
  const out: string[] = [];
  const done = new Set<string>();
  for (const tag of [...(first ?? []), ...(second ?? [])]) {
    const key = tagKey(tag);
    if (done.has(key)) continue;
    done.add(key);
    const f = firstByKey.get(key);
    const s = secondByKey.get(key);
    const b = baseSpelling.get(key);
    if (b !== undefined && (f === undefined || s === undefined)) continue; // removed on one side
    out.push(f !== undefined && s !== undefined && f !== s && f === b ? s : (f ?? s!));
  }
  return out.slice(0, MAX_TAGS);
}
