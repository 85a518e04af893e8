import { resourceRefOf } from '../refs';
import { newPartId } from '../part-ops';
import type { Part, Resource, StudyDocument, StudyList } from '../schema';
import type { ImportedResource, ImportPreview } from './imported';

/** How an imported file differs from the list of the same title that is already there. */
export interface ListDiff {
  listId: string;
  added: string[];
  removed: string[];
  changed: Array<{ from: string; to: string }>;
  kept: number;
}

const norm = (s: string | null) => (s ?? '').trim().toLowerCase().replace(/\/+$/, '');

/** Finds the existing resource an imported one is a version of: same link, else same title. */
function matcher(existing: Resource[]) {
  const byUrl = new Map(existing.filter((r) => r.url).map((r) => [norm(r.url), r]));
  const byTitle = new Map(existing.map((r) => [norm(r.title), r]));
  const used = new Set<Resource>();
  return (incoming: ImportedResource): Resource | undefined => {
    const hit = (incoming.url && byUrl.get(norm(incoming.url))) || byTitle.get(norm(incoming.title));
    if (!hit || used.has(hit)) return undefined;
    used.add(hit);
    return hit;
  };
}

export function existingVersion(doc: StudyDocument, preview: ImportPreview): StudyList | undefined {
  return doc.lists.find((l) => norm(l.title) === norm(preview.title));
}

export function diffList(list: StudyList, preview: ImportPreview): ListDiff {
  const match = matcher(list.resources);
  const matched = new Set<Resource>();
  const added: string[] = [];
  const changed: Array<{ from: string; to: string }> = [];
  for (const incoming of preview.resources) {
    const hit = match(incoming);
    if (!hit) {
      added.push(incoming.title);
      continue;
    }
    matched.add(hit);
    if (hit.title !== incoming.title || (hit.url ?? null) !== incoming.url) changed.push({ from: hit.title, to: incoming.title });
  }
  const removed = list.resources.filter((r) => !matched.has(r)).map((r) => r.title);
  return { listId: list.id, added, removed, changed, kept: matched.size };
}

/**
 * Replaces a list's content with the imported version. Resources (and parts) that stay keep their
 * ids, so their progress and notes stay; those removed take their progress and notes with them. Parts
 * and nested links the file does not mention are kept.
 */
export function updateListFrom(doc: StudyDocument, list: StudyList, preview: ImportPreview): void {
  const match = matcher(list.resources);
  // Ids already in the list or given in this update: one set, not one rebuilt for each new resource.
  const ids = new Set(list.resources.map((r) => r.id));
  const next: Resource[] = preview.resources.map((incoming) => {
    const hit = match(incoming);
    const id = hit ? hit.id : newPartId(incoming.title, ids);
    ids.add(id);
    const oldParts = new Map((hit?.parts ?? []).map((p) => [norm(p.url) || norm(p.title), p]));
    const partIds = new Set<string>();
    const parts: Part[] = incoming.parts.map((p) => {
      const same = oldParts.get(norm(p.url) || norm(p.title)) ?? oldParts.get(norm(p.title));
      const partId = same && !partIds.has(same.id) ? same.id : newPartId(p.title, partIds);
      partIds.add(partId);
      return { id: partId, title: p.title, url: p.url };
    });
    return {
      id,
      title: incoming.title,
      url: incoming.url,
      author: incoming.author ?? hit?.author ?? null,
      kind: hit?.kind ?? 'link',
      description: incoming.description || hit?.description || '',
      group: incoming.group,
      addedAt: hit?.addedAt ?? incoming.addedAt ?? null,
      links: hit?.links ?? incoming.links.map((l) => ({ id: newPartId(l.title, partIds), title: l.title, url: l.url, kind: 'link', description: '' })),
      // A file that lists no parts says nothing about them: the parts the user has stay.
      parts: incoming.parts.length > 0 ? parts : (hit?.parts ?? []),
    };
  });
  const stay = new Set(next.map((r) => `${list.id}/${r.id}`));
  const keep = (key: string) => stay.has(resourceRefOf(key));
  for (const key of Object.keys(doc.progress)) if (key.startsWith(`${list.id}/`) && !keep(key)) delete doc.progress[key];
  for (const key of Object.keys(doc.notes)) if (key.startsWith(`${list.id}/`) && !keep(key)) delete doc.notes[key];
  list.resources = next;
  list.customized = true;
}
