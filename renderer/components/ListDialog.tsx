import { useEffect, useRef, useState } from 'react';
import type { StudyList } from '../../data/schema';

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
  const dialog = useRef<HTMLDialogElement>(null);
  const editing = target !== null && target !== 'new' ? target : null;
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (target && element && !element.open) {
      setTitle(editing?.title ?? '');
      setDescription(editing?.description ?? '');
      setError(null);
      setConfirmDelete(false);
      element.showModal();
    }
    if (!target && element?.open) element.close();
  }, [target, editing]);

  async function save() {
    if (title.trim() === '') return setError('A list needs a title.');
    if (await onSave({ title, description })) onClose();
  }

  return (
    <dialog ref={dialog} className="dialog dialog-narrow" aria-labelledby="list-dialog-title" onClose={onClose}>
      <header className="dialog-header">
        <h2 id="list-dialog-title">{editing ? 'Edit list' : 'New list'}</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label className="field">
          <span>Title</span>
          <input type="text" value={title} onChange={(e) => setTitle(e.target.value)} autoFocus />
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
          <button type="submit" className="button button-primary">
            {editing ? 'Save' : 'Create list'}
          </button>
        </footer>
      </form>
    </dialog>
  );
}
