import { useState } from 'react';
import type { SameLink } from '../../data/model/duplicates';
import { parseEstimate } from '../../data/model/estimate';
import type { Resource, StudyList } from '../../data/model/schema';
import { isWebUrl } from '../format';
import { useBusy } from '../hooks/useBusy';
import '../styles/tags.css';
import { draftOf, EditorFields, MoveControls, type Draft } from './ResourceEditorFields';

export interface ResourceFieldsInput {
  title: string;
  url: string | null;
  author: string | null;
  description: string;
  kind: string;
  /** As typed, split at commas: main trims them, drops empty and repeated ones, and refuses what it cannot keep. */
  tags: string[];
  /** Typed by the user (data/model/estimate.ts); null: none; absent (a link saved from the browser): left as it is. */
  estimateMinutes?: number | null;
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

/**
 * The add form once what was sent is added: empty again, but for what was typed while it was being
 * saved (the next title begun at once, after the first): that stays, less the part that was sent.
 */
function afterAdding(now: Draft, sent: Draft): Draft {
  const next = draftOf(undefined);
  for (const key of Object.keys(next) as Array<keyof Draft>) {
    const typed = now[key];
    const was = sent[key];
    if (typed !== was) next[key] = was !== '' && typed.startsWith(was) ? typed.slice(was.length).trimStart() : typed;
  }
  return next;
}

/** The fields of a resource, for adding one or editing it; editing also moves and deletes. */
export function ResourceEditor({ resource, lists, listId, index = 0, count = 0, onSave, onCancel, onMove, onDelete, submitLabel, sameLink, onOpenExisting }: Props) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(resource));
  const { title, url, author, description, kind, tags, estimate } = draft;
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
    const sent = draft;
    const saved = await onSave({ title: named, url: link || null, author: author.trim() || null, description, kind, tags: tags.split(','), estimateMinutes: typed.minutes });
    if (saved && !resource) setDraft((now) => afterAdding(now, sent));
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
      <EditorFields draft={draft} onChange={(field, value) => setDraft((d) => ({ ...d, [field]: value }))} />
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
        {resource && onMove && lists && listId && <MoveControls lists={lists} listId={listId} index={index} count={count} onMove={onMove} />}
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
