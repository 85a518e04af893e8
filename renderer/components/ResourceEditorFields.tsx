import { useId, useLayoutEffect, useRef } from 'react';
import { estimateField } from '../../data/model/estimate';
import type { Resource, StudyList } from '../../data/model/schema';
import { kindLabel } from '../format';

// The parts of ResourceEditor: its fields as typed (a draft), and the controls that move a resource.

/** The kinds offered when adding or editing (a resource's own kind, if another, is offered too). */
const KINDS = ['link', 'article', 'blog', 'blog-series', 'book', 'course', 'documentation', 'reference', 'talk', 'tutorial', 'video', 'video-series'];

/** The editor's fields as the user types them (the estimate as text, the tags as one comma-separated line). */
export interface Draft {
  title: string;
  url: string;
  author: string;
  description: string;
  kind: string;
  tags: string;
  estimate: string;
}

/** The draft of a resource being edited, or an empty one for adding. */
export function draftOf(resource: Resource | undefined): Draft {
  return {
    title: resource?.title ?? '',
    url: resource?.url ?? '',
    author: resource?.author ?? '',
    description: resource?.description ?? '',
    kind: resource?.kind ?? 'link',
    tags: (resource?.tags ?? []).join(', '),
    estimate: estimateField(resource?.estimateMinutes),
  };
}

/** Title, link, author, description, kind, tags and estimate. */
export function EditorFields({ draft, onChange }: { draft: Draft; onChange: (field: keyof Draft, value: string) => void }) {
  const fieldId = useId();
  const { title, url, author, description, kind, tags, estimate } = draft;
  const kinds = KINDS.includes(kind) ? KINDS : [...KINDS, kind];
  return (
    <div className="editor-grid">
      <label className="field">
        <span>Title</span>
        <input type="text" value={title} onChange={(e) => onChange('title', e.target.value)} />
      </label>
      <label className="field">
        <span>Link</span>
        <input type="url" value={url} placeholder="https://…" onChange={(e) => onChange('url', e.target.value)} />
      </label>
      <label className="field">
        <span>Author</span>
        <input type="text" value={author} onChange={(e) => onChange('author', e.target.value)} />
      </label>
      <label className="field">
        <span>Description</span>
        <input type="text" value={description} onChange={(e) => onChange('description', e.target.value)} />
      </label>
      {/* Labelled apart, not wrapped: a wrapping label's name would take in the chosen kind (“Kind Link”). */}
      <div className="field">
        <label htmlFor={`${fieldId}-kind`}>Kind</label>
        <select id={`${fieldId}-kind`} value={kind} onChange={(e) => onChange('kind', e.target.value)}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {kindLabel(k)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${fieldId}-tags`}>Tags</label>
        <input id={`${fieldId}-tags`} type="text" value={tags} placeholder="python, gil" aria-describedby={`${fieldId}-tags-help`} onChange={(e) => onChange('tags', e.target.value)} />
        <span id={`${fieldId}-tags-help`} className="field-help">
          Separated by commas
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${fieldId}-estimate`}>Estimate</label>
        <input id={`${fieldId}-estimate`} type="text" inputMode="text" value={estimate} placeholder="1h 30m" aria-describedby={`${fieldId}-estimate-help`} onChange={(e) => onChange('estimate', e.target.value)} />
        <span id={`${fieldId}-estimate-help`} className="field-help">
          How long it takes: minutes, or hours and minutes
        </span>
      </div>
    </div>
  );
}

interface MoveProps {
  lists: StudyList[];
  listId: string;
  index: number;
  count: number;
  onMove: (toListId: string, toIndex: number) => void;
}

/**
 * Up, down, or to another list (at its end). The button pressed keeps the focus as the card moves (its
 * node moved down the page drops it), or the other one when the card reached an end (disabled under it).
 */
export function MoveControls({ lists, listId, index, count, onMove }: MoveProps) {
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  const pressed = useRef<'up' | 'down' | null>(null);
  useLayoutEffect(() => {
    const was = pressed.current;
    pressed.current = null;
    const active = document.activeElement;
    if (!was || (active && active !== document.body && !(active as HTMLButtonElement).disabled)) return;
    const [same, other] = was === 'up' ? [up.current, down.current] : [down.current, up.current];
    (same && !same.disabled ? same : other)?.focus();
  }, [index]);
  const move = (direction: 'up' | 'down') => {
    pressed.current = direction;
    onMove(listId, direction === 'up' ? index - 1 : index + 1);
  };
  return (
    <>
      <button ref={up} type="button" className="button" disabled={index === 0} onClick={() => move('up')}>
        Move up
      </button>
      <button ref={down} type="button" className="button" disabled={index >= count - 1} onClick={() => move('down')}>
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
  );
}
