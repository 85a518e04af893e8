import { StudyError } from './errors';
import type { Part, ProgressEntry, Resource, StudyDocument, StudyList } from './schema';

/** A title as an id: lower case, letters and digits joined by dashes ("Lecture 4 - PyObject" → "lecture-4-pyobject"). */
export function slugOf(title: string, fallback = 'part'): string {
  return (
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || fallback
  );
}

export function newPartId(title: string, taken: ReadonlySet<string>): string {
  const base = slugOf(title);
  if (!taken.has(base)) return base;
  // Where the search for a free number stopped last time, per set and base: an import of thousands of
  // alike titles (all "part" when no letter is Latin) no longer counts up from 2 for each one. Ids are
  // only ever added to the set, so every number below that stays taken: the result is the same.
  let bases = firstFree.get(taken);
  if (!bases) firstFree.set(taken, (bases = new Map()));
  let n = bases.get(base) ?? 2;
  while (taken.has(`${base}-${n}`)) n++;
  bases.set(base, n);
  return `${base}-${n}`;
}

const firstFree = new WeakMap<ReadonlySet<string>, Map<string, number>>();

/** A title on one line, trimmed; `what` names the thing in the message ("A part needs a title."). */
export function cleanTitle(title: string, what = 'A part'): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  if (clean === '') throw new StudyError('invalid-argument', `${what} needs a title.`);
  if (clean.length > 500) throw new StudyError('invalid-argument', `${what}’s title can be at most 500 characters.`);
  return clean;
}

/** What removing a part took away, so an undo can put back exactly that. */
export interface RemovedPart {
  part: Part;
  index: number;
  progress: ProgressEntry | null;
}

export function insertPart(
  doc: StudyDocument,
  list: StudyList,
  resource: Resource,
  part: Part,
  index: number,
  progress: ProgressEntry | null,
): Part {
  if (resource.parts.some((p) => p.id === part.id) || resource.links.some((l) => l.id === part.id)) {
    throw new StudyError('invalid-argument', 'That part is already there.');
  }
  const clean = { ...part, title: cleanTitle(part.title) };
  resource.parts.splice(Math.max(0, Math.min(index, resource.parts.length)), 0, clean);
  if (progress) doc.progress[`${list.id}/${resource.id}/${part.id}`] = progress;
  list.customized = true;
  return clean;
}

export function removePart(doc: StudyDocument, list: StudyList, resource: Resource, partId: string): RemovedPart {
  const index = resource.parts.findIndex((p) => p.id === partId);
  const part = resource.parts[index]!;
  const ref = `${list.id}/${resource.id}/${partId}`;
  const progress = doc.progress[ref] ?? null;
  resource.parts.splice(index, 1);
  delete doc.progress[ref];
  list.customized = true;
  return { part, index, progress };
}

export function movePart(list: StudyList, resource: Resource, partId: string, toIndex: number): void {
  const from = resource.parts.findIndex((p) => p.id === partId);
  const [part] = resource.parts.splice(from, 1);
  resource.parts.splice(Math.max(0, Math.min(toIndex, resource.parts.length)), 0, part!);
  list.customized = true;
}
