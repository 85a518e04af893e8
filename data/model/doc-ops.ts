import { StudyError } from './errors';
import { cleanTitle, insertPart as insertPartAt, movePart as movePartTo, newPartId, removePart as removePartAt, type RemovedPart } from './part-ops';
import { applyStatus, logNoteActivity, takeBackStatus } from './progress-ops';
import { resolveRef, type Ref, type Resolved } from './refs';
import type { Note, Part, ProgressEntry, Status, StudyDocument } from './schema';

/**
 * The changes the API makes to a document, as plain functions over it. Each checks everything before
 * it changes anything, so a refused call leaves the document as it was. The store runs them one at a
 * time and saves after each.
 */

export function resolveOrThrow(doc: StudyDocument, ref: Ref): Resolved {
  const resolved = resolveRef(doc, ref);
  if (!resolved) throw new StudyError('unknown-ref', `Nothing in your lists is called “${ref}”.`);
  return resolved;
}

export function resourceOrThrow(doc: StudyDocument, ref: Ref) {
  const resolved = resolveOrThrow(doc, ref);
  if (resolved.kind !== 'resource') throw new StudyError('invalid-argument', 'This works on a resource, not on one of its parts.');
  return resolved;
}

function partOrThrow(doc: StudyDocument, ref: Ref) {
  const resolved = resolveOrThrow(doc, ref);
  if (resolved.kind !== 'part') throw new StudyError('invalid-argument', 'This works on a part of a resource.');
  return resolved;
}

export function setStatus(doc: StudyDocument, ref: Ref, status: Status, at: string): ProgressEntry {
  resolveOrThrow(doc, ref);
  return applyStatus(doc, ref, status, at);
}

/** The undo of setStatus (see takeBackStatus): its entry as it was, and its activity gone. */
export function undoStatus(doc: StudyDocument, ref: Ref, previous: ProgressEntry | null, at: string): ProgressEntry | null {
  resolveOrThrow(doc, ref);
  return takeBackStatus(doc, ref, previous, at);
}

/** Forgets a status set by hand: a resource with parts goes back to deriving it from them. */
export function clearStatus(doc: StudyDocument, ref: Ref): void {
  resolveOrThrow(doc, ref);
  delete doc.progress[ref];
}

/** Changes a note's text or its "where I stopped"; a note with neither is removed. */
export function editNote(doc: StudyDocument, ref: Ref, change: Partial<Pick<Note, 'body' | 'whereStopped'>>, at: string): Note | null {
  const resolved = resolveOrThrow(doc, ref);
  if (resolved.kind !== 'resource') {
    throw new StudyError('invalid-argument', 'Notes belong to a resource, not to one of its parts.');
  }
  const note: Note = { body: '', whereStopped: '', ...doc.notes[ref], ...change, updatedAt: at };
  if (note.body === '' && note.whereStopped === '') {
    delete doc.notes[ref];
    return null;
  }
  doc.notes[ref] = note;
  logNoteActivity(doc, ref, at);
  return note;
}

export function addPart(doc: StudyDocument, resourceRef: Ref, title: string, url: string | null): Part {
  const { list, resource } = resourceOrThrow(doc, resourceRef);
  const taken = new Set([...resource.parts, ...resource.links].map((p) => p.id));
  return insertPartAt(doc, list, resource, { id: newPartId(title, taken), title: cleanTitle(title), url }, resource.parts.length, null);
}

export function renamePart(doc: StudyDocument, partRef: Ref, title: string): Part {
  const { list, part } = partOrThrow(doc, partRef);
  part.title = cleanTitle(title);
  list.customized = true;
  return part;
}

export function movePart(doc: StudyDocument, partRef: Ref, toIndex: number): void {
  const { list, resource, part } = partOrThrow(doc, partRef);
  movePartTo(list, resource, part.id, toIndex);
}

export function removePart(doc: StudyDocument, partRef: Ref): RemovedPart {
  const { list, resource, part } = partOrThrow(doc, partRef);
  return removePartAt(doc, list, resource, part.id);
}

/** Puts a part back where it was (the undo of removePart), with its progress. */
export function insertPart(doc: StudyDocument, resourceRef: Ref, part: Part, index: number, progress: ProgressEntry | null): Part {
  const { list, resource } = resourceOrThrow(doc, resourceRef);
  return insertPartAt(doc, list, resource, part, index, progress);
}
