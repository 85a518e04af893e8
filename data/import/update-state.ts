import { fileNote, fileProgress } from './to-list';
import type { Note, ProgressEntry, Resource, StudyDocument } from '../model/schema';
import type { ImportedPart, ImportedResource, ImportedState } from './imported';

/** What a file says of an item's state: a status with its dates (Studyshelf's exports), or done alone. */
type FileState = ImportedState & Pick<ImportedPart, 'done'>;

/** The progress, notes and activity an update brings in from the file, as new objects; null when it brings none. */
export interface BroughtIn {
  progress: Record<string, ProgressEntry>;
  notes: Record<string, Note>;
  activity: StudyDocument['activity'];
}

export interface Incoming {
  incoming: ImportedResource;
  /** The resource it became in the list, with its id. */
  resource: Resource;
  /** Whether it was already in the list (paired with one there) or is new. */
  existed: boolean;
  /** The id each of the file's parts was given, in the file's order. */
  partIds: string[];
}

/**
 * The states a newer file carries (Pocket's read archive, a CSV's done column, Studyshelf's own statuses
 * and notes), brought in as a fresh import would — but never over what the user has: an item that has a
 * progress entry keeps it (a file's “unread” never undoes a tick, and a tick the user took back stays
 * taken back), and a note is brought only for a resource new to the list. So the same file again brings
 * nothing. The document is not changed: the new progress, notes and activity are returned.
 */
export function stateFromFile(doc: StudyDocument, listId: string, items: readonly Incoming[], at: string): BroughtIn | null {
  const shadow = { ...doc, progress: { ...doc.progress }, notes: { ...doc.notes }, activity: [...doc.activity] };
  let brought = false;
  for (const { incoming, resource, existed, partIds } of items) {
    const ref = `${listId}/${resource.id}`;
    brought = bring(shadow, ref, incoming, at) || brought;
    incoming.parts.forEach((part, j) => {
      const id = partIds[j];
      if (id !== undefined) brought = bring(shadow, `${ref}/${id}`, part, at) || brought;
    });
    const note = existed || Object.hasOwn(shadow.notes, ref) ? null : fileNote(incoming, at);
    if (note) {
      shadow.notes[ref] = note;
      brought = true;
    }
  }
  return brought ? { progress: shadow.progress, notes: shadow.notes, activity: shadow.activity } : null;
}

/** As a fresh import keeps it (to-list's fileProgress), where the item has no progress yet; says whether it brought any. */
function bring(doc: StudyDocument, ref: string, item: FileState, at: string): boolean {
  if (Object.hasOwn(doc.progress, ref)) return false;
  const entry = fileProgress(item, at);
  if (entry) doc.progress[ref] = entry;
  return entry !== null;
}
