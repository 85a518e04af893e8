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
  const resource = list ? findResource(list.resources, resourceId!) : undefined;
  if (!list || !resource) return null;
  if (itemId === undefined) return { kind: 'resource', list, resource };
  const part = resource.parts.find((p) => p.id === itemId);
  if (part) return { kind: 'part', list, resource, part };
  const link = resource.links.find((l) => l.id === itemId);
  if (link) return { kind: 'link', list, resource, link };
  return null;
}

/** Where each id sits in a list's resources, as last seen; checked before use, rebuilt when stale. */
interface Positions {
  length: number;
  at: Map<string, number> | null;
}
const positions = new WeakMap<readonly Resource[], Positions>();

function positionsOf(resources: readonly Resource[]): Positions {
  const at = new Map<string, number>();
  let duplicated = false;
  resources.forEach((r, i) => {
    if (at.has(r.id)) duplicated = true;
    else at.set(r.id, i);
  });
  // A list holding one id twice (a hand-edited file) is searched as before: the first one wins.
  const found = { length: resources.length, at: duplicated ? null : at };
  positions.set(resources, found);
  return found;
}

/** How many resources from the start are looked through before an index is worth building. */
const SCAN_FIRST = 256;

function scanStart(resources: readonly Resource[], id: string): Resource | undefined {
  const end = Math.min(resources.length, SCAN_FIRST);
  for (let i = 0; i < end; i++) if (resources[i]!.id === id) return resources[i];
  return undefined;
}

/**
 * The resource with this id, as `resources.find` would give it, without walking 10,000 resources on
 * every tick: the index an id was last seen at is checked (same length, same id there) before it is
 * trusted; an array that changed is indexed again, and an id not found is looked for the long way.
 */
function findResource(resources: readonly Resource[], id: string): Resource | undefined {
  let known = positions.get(resources);
  if (!known || known.length !== resources.length) {
    // An array not indexed yet (a list just changed): an id near the start is found by looking, which
    // costs less than indexing 10,000 ids (that made a part added after a resource 5× slower).
    const early = scanStart(resources, id);
    if (early) return early;
    known = positionsOf(resources);
  }
  if (!known.at) return resources.find((r) => r.id === id);
  let index = known.at.get(id);
  if (index === undefined || resources[index]?.id !== id) {
    index = positionsOf(resources).at?.get(id);
    if (index === undefined) return resources.find((r) => r.id === id);
  }
  return resources[index];
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
