import type { Removed } from '../model/list-ops';
import { newPartId } from '../model/part-ops';
import { resourceRefOf } from '../model/refs';
import type { Note, Part, ProgressEntry, Resource, StudyDocument, StudyList } from '../model/schema';
import type { ImportedResource, ImportPreview } from '../import/imported';
import { merged, pairUp } from '../import/update';

/**
 * One thing the author changed, in words, to be taken or left on its own. `id` is stable for the same
 * list and the same page, so the window can send back the ones the user took.
 */
export type ListChange =
  | { id: string; kind: 'added'; title: string; url: string | null; where: string }
  | { id: string; kind: 'removed'; resourceId: string; title: string; progress: boolean; notes: boolean }
  | { id: string; kind: 'retitled'; resourceId: string; from: string; to: string }
  | { id: string; kind: 'moved'; resourceId: string; title: string; where: string }
  | { id: string; kind: 'link'; resourceId: string; title: string; from: string | null; to: string | null }
  | { id: string; kind: 'parts'; resourceId: string; title: string; parts: string[] };

/** A change with its sentence, as the window shows it (the window does not import this module). */
export type ReviewedChange = ListChange & { words: string };

export interface ListReview {
  listId: string;
  changes: ReviewedChange[];
}

/** The changes "take all" takes: every one but the removal of a resource the user has notes or progress on (never removed silently). */
export function takeAllIds(review: ListReview): string[] {
  return review.changes.filter((c) => c.kind !== 'removed' || (!c.notes && !c.progress)).map((c) => c.id);
}

/** The change in one plain sentence, as the review shows it. */
export function changeWords(change: ListChange): string {
  switch (change.kind) {
    case 'added':
      return `Added “${change.title}” ${change.where}.`;
    case 'removed': {
      const own = change.notes && change.progress ? 'your notes and progress' : change.notes ? 'your notes' : change.progress ? 'your progress' : '';
      return own ? `Removed “${change.title}” — it has ${own}, so it stays unless you take this change.` : `Removed “${change.title}”.`;
    }
    case 'retitled':
      return `Retitled “${change.from}” to “${change.to}”.`;
    case 'moved':
      return `Moved “${change.title}” ${change.where}.`;
    case 'link':
      return `Changed the link of “${change.title}” to ${change.to ?? 'none'}.`;
    case 'parts':
      return `Added ${change.parts.length === 1 ? 'a part' : `${change.parts.length} parts`} to “${change.title}”: ${change.parts.map((p) => `“${p}”`).join(', ')}.`;
  }
}

interface Matching {
  hits: Array<Resource | undefined>;
  /** The incoming positions whose pair moved (out of the longest run that kept its order) or changed section. */
  moved: Set<number>;
  /** The incoming positions whose pair is in that longest run: in the page's order, whatever their section. */
  inPlace: Set<number>;
}

function match(list: StudyList, preview: ImportPreview): Matching {
  const hits = pairUp(list.resources, preview.resources);
  const position = new Map(list.resources.map((r, i) => [r, i]));
  // Entries of the page that are the same in every way are interchangeable: they pair with their
  // resources in the list's order, so that which copy is which never shows as a move.
  const alike = new Map<string, number[]>();
  preview.resources.forEach((r, i) => {
    if (!hits[i]) return;
    const key = JSON.stringify([r.title, r.url, r.group, r.parts.map((p) => [p.title, p.url])]);
    alike.set(key, [...(alike.get(key) ?? []), i]);
  });
  for (const indexes of alike.values()) {
    const sorted = indexes.map((i) => hits[i]!).sort((a, b) => position.get(a)! - position.get(b)!);
    indexes.forEach((i, k) => (hits[i] = sorted[k]));
  }
  const paired = hits.flatMap((hit, i) => (hit ? [{ i, at: position.get(hit)! }] : []));
  const stay = inOrder(paired.map((p) => p.at));
  const moved = new Set<number>();
  const inPlace = new Set<number>();
  paired.forEach((p, k) => {
    const hit = hits[p.i]!;
    if (stay.has(k)) inPlace.add(p.i);
    if (!stay.has(k) || (hit.group ?? null) !== (preview.resources[p.i]!.group ?? null)) moved.add(p.i);
  });
  return { hits, moved, inPlace };
}

/**
 * The indexes of a longest increasing run of `values` (patience sorting, n log n): the items that kept their
 * order. Among runs as long, the one whose last differing item comes later: entries added to every
 * candidate alike (what applyReview places) cannot change that choice, so the moves left stay the same.
 */
function inOrder(values: number[]): Set<number> {
  const tails: number[] = [];
  const before: number[] = new Array(values.length).fill(-1);
  values.forEach((v, k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    before[k] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = k;
  });
  const keep = new Set<number>();
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k >= 0; k = before[k]!) keep.add(k);
  return keep;
}

function whereOf(preview: ImportPreview, i: number): string {
  const incoming = preview.resources[i]!;
  const previous = preview.resources[i - 1];
  const section = incoming.group ? ` in “${incoming.group}”` : '';
  if (!previous) return `at the top${section}`;
  return `after “${previous.title}”${section}`;
}

/** The resources of the list with progress (or notes) of their own or of one of their parts. */
function refsWith(entries: Record<string, unknown>, listId: string): Set<string> {
  const refs = new Set<string>();
  for (const key of Object.keys(entries)) if (key.startsWith(`${listId}/`)) refs.add(resourceRefOf(key));
  return refs;
}

function newParts(incoming: ImportedResource, hit: Resource): string[] {
  if (incoming.parts.length === 0) return [];
  const hits = pairUp(hit.parts, incoming.parts);
  return incoming.parts.filter((_, j) => !hits[j]).map((p) => p.title);
}

/**
 * The addresses the list has as a resource's own links (the bundled list's “Python/C API reference” under
 * “Python Documentation”, a Markdown bullet's second link): an article names them in the resource's text,
 * and a page read as HTML lists every link, so they are in the list already and not new resources.
 */
function linksOf(list: StudyList): Set<string> {
  return new Set(list.resources.flatMap((r) => r.links.map((l) => l.url)).filter((u): u is string => typeof u === 'string'));
}

/**
 * What the author changed between the list as the user has it and the page as it is now. Resources are
 * paired as an update from a file pairs them (update.ts pairUp): the link decides first, then the title,
 * so a retitled resource and one whose link changed are still the same resource, and a duplicate the
 * author added is new.
 */
export function reviewChanges(doc: StudyDocument, list: StudyList, preview: ImportPreview): ListReview {
  const { hits, moved } = match(list, preview);
  const changes: ListChange[] = [];
  const ownLinks = linksOf(list);
  preview.resources.forEach((incoming, i) => {
    const hit = hits[i];
    if (!hit && incoming.url !== null && ownLinks.has(incoming.url)) return;
    if (!hit) {
      changes.push({ id: `added:${i}`, kind: 'added', title: incoming.title, url: incoming.url, where: whereOf(preview, i) });
      return;
    }
    if (hit.title !== incoming.title) changes.push({ id: `retitled:${hit.id}`, kind: 'retitled', resourceId: hit.id, from: hit.title, to: incoming.title });
    if ((hit.url ?? null) !== (incoming.url ?? null)) changes.push({ id: `link:${hit.id}`, kind: 'link', resourceId: hit.id, title: hit.title, from: hit.url, to: incoming.url });
    if (moved.has(i)) changes.push({ id: `moved:${hit.id}`, kind: 'moved', resourceId: hit.id, title: hit.title, where: whereOf(preview, i) });
    const parts = newParts(incoming, hit);
    if (parts.length > 0) changes.push({ id: `parts:${hit.id}`, kind: 'parts', resourceId: hit.id, title: hit.title, parts });
  });
  const matched = new Set(hits);
  const progress = refsWith(doc.progress, list.id);
  const notes = refsWith(doc.notes, list.id);
  for (const r of list.resources) {
    if (matched.has(r)) continue;
    const ref = `${list.id}/${r.id}`;
    changes.push({ id: `removed:${r.id}`, kind: 'removed', resourceId: r.id, title: r.title, progress: progress.has(ref), notes: notes.has(ref) });
  }
  return { listId: list.id, changes: changes.map((c) => ({ ...c, words: changeWords(c) })) };
}

export interface ReviewOutcome {
  changed: boolean;
  /** The resources taken out (with their progress and notes), for an undo. */
  removed: Array<Removed<Resource> & { listId: string }>;
}

/** The resource's parts with the page's new ones put in after the part each follows on the page. */
function withNewParts(incoming: ImportedResource, hit: Resource): Part[] {
  const hits = pairUp(hit.parts, incoming.parts);
  const taken = new Set(hit.parts.map((p) => p.id));
  const parts = [...hit.parts];
  let anchor = -1;
  incoming.parts.forEach((p, j) => {
    const same = hits[j];
    if (same) {
      anchor = parts.indexOf(same);
      return;
    }
    const id = newPartId(p.title, taken);
    taken.add(id);
    parts.splice(anchor + 1, 0, { id, title: p.title, url: p.url });
    anchor += 1;
  });
  return parts;
}

/**
 * Takes the changes named in `take` and leaves every other one. A resource that stays keeps its id, so
 * every tick, status, part and note on it stays; only a removal the user took removes a resource (with
 * its progress and notes, returned for an undo). New resources go in after the resource they follow on
 * the page (among those already in place); a move taken puts the resource there too, and one only to
 * another section leaves it where it is. The document's lists, progress and notes are replaced, never
 * changed in place, so a store can put the old ones back.
 */
export function applyReview(doc: StudyDocument, list: StudyList, preview: ImportPreview, take: ReadonlySet<string>): ReviewOutcome {
  const review = reviewChanges(doc, list, preview);
  const taken = new Set(review.changes.filter((c) => take.has(c.id)).map((c) => c.id));
  if (taken.size === 0) return { changed: false, removed: [] };
  const { hits, inPlace } = match(list, preview);
  const ids = new Set(list.resources.map((r) => r.id));
  const ticked = (resourceId: string, part: Part) => Object.hasOwn(doc.progress, `${list.id}/${resourceId}/${part.id}`);

  // Each resource as the taken changes leave it, by its id.
  const updated = new Map<string, Resource>();
  hits.forEach((hit, i) => {
    if (!hit) return;
    const incoming = preview.resources[i]!;
    let r = hit;
    if (taken.has(`retitled:${hit.id}`)) r = { ...r, title: incoming.title };
    if (taken.has(`link:${hit.id}`)) r = { ...r, url: incoming.url };
    if (taken.has(`moved:${hit.id}`)) r = { ...r, group: incoming.group };
    if (taken.has(`parts:${hit.id}`)) r = { ...r, parts: withNewParts(incoming, hit) };
    if (r !== hit) updated.set(hit.id, r);
  });
  const gone = list.resources.map((r, index) => ({ r, index })).filter(({ r }) => taken.has(`removed:${r.id}`));
  const goneIds = new Set(gone.map(({ r }) => r.id));
  const order: Resource[] = list.resources.filter((r) => !goneIds.has(r.id)).map((r) => updated.get(r.id) ?? r);

  // New resources and moved ones taken, in the page's order, each after the last one before it on the
  // page that is in the run that kept its order (or was placed already). A resource of that run only
  // changed section: it keeps its place. Placed against the run, the run stays the longest with them in
  // it, so a second review finds them in place and shows the moves left, and only those, as before.
  let anchor: string | null = null;
  preview.resources.forEach((incoming, i) => {
    const hit = hits[i];
    let placed: Resource | null = null;
    if (hit && inPlace.has(i)) {
      anchor = hit.id;
      return;
    }
    if (!hit && taken.has(`added:${i}`)) placed = merged(incoming, undefined, ids, ticked);
    else if (hit && taken.has(`moved:${hit.id}`)) placed = order.splice(order.findIndex((r) => r.id === hit.id), 1)[0]!;
    if (!placed) return;
    const after: number = anchor === null ? -1 : order.findIndex((r) => r.id === anchor);
    order.splice(after + 1, 0, placed);
    anchor = placed.id;
  });

  doc.lists = doc.lists.map((l) => (l === list ? { ...list, resources: order, customized: true } : l));
  if (gone.length === 0) return { changed: true, removed: [] };
  const refs = new Set(gone.map(({ r }) => `${list.id}/${r.id}`));
  const progress: Record<string, ProgressEntry> = {};
  const notes: Record<string, Note> = {};
  const takenProgress = new Map<string, Record<string, ProgressEntry>>();
  const takenNotes = new Map<string, Record<string, Note>>();
  for (const [key, value] of Object.entries(doc.progress)) {
    const ref = resourceRefOf(key);
    if (refs.has(ref)) takenProgress.set(ref, { ...takenProgress.get(ref), [key]: value });
    else progress[key] = value;
  }
  for (const [key, value] of Object.entries(doc.notes)) {
    const ref = resourceRefOf(key);
    if (refs.has(ref)) takenNotes.set(ref, { ...takenNotes.get(ref), [key]: value });
    else notes[key] = value;
  }
  doc.progress = progress;
  doc.notes = notes;
  return {
    changed: true,
    removed: gone.map(({ r, index }) => {
      const ref = `${list.id}/${r.id}`;
      return { item: r, index, listId: list.id, progress: takenProgress.get(ref) ?? {}, notes: takenNotes.get(ref) ?? {} };
    }),
  };
}
