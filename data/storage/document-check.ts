import { StudyError } from '../model/errors';
import { DocumentSchema, type StudyDocument } from '../model/schema';

/**
 * The door of the storage: a whole document is checked with the reader's own schema (read-document.ts)
 * before it is written, so the app never saves what its next start would call damaged, move aside and
 * replace with an older backup. About 15 ms at 10,000 resources, so it runs on whole writes only
 * (compaction, imports, restores); a tick checks its small journal entry instead (journal-entry.ts).
 */
export function documentProblem(doc: unknown): string | null {
  const parsed = DocumentSchema.safeParse(doc);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return issue ? `${issue.path.join('.') || 'document'}: ${issue.message}` : 'not a Studyshelf document';
}

/** The error a refused change gives: what was wrong, and that nothing was changed. */
export function refusedChange(problem: string): StudyError {
  return new StudyError(
    'invalid-argument',
    `Not saved: this change would leave your data in a form Studyshelf cannot read back (${problem}). Nothing was changed.`,
  );
}

/**
 * A way back to the document as it is now, for a change that turns out to be refused. `deep` copies
 * everything (a change that may edit inside lists); `containers` copies the top-level fields one level
 * down (the lists array, the progress, notes and activity), for a change that adds or replaces lists
 * and entries without editing inside an existing one (an import as a new list): about a millisecond at
 * 10,000 resources where `deep` took a good part of the import; `top` keeps the top-level fields only,
 * for a change that replaces them rather than editing inside them (a merge).
 */
export function undoPoint(doc: StudyDocument, depth: 'deep' | 'containers' | 'top'): () => void {
  const saved: StudyDocument =
    depth === 'deep'
      ? structuredClone(doc)
      : depth === 'containers'
        ? { ...doc, lists: [...doc.lists], progress: { ...doc.progress }, notes: { ...doc.notes }, activity: [...doc.activity] }
        : { ...doc };
  return () => {
    for (const key of Object.keys(doc) as Array<keyof StudyDocument>) if (!(key in saved)) delete doc[key];
    Object.assign(doc, saved);
  };
}
