import { applyStatus, takeBackStatus } from '../data/model/progress-ops';
import type { Note, ProgressEntry, Status, StudyDocument } from '../data/model/schema';
import type { AppState, ResourceState } from '../electron/api/contract';

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

/** One resource re-read after an edit (its parts, title…): its list gets a new resources array, the rest is shared. */
export function withResource(s: AppState, update: ResourceState): AppState {
  return withDocument(s, (doc) => {
    const key = `${update.listId}/${update.resource.id}`;
    const progress = { ...doc.progress };
    for (const ref of Object.keys(progress)) if (ref === key || ref.startsWith(`${key}/`)) delete progress[ref];
    Object.assign(progress, update.progress);
    const notes = { ...doc.notes };
    if (update.note) notes[key] = update.note;
    else delete notes[key];
    const lists = doc.lists.map((list) =>
      list.id !== update.listId
        ? list
        : { ...list, customized: update.customized, resources: list.resources.map((r) => (r.id === update.resource.id ? update.resource : r)) },
    );
    return { ...doc, lists, progress, notes };
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

/** The document with its own progress and activity, for a model rule to change in place. */
function withStatusDocument(s: AppState, change: (doc: StudyDocument) => void): AppState {
  return withDocument(s, (doc) => {
    const copy = { ...doc, progress: { ...doc.progress }, activity: [...doc.activity] };
    change(copy);
    return copy;
  });
}

/** A status set here at once, by the model's own rule (its dates and its activity entry), as main sets it. */
export function withStatus(s: AppState, ref: string, status: Status, at: string): AppState {
  return withStatusDocument(s, (doc) => void applyStatus(doc, ref, status, at));
}

/** Main's answer to a status set at `at` here: its entry, and its time on the activity entry logged. */
export function withStatusAnswer(s: AppState, ref: string, at: string, entry: ProgressEntry): AppState {
  return withStatusDocument(s, (doc) => {
    doc.progress[ref] = entry;
    doc.activity = doc.activity.map((a) => (a.ref === ref && a.at === at ? { ...a, at: entry.updatedAt } : a));
  });
}

/** A status change taken back (undone, or refused by main): the entry as it was, its activity gone. */
export function withStatusTakenBack(s: AppState, ref: string, previous: ProgressEntry | undefined, at: string): AppState {
  return withStatusDocument(s, (doc) => void takeBackStatus(doc, ref, previous ?? null, at));
}
