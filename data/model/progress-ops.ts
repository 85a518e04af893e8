import type { ProgressEntry, Status, StudyDocument } from './schema';

/**
 * The one place a status is set: keeps the dates honest (started when work began, finished when done)
 * and logs the change for the activity picture.
 */
export function applyStatus(doc: StudyDocument, ref: string, status: Status, at: string): ProgressEntry {
  const previous = doc.progress[ref];
  const wasDone = previous?.status === 'done';
  const working = status === 'in-progress' || status === 'done';
  const entry: ProgressEntry = {
    status,
    startedAt: previous?.startedAt ?? (working ? at : null),
    doneAt: status === 'done' ? (wasDone ? (previous?.doneAt ?? at) : at) : null,
    updatedAt: at,
  };
  doc.progress[ref] = entry;
  if (previous?.status !== status && (status !== 'todo' || previous)) {
    const action = status === 'done' ? 'done' : status === 'in-progress' ? 'started' : status === 'skipped' ? 'skipped' : 'undone';
    doc.activity.push({ at, ref, action });
  }
  return entry;
}

/** Writing in a note counts as a study day; logged once per resource per day, not per keystroke. */
export function logNoteActivity(doc: StudyDocument, ref: string, at: string): void {
  const day = at.slice(0, 10);
  for (let i = doc.activity.length - 1; i >= 0; i--) {
    const entry = doc.activity[i]!;
    if (entry.at.slice(0, 10) !== day) break;
    if (entry.ref === ref && entry.action === 'note') return;
  }
  doc.activity.push({ at, ref, action: 'note' });
}

const STATUS_ACTIONS = new Set(['done', 'started', 'skipped', 'undone']);

/**
 * Takes a status change back: the progress entry as it was before it (null: none) and the activity
 * entry the change logged (at its `updatedAt`, `at`), so an undone tick is not counted as study.
 * Deterministic, so the journal replays it and the window runs it the same way.
 */
export function takeBackStatus(doc: StudyDocument, ref: string, previous: ProgressEntry | null, at: string): ProgressEntry | null {
  if (previous) doc.progress[ref] = previous;
  else delete doc.progress[ref];
  for (let i = doc.activity.length - 1; i >= 0; i--) {
    const entry = doc.activity[i]!;
    if (entry.at === at && entry.ref === ref && STATUS_ACTIONS.has(entry.action)) {
      doc.activity.splice(i, 1);
      break;
    }
  }
  return previous;
}
