import type { Note, StudyDocument } from '../model/schema';
import { own, same } from './equality';

type WithId = { id: string };

const sameNote = (a: Note | undefined, b: Note | undefined) => !!a && !!b && a.body === b.body && a.whereStopped === b.whereStopped;

/**
 * The base to merge against, item by item. Both `base` (our data as they last merged it) and `ourSeen`
 * (theirs as we last merged it) are versions both computers grew from; with a real sync engine either
 * can be the newer for an item — a computer may change something again (edit a note, remove the part it
 * just added) before the other's merge of its last change has come back. Where one side still holds an
 * item exactly as `ourSeen` has it, `ourSeen`'s version is the later shared one: the other side's change
 * to it (an edit, a removal) then applies as a change, not as a conflict or an addition. Lists,
 * resources, parts, nested links, progress entries and notes, each on its own; everything else keeps
 * `base`.
 */
export function sharedBase(base: StudyDocument | null, ourSeen: StudyDocument | null, current: StudyDocument, theirs: StudyDocument): StudyDocument | null {
  if (!base || !ourSeen || base === ourSeen) return base;
  const lists = items(base.lists, ourSeen.lists, current.lists, theirs.lists, same, (b, seen, c, t) => ({
    ...b,
    resources: items(b.resources, seen.resources, c.resources, t.resources, same, (br, sr, cr, tr) => ({
      ...br,
      parts: items(br.parts, sr.parts, cr.parts, tr.parts, same),
      links: items(br.links, sr.links, cr.links, tr.links, same),
    })),
  }));
  return {
    ...base,
    lists,
    progress: records(base.progress, ourSeen.progress, current.progress, theirs.progress, same),
    notes: records(base.notes, ourSeen.notes, current.notes, theirs.notes, sameNote),
  };
}

/**
 * `base`'s items, each replaced by `seen`'s where a side holds `seen`'s exactly (added where `base` had
 * none, after the item it follows in `seen`); otherwise, where all four have it, looked into by `inner`.
 */
function items<T extends WithId>(
  base: readonly T[],
  seen: readonly T[],
  current: readonly T[],
  theirs: readonly T[],
  equal: (a: T | undefined, b: T | undefined) => boolean,
  inner?: (base: T, seen: T, current: T, theirs: T) => T,
): T[] {
  const byId = (list: readonly T[]) => new Map(list.map((item) => [item.id, item]));
  const [currentById, theirsById, baseById] = [byId(current), byId(theirs), byId(base)];
  const replaced = new Map<string, T>();
  const added = new Map<string | null, T[]>();
  let previous: string | null = null;
  for (const item of seen) {
    const c = currentById.get(item.id);
    const t = theirsById.get(item.id);
    const b = baseById.get(item.id);
    if (equal(c, item) || equal(t, item)) {
      if (b) replaced.set(item.id, item);
      else added.set(previous, [...(added.get(previous) ?? []), item]);
    } else if (b && c && t && inner) {
      replaced.set(item.id, inner(b, item, c, t));
    }
    previous = item.id;
  }
  if (replaced.size === 0 && added.size === 0) return [...base];
  const out: T[] = [...(added.get(null) ?? [])];
  for (const item of base) {
    out.push(replaced.get(item.id) ?? item);
    out.push(...(added.get(item.id) ?? []));
  }
  // Items added after one `base` does not have: at the end, in `seen`'s order.
  const placed = new Set(out.map((item) => item.id));
  for (const group of added.values()) for (const item of group) if (!placed.has(item.id)) out.push(item);
  return out;
}

/** The same for records keyed by ref (progress, notes). */
function records<T>(
  base: Record<string, T>,
  seen: Record<string, T>,
  current: Record<string, T>,
  theirs: Record<string, T>,
  equal: (a: T | undefined, b: T | undefined) => boolean,
): Record<string, T> {
  let out: Record<string, T> | null = null;
  for (const [key, entry] of Object.entries(seen)) {
    if (equal(own(base, key), entry)) continue;
    if (!equal(own(current, key), entry) && !equal(own(theirs, key), entry)) continue;
    out ??= { ...base };
    Object.defineProperty(out, key, { value: entry, enumerable: true, writable: true, configurable: true });
  }
  return out ?? base;
}
