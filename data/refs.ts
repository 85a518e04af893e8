import type { LinkItem, Part, Resource, StudyDocument, StudyList } from './schema';

/**
 * A ref names one checkable thing: `listId/resourceId` for a resource, `listId/resourceId/itemId` for one
 * of its parts or nested links. Refs, not array positions, key progress and notes.
 */
export type Ref = string;

export function resourceRef(listId: string, resourceId: string): Ref {
  return `${listId}/${resourceId}`;
}

export function itemRef(listId: string, resourceId: string, itemId: string): Ref {
  return `${listId}/${resourceId}/${itemId}`;
}

/** The resource a ref belongs to: `list/resource/part` → `list/resource` (a resource's ref is itself). */
export function resourceRefOf(ref: Ref): Ref {
  return ref.split('/').slice(0, 2).join('/');
}

export type Resolved =
  | { kind: 'resource'; list: StudyList; resource: Resource }
  | { kind: 'part'; list: StudyList; resource: Resource; part: Part }
  | { kind: 'link'; list: StudyList; resource: Resource; link: LinkItem };

/** Finds what a ref points at in the document, or null when nothing does. */
export function resolveRef(doc: StudyDocument, ref: Ref): Resolved | null {
  const segments = ref.split('/');
  if (segments.length < 2 || segments.length > 3) return null;
  const [listId, resourceId, itemId] = segments;
  const list = doc.lists.find((l) => l.id === listId);
  const resource = list?.resources.find((r) => r.id === resourceId);
  if (!list || !resource) return null;
  if (itemId === undefined) return { kind: 'resource', list, resource };
  const part = resource.parts.find((p) => p.id === itemId);
  if (part) return { kind: 'part', list, resource, part };
  const link = resource.links.find((l) => l.id === itemId);
  if (link) return { kind: 'link', list, resource, link };
  return null;
}

/** The address to open for a ref: its own URL, or for a part without one, its resource's. */
export function urlOf(resolved: Resolved): string | null {
  switch (resolved.kind) {
    case 'resource':
      return resolved.resource.url;
    case 'part':
      return resolved.part.url ?? resolved.resource.url;
    case 'link':
      return resolved.link.url ?? resolved.resource.url;
  }
}
