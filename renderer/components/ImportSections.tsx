import type { BackupFilePreview } from '../../data/model/reports';
import type { ImportPreview } from '../../data/import/imported';
import { counted } from '../wording';
import type { ListDiff } from '../../data/import/update';

// Two parts of ImportDialog: restoring from a backup file, and what updating an existing list changes.

/**
 * What updating a list would do, in one sentence. By default the update removes nothing: what the new
 * file no longer has is kept, and the sentence says so, and whether it carries the user's progress or
 * notes. With `removeMissing` (the user's choice, undoable) those are the ones removed.
 */
export function updateSummary(diff: ListDiff, removeMissing = false): string {
  const { added, changed, missing, kept } = diff;
  const removed = removeMissing ? missing.length : 0;
  const counts = `Updating it: ${added.length} added, ${removed} removed, ${changed.length} changed, ${kept} kept with their progress and notes`;
  if (added.length === 0 && changed.length === 0 && missing.length === 0) return `${counts}: no changes.`;
  const own = missing.filter((m) => m.progress || m.notes).length;
  const why = own === 0 ? '' : own === missing.length ? ' (they have your progress or notes)' : ` (${own} of them have your progress or notes)`;
  if (missing.length === 0) return `${counts}.`;
  return `${counts}. ${missing.length} not in the new file: ${removeMissing ? `removed${why}; Undo brings them back` : `kept${why}`}.`;
}

interface BackupProps {
  preview: BackupFilePreview;
  busy: boolean;
  onConfirm: (mode: 'replace' | 'merge') => void;
  onCancel: () => void;
}

/** A backup file opened as an import: merge it in, or replace everything with it. */
export function BackupChoice({ preview, busy, onConfirm, onCancel }: BackupProps) {
  return (
    <>
      <p className="dialog-lead" role="status">
        A Studyshelf backup with <strong>{counted(preview.lists, 'list')}</strong> and {preview.resources} resources (
        {preview.resourcesDone} done), and {preview.notesCount} notes.
      </p>
      <ul className="import-list">
        <li>
          <strong>Merge</strong> adds its lists and resources you do not have, removes nothing, and keeps the later of each status
          and note.
        </li>
        <li>
          <strong>Replace everything</strong> makes your data exactly the backup’s. Your current data is kept as a backup first.
        </li>
      </ul>
      <footer className="dialog-footer">
        <button type="button" className="button" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => onConfirm('replace')}>
          Replace everything
        </button>
        <button type="button" className="button button-primary" disabled={busy} onClick={() => onConfirm('merge')}>
          Merge
        </button>
      </footer>
    </>
  );
}

interface UpdateProps {
  update: NonNullable<ImportPreview['update']>;
  /** The file's list title. */
  title: string;
  /** The list the user chose to import into, if any: then nothing is offered for removal. */
  into: { title: string } | undefined;
  missing: NonNullable<ImportPreview['update']>['missing'];
  removeMissing: boolean;
  onRemoveMissing: (remove: boolean) => void;
}

/** Added, not in the new file (kept or removed, the user's choice) and changed, with the summary sentence. */
export function UpdateDiff({ update, title, into, missing, removeMissing, onRemoveMissing }: UpdateProps) {
  return (
    <section className="update-diff" aria-labelledby="import-update">
      <h3 id="import-update" className="subitems-heading">
        {into ? `Into “${into.title}”` : `A list called “${title}” is already here`}
      </h3>
      <p>{updateSummary(into ? { ...update, missing: [], removed: [] } : update, removeMissing)}</p>
      {missing.length > 0 && (
        <label className="check-row">
          <input type="checkbox" checked={removeMissing} onChange={(e) => onRemoveMissing(e.target.checked)} />
          Remove the {missing.length === 1 ? 'resource' : `${missing.length} resources`} the new file no longer has
          {missing.some((m) => m.progress || m.notes) ? ', with their progress and notes' : ''}
        </label>
      )}
      <ul className="import-list">
        {update.added.slice(0, 20).map((t) => (
          <li key={`a-${t}`}>
            <span className="diff-added">Added</span> {t}
          </li>
        ))}
        {missing.slice(0, 20).map((m, i) => (
          <li key={`m-${i}`}>
            <span className="diff-removed">Not in the new file</span> {m.title}{' '}
            <span className="muted">
              ({removeMissing ? 'removed' : 'kept'}
              {m.progress || m.notes ? ', with your progress or notes' : ''})
            </span>
          </li>
        ))}
        {update.changed.slice(0, 20).map((c) => (
          <li key={`c-${c.from}`}>
            <span className="diff-changed">Changed</span> {c.from} → {c.to}
          </li>
        ))}
      </ul>
    </section>
  );
}
