import type { StudyDocument } from '../model/schema';
import { own, same } from './equality';
import type { MergeNotice, Side } from '../model/merge-types';

/** What one merge carries through its recursion: the base, both sides in their agreed order, and the notices so far. */
export interface Context {
  base: StudyDocument | null;
  first: Side;
  second: Side;
  notices: MergeNotice[];
}

type WithId = { id: string };

/**
 * Items of two versions of an array, by id, in an order both computers agree on: the order of the
 * side that reordered (the first computer's when both or neither did), with the other side's new
 * items placed after the item they follow there.
 */
export function mergeById<T extends WithId>(
  context: Context,
  base: readonly T[] | null,
  first: readonly T[],
  second: readonly T[],
  prefix: string,
  mergeItem: (base: T | null, first: T, second: T, ref: string) => T,
): T[] {
  const baseById = new Map(base?.map((item) => [item.id, item]));
  const firstById = new Map(first.map((item) => [item.id, item]));
  const secondById = new Map(second.map((item) => [item.id, item]));
  const kept = new Map<string, T>();
  const keepOne = (item: T, otherSide: Side, side: Side) => {
    const ref = `${prefix}${item.id}`;
    const before = baseById.get(item.id);
    if (!before) return kept.set(item.id, item); // added on this side
    if (!changed(context, before, item, ref, side)) return; // deleted on the other side, untouched here
    kept.set(item.id, item);
    context.notices.push({
      kind: 'kept-deleted',
      ref,
      message: `“${titleOf(item)}” was deleted on ${otherSide.device.name} but changed on ${side.device.name}, so it was kept.`,
    });
  };
  for (const item of first) {
    const theirs = secondById.get(item.id);
    // Most items are the same on both sides: nothing to merge.
    if (theirs) kept.set(item.id, same(item, theirs) ? item : mergeItem(baseById.get(item.id) ?? null, item, theirs, `${prefix}${item.id}`));
    else keepOne(item, context.second, context.first);
  }
  for (const item of second) if (!firstById.has(item.id)) keepOne(item, context.first, context.second);

  const baseOrder = base?.map((item) => item.id) ?? [];
  const inBase = new Set(baseOrder);
  /** Whether a side put items it shares with the base in another order (sets: lists of 10,000 stay linear). */
  const reordered = (ids: string[]) => {
    const common = ids.filter((id) => inBase.has(id));
    const shared = new Set(common);
    const baseCommon = baseOrder.filter((id) => shared.has(id));
    return common.some((id, i) => id !== baseCommon[i]);
  };
  const firstIds = first.map((item) => item.id);
  const secondIds = second.map((item) => item.id);
  const [primary, other] = reordered(secondIds) && !reordered(firstIds) ? [secondIds, firstIds] : [firstIds, secondIds];
  const placed = new Set(primary.filter((id) => kept.has(id)));
  // Items only the other side has go after the item they follow there (or first): collected per anchor.
  const after = new Map<string | null, string[]>();
  let anchor: string | null = null;
  for (const id of other) {
    if (kept.has(id) && !placed.has(id)) {
      const followers = after.get(anchor);
      if (followers) followers.push(id);
      else after.set(anchor, [id]);
      placed.add(id);
      anchor = id;
    } else if (placed.has(id)) {
      anchor = id;
    }
  }
  // Each item, then what follows it (depth first, with a stack: 10,000 new items in a row are one chain).
  const order: string[] = [];
  const stack = [...(after.get(null) ?? []), ...primary.filter((id) => kept.has(id))].reverse();
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    order.push(id);
    const followers = after.get(id);
    if (followers) for (let i = followers.length - 1; i >= 0; i--) stack.push(followers[i]!);
  }
  return order.map((id) => kept.get(id)!);
}

/** Whether a side changed an item since the base: its content, or the progress or notes under it. */
export function changed(context: Context, before: unknown, after: unknown, ref: string, side: Side): boolean {
  if (!same(before, after)) return true;
  const base = context.base;
  if (!base) return false;
  const under = (key: string) => key === ref || key.startsWith(`${ref}/`);
  for (const [key, entry] of Object.entries(side.doc.progress)) if (under(key) && !same(entry, own(base.progress, key))) return true;
  for (const [key, note] of Object.entries(side.doc.notes)) if (under(key) && !same(note, own(base.notes, key))) return true;
  return false;
}

export function titleOf(item: unknown): string {
  const title = (item as { title?: unknown }).title;
  return typeof title === 'string' ? title : '(untitled)';
}
