import { useId, useState } from 'react';
import type { SameLink } from '../../data/duplicates';
import { estimateField, parseEstimate } from '../../data/estimate';
import type { Resource, StudyList } from '../../data/schema';
import { isWebUrl, kindLabel } from '../format';
import { useBusy } from '../hooks/useBusy';
import '../styles/tags.css';

export interface ResourceFieldsInput {
  title: string;
  url: string | null;
  author: string | null;
  description: string;
  kind: string;
  /** As typed, split at commas: main trims them, drops empty and repeated ones, and refuses what it cannot keep. */
  tags: string[];
  /** Typed by the user (data/estimate.ts); null: none; absent (a link saved from the browser): left as it is. */
  estimateMinutes?: number | null;
}

/** The kinds offered when adding or editing (a resource's own kind, if another, is offered too). */
const KINDS = ['link', 'article', 'blog', 'blog-series', 'book', 'course', 'documentation', 'reference', 'talk', 'tutorial', 'video', 'video-series'];

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
  /** Adding: the resources that already have this address (this list's first), to warn before a second. */
  sameLink?: (url: string) => SameLink[];
  /** Adding: shows the existing resource the warning names. */
  onOpenExisting?: (hit: SameLink) => void;
}

/** "This link is already in this list, as “PEPs”." — where the address being added already is. */
export function sameLinkWarning(hits: readonly SameLink[], listId: string | undefined): string {
  const [first] = hits;
  if (!first) return '';
  const where = first.listId === listId ? 'this list' : `“${first.listTitle}”`;
  const more = hits.length > 1 ? ` (and in ${hits.length - 1} more ${hits.length === 2 ? 'place' : 'places'})` : '';
  return `This link is already in ${where}, as “${first.resourceTitle}”${more}.`;
}

/** The fields of a resource, for adding one or editing it; editing also moves and deletes. */
export function ResourceEditor({ resource, lists, listId, index = 0, count = 0, onSave, onCancel, onMove, onDelete, submitLabel, sameLink, onOpenExisting }: Props) {
  const [title, setTitle] = useState(resource?.title ?? '');
  const [url, setUrl] = useState(resource?.url ?? '');
  const [author, setAuthor] = useState(resource?.author ?? '');
  const [description, setDescription] = useState(resource?.description ?? '');
  const [kind, setKind] = useState(resource?.kind ?? 'link');
  const [tags, setTags] = useState((resource?.tags ?? []).join(', '));
  const [estimate, setEstimate] = useState(estimateField(resource?.estimateMinutes));
  const kinds = KINDS.includes(kind) ? KINDS : [...KINDS, kind];
  const fieldId = useId();
  const [error, setError] = useState<string | null>(null);

  const [busy, run] = useBusy();
  // The warning for the address as it was when Add was pressed: it goes when the address changes.
  const [duplicate, setDuplicate] = useState<{ url: string; hits: SameLink[] } | null>(null);
  const shownDuplicate = duplicate && duplicate.url === url.trim() ? duplicate : null;

  async function save(anyway = false) {
    const link = url.trim();
    if (title.trim() === '' && link === '') return setError('A resource needs a title or a link.');
    if (link !== '' && !isWebUrl(link)) return setError('A link must be an http or https address.');
    const typed = parseEstimate(estimate);
    if (!typed.ok) return setError(typed.message);
    if (!resource && !anyway && link !== '' && sameLink) {
      const hits = sameLink(link);
      if (hits.length > 0) {
        setError(null);
        return setDuplicate({ url: link, hits });
      }
    }
    setDuplicate(null);
    // A link alone is enough: its address stands for the title until the user gives one.
    const named = title.trim() === '' ? titleFromAddress(link) : title;
    const saved = await onSave({ title: named, url: link || null, author: author.trim() || null, description, kind, tags: tags.split(','), estimateMinutes: typed.minutes });
    if (saved && !resource) {
      setTitle('');
      setUrl('');
      setAuthor('');
      setDescription('');
      setKind('link');
      setTags('');
      setEstimate('');
    }
    if (saved) setError(null);
  }

  return (
    <form
      className="resource-editor"
      aria-label={resource ? `Edit ${resource.title}` : 'Add a resource'}
      onSubmit={(event) => {
        event.preventDefault();
        // One save at a time: a double click on Add adds one resource.
        void run(save);
      }}
      onKeyDown={(event) => {
        // Esc leaves the editor to its card, as it leaves a note.
        if (event.key === 'Escape' && onCancel) {
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        }
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
        {/* Labelled apart, not wrapped: a wrapping label's name would take in the chosen kind (“Kind Link”). */}
        <div className="field">
          <label htmlFor={`${fieldId}-kind`}>Kind</label>
          <select id={`${fieldId}-kind`} value={kind} onChange={(e) => setKind(e.target.value)}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${fieldId}-tags`}>Tags</label>
          <input id={`${fieldId}-tags`} type="text" value={tags} placeholder="python, gil" aria-describedby={`${fieldId}-tags-help`} onChange={(e) => setTags(e.target.value)} />
          <span id={`${fieldId}-tags-help`} className="field-help">
            Separated by commas
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${fieldId}-estimate`}>Estimate</label>
          <input id={`${fieldId}-estimate`} type="text" inputMode="text" value={estimate} placeholder="1h 30m" aria-describedby={`${fieldId}-estimate-help`} onChange={(e) => setEstimate(e.target.value)} />
          <span id={`${fieldId}-estimate-help`} className="field-help">
            How long it takes: minutes, or hours and minutes
          </span>
        </div>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {shownDuplicate && (
        <div className="same-link">
          <p role="alert">{sameLinkWarning(shownDuplicate.hits, listId)}</p>
          <button type="button" className="button" aria-disabled={busy} onClick={() => void run(() => save(true))}>
            Add anyway
          </button>
          {onOpenExisting && (
            <button type="button" className="button" onClick={() => onOpenExisting(shownDuplicate.hits[0]!)}>
              Open “{shownDuplicate.hits[0]!.resourceTitle}”
            </button>
          )}
        </div>
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
        <button type="submit" className="button button-primary" aria-disabled={busy} aria-busy={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

/** "example.com/guide/intro" for https://www.example.com/guide/intro/: what a bare link is called. */
export function titleFromAddress(address: string): string {
  try {
    const url = new URL(address);
    const path = decodeURIComponent(url.pathname).replace(/\/+$/, '');
    return `${url.hostname.replace(/^www\./, '')}${path}`.slice(0, 1000) || address;
  } catch {
    return address;
  }
}
