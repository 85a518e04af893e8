import { useId } from 'react';
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

/** Up, down, or to another list (at its end). */
export function MoveControls({ lists, listId, index, count, onMove }: MoveProps) {
  return (
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
  );
}
