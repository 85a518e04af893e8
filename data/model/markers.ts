/** The markers around the two versions of lines both computers changed in a note (as git writes them). */
export const CONFLICT_START = '<<<<<<< ';
export const CONFLICT_MIDDLE = '=======';
export const CONFLICT_END = '>>>>>>> ';

/** Whether a note still holds conflict markers the user has not resolved. */
export function hasConflictMarkers(body: string): boolean {
  if (!body.includes(CONFLICT_START)) return false;
  const lines = body.split('\n');
  return lines.some((line) => line.startsWith(CONFLICT_START)) && lines.includes(CONFLICT_MIDDLE) && lines.some((line) => line.startsWith(CONFLICT_END));
}

/** The refs of the notes that still hold conflict markers. */
export function notesWithConflicts(notes: Readonly<Record<string, { body: string }>>): string[] {
  return Object.entries(notes)
    .filter(([, note]) => hasConflictMarkers(note.body))
    .map(([ref]) => ref);
}
