import { createHash } from 'node:crypto';
import type { ListChange } from './review';

/**
 * A change the user left, remembered by what it says rather than by its place in the review: the same
 * change found again (the author changed something else, or the page has no validators) is not shown
 * again, while the author changing that entry again (a new title, another link, a new place) is a new
 * change and is shown. Kept as a short hash so the data file stays small whatever the titles.
 */
export function changeKey(change: ListChange): string {
  const content = (() => {
    switch (change.kind) {
      case 'added':
        return [change.kind, change.title, change.url];
      case 'removed':
        return [change.kind, change.resourceId];
      case 'retitled':
        return [change.kind, change.resourceId, change.to];
      case 'moved':
        return [change.kind, change.resourceId, change.where];
      case 'link':
        return [change.kind, change.resourceId, change.to];
      case 'parts':
        return [change.kind, change.resourceId, ...change.parts];
    }
  })();
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 32);
}

/** The changes the user has not left before. */
export function withoutLeft<C extends ListChange>(changes: readonly C[], left: readonly string[] | undefined): C[] {
  const keys = new Set(left ?? []);
  return changes.filter((c) => !keys.has(changeKey(c)));
}

/** What is left after a review: every change of the page's version not taken (so stale keys fall away). */
export function leftAfter(changes: readonly ListChange[], take: readonly string[]): string[] {
  const taken = new Set(take);
  return [...new Set(changes.filter((c) => !taken.has(c.id)).map(changeKey))];
}

/** The keys of `left` the page still has: a change the author undid is forgotten, so making it again shows it. */
export function stillLeft(changes: readonly ListChange[], left: readonly string[] | undefined): string[] {
  const present = new Set(changes.map(changeKey));
  return (left ?? []).filter((k) => present.has(k));
}
