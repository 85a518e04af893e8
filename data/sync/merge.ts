import { LinkItemSchema, PartSchema, ResourceSchema, StudyListSchema } from '../model/schema';
import type { Activity, LinkItem, Note, Part, ProgressEntry, Resource, StudyDocument, StudyList } from '../model/schema';
import { mergeTags, setTags } from '../model/tags';
import { canonical, own, same } from './equality';
import { mergeById, titleOf, type Context } from './merge-by-id';
import type { MergeNotice, MergeResult, Side } from '../model/merge-types';
import { mergeNoteText } from '../model/text-merge';
import { mergeStudy } from './study-merge';

export type { DeviceInfo, MergeNotice, MergeResult, Side } from '../model/merge-types';
export { canonical, sameDocument } from './equality';
export { CONFLICT_END, CONFLICT_MIDDLE, CONFLICT_START, hasConflictMarkers } from '../model/markers';

/**
 * The fields of an item that merge as values (`mergeFields`): every field its schema has, but its id and
 * those merged on their own (nested items by id, tags as a set). Read from the schema, so a field added
 * there is merged without a second list to keep in step; a field left out of such a list used to keep
 * one computer's value whatever the other did.
 */
function valueFields<T>(schema: { shape: Record<string, unknown> }, mergedOnTheirOwn: readonly (keyof T & string)[]): (keyof T)[] {
  return Object.keys(schema.shape).filter((field) => field !== 'id' && !(mergedOnTheirOwn as readonly string[]).includes(field)) as (keyof T)[];
}

export const MERGED_AS_VALUES = {
  list: valueFields<StudyList>(StudyListSchema, ['resources']),
  resource: valueFields<Resource>(ResourceSchema, ['links', 'parts', 'tags']),
  link: valueFields<LinkItem>(LinkItemSchema, []),
  part: valueFields<Part>(PartSchema, []),
};

/**
 * Merges two computers' versions of the data against the last version they had in common (`base`,
 * null when there is none). Nothing either side did is lost:
 * - progress entries: the later `updatedAt` wins;
 * - lists, resources, parts and nested links: merged by id — added on either side is kept; deleted on
 *   one side is deleted unless the other side changed it meanwhile (then kept, with a notice);
 * - tags: as a set — a tag added on either side is kept, one removed on either side is removed
 *   (no "changed on both" for tags: each tag is added or removed on its own);
 * - fields without timestamps (a title, a link): the side that changed it wins; both changed → the
 *   computer first by id wins, with a notice naming both values;
 * - notes: a three-way line merge; lines both sides changed are kept side by side between conflict
 *   markers for the user to resolve;
 * - the activity log: the union.
 * The result does not depend on which side is "ours": both computers compute the same document.
 */
export function mergeDocuments(base: StudyDocument | null, one: Side, other: Side): MergeResult {
  const [first, second] = one.device.id <= other.device.id ? [one, other] : [other, one];
  if (base === null) {
    // A computer that joins with nothing of its own (fresh bundled lists) takes the data as it is.
    if (isPristine(second.doc)) return { doc: canonical(first.doc), notices: [] };
    if (isPristine(first.doc)) return { doc: canonical(second.doc), notices: [] };
  }
  const notices: MergeNotice[] = [];
  const context: Context = { base, first, second, notices };
  const lists = mergeById(context, base?.lists ?? null, first.doc.lists, second.doc.lists, '', (b, f, s, ref) => ({
    ...mergeFields(context, b, f, s, ref, MERGED_AS_VALUES.list),
    resources: mergeById(context, b?.resources ?? null, f.resources, s.resources, `${ref}/`, (br, fr, sr, rref) => ({
      ...withMergedTags(mergeFields(context, br, fr, sr, rref, MERGED_AS_VALUES.resource), br, fr, sr),
      links: mergeById(context, br?.links ?? null, fr.links, sr.links, `${rref}/`, (bl, fl, sl, lref) =>
        mergeFields(context, bl, fl, sl, lref, MERGED_AS_VALUES.link),
      ),
      parts: mergeById(context, br?.parts ?? null, fr.parts, sr.parts, `${rref}/`, (bp, fp, sp, pref) =>
        mergeFields(context, bp, fp, sp, pref, MERGED_AS_VALUES.part),
      ),
    })),
  }));
  const doc: StudyDocument = {
    schemaVersion: first.doc.schemaVersion,
    lists,
    progress: mergeRecords(base?.progress ?? null, first.doc.progress, second.doc.progress, (_b, f, s) => laterProgress(f, s)),
    notes: mergeRecords(base?.notes ?? null, first.doc.notes, second.doc.notes, (b, f, s, key) => mergeNote(context, b, f, s, key)),
    activity: mergeActivity(base?.activity ?? null, first.doc.activity, second.doc.activity),
  };
  const study = mergeStudy(base?.study, first.doc.study, second.doc.study);
  if (study) doc.study = study;
  return { doc: canonical(doc), notices };
}

/**
 * The version to merge against when this computer merges another's: the version of *this* computer's
 * data that the other one last merged (it publishes it), because the other's data contains it and
 * ours grew from it — a true common ancestor. Failing that, the other's data as we last merged it.
 */
export function mergeBase(ourSeenOfTheirs: StudyDocument | null, theirSeenOfOurs: StudyDocument | null): StudyDocument | null {
  return theirSeenOfOurs ?? ourSeenOfTheirs;
}

function mergeFields<T extends object>(context: Context, base: T | null, first: T, second: T, ref: string, fields: readonly (keyof T)[]): T {
  const merged = { ...first };
  for (const field of fields) {
    const f = first[field];
    const s = second[field];
    if (same(f, s)) continue;
    const b = base ? base[field] : undefined;
    if (base && same(f, b)) {
      merged[field] = s;
    } else if (base && same(s, b)) {
      merged[field] = f;
    } else if (field === 'formerUrls') {
      merged[field] = unionFormerUrls(f, s) as T[keyof T];
    } else if (field === 'follow') {
      // Both computers checked (or one followed while the other checked): the later check's version wins, no notice.
      merged[field] = laterFollow(f as StudyList['follow'], s as StudyList['follow']) as T[keyof T];
    } else if (field === 'customized') {
      merged[field] = (Boolean(f) || Boolean(s)) as T[keyof T];
    } else {
      context.notices.push({
        kind: 'both-changed',
        ref,
        message: `${String(field)} of “${titleOf(first)}” was changed on both computers: kept ${context.first.device.name}'s ${show(f)}; ${context.second.device.name} had ${show(s)}.`,
      });
    }
  }
  return merged;
}

/** Of two versions of a followed list's source, the one checked later (a followed one over none). */
function laterFollow(first: StudyList['follow'], second: StudyList['follow']): StudyList['follow'] {
  if (!first || !second) return first ?? second;
  return (second.lastChecked ?? '') > (first.lastChecked ?? '') ? second : first;
}

/** The resource with its tags merged as a set (tags.ts); the field left out when none remain. */
function withMergedTags(merged: Resource, base: Resource | null, first: Resource, second: Resource): Resource {
  const tags = mergeTags(base === null ? null : (base.tags ?? []), first.tags, second.tags);
  const out = { ...merged };
  setTags(out, tags);
  return out;
}

function mergeRecords<T>(
  base: Record<string, T> | null,
  first: Record<string, T>,
  second: Record<string, T>,
  mergeOne: (base: T | undefined, first: T, second: T, key: string) => T,
): Record<string, T> {
  // Keys come from another computer's file: "constructor" or "__proto__" are data here, never looked up
  // on Object.prototype, and the result is built with fromEntries (own properties, whatever the key).
  const out: [string, T][] = [];
  for (const key of new Set([...Object.keys(first), ...Object.keys(second)])) {
    const f = own(first, key);
    const s = own(second, key);
    const b = base ? own(base, key) : undefined;
    if (f !== undefined && s !== undefined) out.push([key, mergeOne(b, f, s, key)]);
    // On one side only: added there, or removed on the other side — kept unless it is unchanged since.
    else if (f !== undefined) {
      if (b === undefined || !same(f, b)) out.push([key, f]);
    } else if (s !== undefined) {
      if (b === undefined || !same(s, b)) out.push([key, s]);
    }
  }
  return Object.fromEntries(out);
}

function laterProgress(first: ProgressEntry, second: ProgressEntry): ProgressEntry {
  if (same(first, second)) return first;
  if (second.updatedAt > first.updatedAt) return second;
  return first;
}

function mergeNote(context: Context, base: Note | undefined, first: Note, second: Note, key: string): Note {
  const later = second.updatedAt > first.updatedAt ? second : first;
  const updatedAt = later.updatedAt;
  const whereStopped = base && first.whereStopped === base.whereStopped ? second.whereStopped : base && second.whereStopped === base.whereStopped ? first.whereStopped : later.whereStopped;
  const body = mergeText(context, base?.body ?? null, first.body, second.body, key);
  return { body, whereStopped, updatedAt };
}

/** A three-way line merge; where both sides changed the same lines, both versions are kept, marked. */
function mergeText(context: Context, base: string | null, first: string, second: string, key: string): string {
  const { text, conflicts } = mergeNoteText(base, first, second, { first: context.first.device.name, second: context.second.device.name });
  if (conflicts > 0) {
    context.notices.push({
      kind: 'note-conflict',
      ref: key,
      message: `A note was changed on ${context.first.device.name} and ${context.second.device.name} in the same place: both versions are in the note, between conflict markers.`,
    });
  }
  return text;
}

/**
 * The activity log: what either computer logged is kept, except an entry both had (it is in the base)
 * that one of them has since taken out — the undo of a tick (progress-ops.takeBackStatus) — so an undone
 * tick is not brought back by the other computer. Without a base, nothing can be told undone: the union.
 */
function mergeActivity(base: Activity[] | null, first: Activity[], second: Activity[]): Activity[] {
  const key = (entry: Activity) => `${entry.at}|${entry.ref}|${entry.action}`;
  const inBase = new Set(base?.map(key));
  const inFirst = new Set(first.map(key));
  const inSecond = new Set(second.map(key));
  const byKey = new Map<string, Activity>();
  for (const entry of [...first, ...second]) {
    const k = key(entry);
    if (inBase.has(k) && !(inFirst.has(k) && inSecond.has(k))) continue; // undone on one side since
    byKey.set(k, entry);
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, entry]) => entry);
}

function unionFormerUrls(a: unknown, b: unknown): unknown {
  const all = [...((a as { url: string; until: string }[] | undefined) ?? []), ...((b as { url: string; until: string }[] | undefined) ?? [])];
  const byKey = new Map(all.map((f) => [`${f.until}|${f.url}`, f]));
  return [...byKey.entries()].sort(([x], [y]) => (x < y ? -1 : 1)).map(([, f]) => f);
}

/** No progress, notes, activity or edited list: a computer that has only the bundled lists. */
/**
 * Nothing of the user's own: only lists the app ships, untouched, and no progress, notes or study. A list
 * made or imported here is not shipped (no `bundledVersion`) — taking the other computer's data "as it
 * is" over it lost the list on both computers.
 */
function isPristine(doc: StudyDocument): boolean {
  const shippedOnly = doc.lists.every((l) => l.bundledVersion !== null && !l.customized);
  return shippedOnly && Object.keys(doc.progress).length === 0 && Object.keys(doc.notes).length === 0 && doc.activity.length === 0 && !doc.study;
}

function show(value: unknown): string {
  return typeof value === 'string' ? `“${value}”` : JSON.stringify(value);
}
