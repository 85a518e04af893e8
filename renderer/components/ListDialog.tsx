import { useState } from 'react';
import type { StudyList } from '../../data/model/schema';
import { useBusy } from '../hooks/useBusy';
import { Modal } from './Modal';

interface Props {
  /** null: closed; 'new': create a list; a list: edit it. */
  target: StudyList | 'new' | null;
  position: { index: number; count: number };
  onClose: () => void;
  onSave: (fields: { title: string; description: string }) => Promise<boolean>;
  onMove: (to: number) => void;
  onReset: () => void;
  onDelete: () => void;
}

/** Create a list, or rename, describe, move, reset or delete one. Deleting can be undone. */
export function ListDialog({ target, position, onClose, onSave, onMove, onReset, onDelete }: Props) {
  const editing = target !== null && target !== 'new' ? target : null;
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  // A second click (or Enter) while the list is being created would create it twice.
  const [busy, run] = useBusy();

  function reset() {
    setTitle(editing?.title ?? '');
    setDescription(editing?.description ?? '');
    setError(null);
    setConfirmDelete(false);
  }

  async function save() {
    if (title.trim() === '') return setError('A list needs a title.');
    if (await onSave({ title, description })) onClose();
  }

  return (
    <Modal open={target !== null} title={editing ? 'Edit list' : 'New list'} onClose={onClose} onOpen={reset} narrow>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void run(save);
        }}
      >
        <label className="field">
          <span>Title</span>
          <input type="text" value={title} onChange={(e) => setTitle(e.target.value)} data-autofocus />
        </label>
        <label className="field">
          <span>Description</span>
          <textarea rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {editing && (
          <div className="form-actions-left">
            <button type="button" className="button" disabled={position.index === 0} onClick={() => onMove(position.index - 1)}>
              Move up
            </button>
            <button type="button" className="button" disabled={position.index >= position.count - 1} onClick={() => onMove(position.index + 1)}>
              Move down
            </button>
            {editing.bundledVersion !== null && (
              <button type="button" className="button" onClick={onReset} title="Your progress and notes stay">
                Reset to the published version
              </button>
            )}
            {confirmDelete ? (
              <button type="button" className="button button-danger" onClick={onDelete}>
                Delete “{editing.title}”
              </button>
            ) : (
              <button type="button" className="button" onClick={() => setConfirmDelete(true)}>
                Delete list…
              </button>
            )}
          </div>
        )}
        <footer className="dialog-footer">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" aria-disabled={busy} aria-busy={busy}>
            {editing ? 'Save' : 'Create list'}
          </button>
        </footer>
      </form>
    </Modal>
  );
}
