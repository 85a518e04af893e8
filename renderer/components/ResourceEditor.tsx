import { useState } from 'react';
import type { Resource, StudyList } from '../../data/schema';
import { isWebUrl } from '../format';

export interface ResourceFieldsInput {
  title: string;
  url: string | null;
  author: string | null;
  description: string;
}

interface Props {
  resource?: Resource;
  /** For moving: the lists there are, and where this resource is now. */
  lists?: StudyList[];
  listId?: string;
  index?: number;
  count?: number;
  onSave: (fields: ResourceFieldsInput) => Promise<boolean>;
  onCancel?: () => void;
  onMove?: (toListId: string, toIndex: number) => void;
  onDelete?: () => void;
  submitLabel: string;
}

/** The fields of a resource, for adding one or editing it; editing also moves and deletes. */
export function ResourceEditor({ resource, lists, listId, index = 0, count = 0, onSave, onCancel, onMove, onDelete, submitLabel }: Props) {
  const [title, setTitle] = useState(resource?.title ?? '');
  const [url, setUrl] = useState(resource?.url ?? '');
  const [author, setAuthor] = useState(resource?.author ?? '');
  const [description, setDescription] = useState(resource?.description ?? '');
  const [error, setError] = useState<string | null>(null);

  async function save() {
    if (title.trim() === '') return setError('A resource needs a title.');
    if (url.trim() !== '' && !isWebUrl(url.trim())) return setError('A link must be an http or https address.');
    const saved = await onSave({ title, url: url.trim() || null, author: author.trim() || null, description });
    if (saved && !resource) {
      setTitle('');
      setUrl('');
      setAuthor('');
      setDescription('');
    }
    if (saved) setError(null);
  }

  return (
    <form
      className="resource-editor"
      aria-label={resource ? `Edit ${resource.title}` : 'Add a resource'}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <div className="editor-grid">
        <label className="field">
          <span>Title</span>
          <input type="text" value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label className="field">
          <span>Link</span>
          <input type="url" value={url} placeholder="https://…" onChange={(e) => setUrl(e.target.value)} />
        </label>
        <label className="field">
          <span>Author</span>
          <input type="text" value={author} onChange={(e) => setAuthor(e.target.value)} />
        </label>
        <label className="field">
          <span>Description</span>
          <input type="text" value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="editor-actions">
        {resource && onMove && lists && listId && (
          <>
            <button type="button" className="button" disabled={index === 0} onClick={() => onMove(listId, index - 1)}>
              Move up
            </button>
            <button type="button" className="button" disabled={index >= count - 1} onClick={() => onMove(listId, index + 1)}>
              Move down
            </button>
            <select aria-label="Move to list" value="" onChange={(e) => e.target.value && onMove(e.target.value, 100_000)}>
              <option value="">Move to list…</option>
              {lists
                .filter((l) => l.id !== listId)
                .map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.title}
                  </option>
                ))}
            </select>
          </>
        )}
        {resource && onDelete && (
          <button type="button" className="button button-danger-outline" onClick={onDelete}>
            Delete
          </button>
        )}
        <span className="spacer" />
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="button button-primary">
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
