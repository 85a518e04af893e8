import type { Note, ProgressEntry, StudyDocument } from '../data/schema';
import type { AppState } from '../electron/api/contract';

/** Immutable updates of the state main reported: one entry changed, everything else shared. */
function withDocument(s: AppState, change: (doc: StudyDocument) => StudyDocument): AppState {
  return s.document ? { ...s, document: change(s.document) } : s;
}

export function withProgress(s: AppState, ref: string, entry: ProgressEntry | undefined): AppState {
  return withDocument(s, (doc) => {
    const progress = { ...doc.progress };
    if (entry) progress[ref] = entry;
    else delete progress[ref];
    return { ...doc, progress };
  });
}

export function withNote(s: AppState, ref: string, note: Note | null): AppState {
  return withDocument(s, (doc) => {
    const notes = { ...doc.notes };
    if (note) notes[ref] = note;
    else delete notes[ref];
    return { ...doc, notes };
  });
}
