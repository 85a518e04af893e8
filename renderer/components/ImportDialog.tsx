import { useState } from 'react';
import type { Skipped } from '../../data/import/imported';
import type { PendingImport } from '../hooks/useImport';
import { counted } from '../wording';
import { BackupChoice, UpdateDiff } from './ImportSections';
import { Modal } from './Modal';

export { updateSummary } from './ImportSections';

interface Props {
  pending: PendingImport | null;
  busy: boolean;
  /** Cancel was pressed while the import ran: main is stopping it. */
  cancelling: boolean;
  onConfirm: (mode?: 'replace' | 'merge' | 'new' | 'update', options?: { removeMissing?: boolean }) => void;
  onCancel: () => void;
}

/** What an import will add and what it will skip, and why, before anything changes. */
export function ImportDialog({ pending, busy, cancelling, onConfirm, onCancel }: Props) {
  const preview = pending?.kind === 'list' ? pending.preview : undefined;
  const parts = preview?.resources.reduce((n, r) => n + r.parts.length, 0) ?? 0;
  const done = preview?.resources.filter((r) => r.done).length ?? 0;
  // Entries of the file left out, apart from notes about entries that were added (a date not kept, the
  // encoding): resources + skipped = the entries the file holds.
  const skipped = preview?.skipped.filter((s) => !s.note) ?? [];
  const notes = preview?.skipped.filter((s) => s.note) ?? [];
  const into = pending?.kind === 'list' ? pending.into : undefined;
  // Into a list the user chose, the file only adds: nothing of the list is offered for removal.
  const missing = into ? [] : (preview?.update?.missing ?? []);
  // A new file, a new choice: the choice to remove belongs to the preview it was made in.
  const [choice, setChoice] = useState<{ pending: PendingImport | null; remove: boolean }>({ pending: null, remove: false });
  const removeMissing = choice.pending === pending && choice.remove;
  const setRemoveMissing = (remove: boolean) => setChoice({ pending, remove });
  return (
    <Modal
      open={pending !== null}
      title={pending?.kind === 'backup' ? `Restore from “${pending.fileName}”` : into ? `Import “${pending?.fileName ?? ''}” into “${into.title}”` : `Import “${preview?.title ?? ''}”`}
      onClose={onCancel}
      closable={!(busy && pending?.kind === 'backup')}
    >
      {pending?.kind === 'backup' && <BackupChoice preview={pending.preview} busy={busy} onConfirm={onConfirm} onCancel={onCancel} />}
      {preview && pending && (
        <>
          <p className="dialog-lead" role="status">
            From {pending.fileName}: <strong>{counted(preview.resources.length, 'resource')}</strong> {into ? `read, to go into “${into.title}”` : 'will be added as a new list'}
            {parts > 0 && `, with ${counted(parts, 'part')}`}
            {done > 0 && `, ${done} already done`}. {skipped.length > 0 ? `${skipped.length} skipped.` : 'Nothing skipped.'}
            {notes.length > 0 && ` ${notes.length === 1 ? 'One note' : `${notes.length} notes`} on what is added, below.`}
          </p>
          {preview.update && (
            <UpdateDiff update={preview.update} title={preview.title} into={into} missing={missing} removeMissing={removeMissing} onRemoveMissing={setRemoveMissing} />
          )}
          <div className="import-columns">
            <section aria-labelledby="import-added">
              <h3 id="import-added" className="subitems-heading">
                {into ? 'In the file' : 'Will be added'}
              </h3>
              <ol className="import-list">
                {preview.resources.slice(0, 200).map((r, i) => (
                  <li key={i}>
                    {r.done && <span className="muted">✓ </span>}
                    {r.title}
                    {r.group && <span className="muted"> · {r.group}</span>}
                    {r.parts.length > 0 && <span className="muted"> · {counted(r.parts.length, 'part')}</span>}
                  </li>
                ))}
              </ol>
              {preview.resources.length > 200 && <p className="muted">…and {preview.resources.length - 200} more.</p>}
            </section>
            {skipped.length > 0 && <SkippedList id="import-skipped" heading="Skipped, and why" entries={skipped} />}
            {notes.length > 0 && <SkippedList id="import-notes" heading="Notes on what is added" entries={notes} />}
          </div>
          <footer className="dialog-footer">
            <button type="button" className="button" disabled={cancelling} onClick={onCancel}>
              {cancelling ? 'Cancelling…' : 'Cancel'}
            </button>
            {preview.update && (
              <button type="button" className="button" disabled={busy} onClick={() => onConfirm('new')}>
                Import as a new list
              </button>
            )}
            <button type="button" className="button button-primary" disabled={busy} onClick={() => onConfirm(preview.update ? 'update' : 'new', { removeMissing })}>
              {into ? `Import into “${into.title}”` : preview.update ? 'Update the existing list' : 'Import list'}
            </button>
          </footer>
        </>
      )}
    </Modal>
  );
}

function SkippedList({ id, heading, entries }: { id: string; heading: string; entries: Skipped[] }) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="subitems-heading">
        {heading}
      </h3>
      <ul className="import-list">
        {entries.slice(0, 200).map((s, i) => (
          <li key={i}>
            {s.line !== null && <span className="muted">Line {s.line}: </span>}
            <q>{s.text}</q> — {s.reason}
          </li>
        ))}
      </ul>
      {entries.length > 200 && <p className="muted">…and {entries.length - 200} more.</p>}
    </section>
  );
}
