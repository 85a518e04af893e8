import type { StudyList } from './schema';

const norm = (s: string | null | undefined) => (s ?? '').normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/** An address as written by different tools: scheme, `www.`, case, a trailing `/` or `#` do not matter. */
export const urlKey = (url: string | null | undefined) =>
  norm(url)
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/#]+$/, '');

/** A resource that already has the address being added, and the list it is in. */
export interface SameLink {
  listId: string;
  listTitle: string;
  resourceId: string;
  resourceTitle: string;
}

/**
 * The resources that already link to `url` (the same address as `urlKey` reads it): those of the list
 * `currentListId` first, then the other lists' in their order. Parts and nested links are not looked at:
 * adding a resource for a chapter another resource lists is not a duplicate.
 */
export function resourcesWithLink(lists: readonly StudyList[], url: string, currentListId: string): SameLink[] {
  const key = urlKey(url);
  if (key === '') return [];
  const ordered = [...lists.filter((l) => l.id === currentListId), ...lists.filter((l) => l.id !== currentListId)];
  return ordered.flatMap((list) =>
    list.resources.filter((r) => r.url && urlKey(r.url) === key).map((r) => ({ listId: list.id, listTitle: list.title, resourceId: r.id, resourceTitle: r.title })),
  );
}
