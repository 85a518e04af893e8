import { useLayoutEffect, useRef, useState } from 'react';
import type { ProgressEntry, Resource } from '../../data/model/schema';
import { focusKept, PartEditRow, PartRow, type KeptFocus } from './PartRows';
import { useActions } from '../actions';
import { useBusy } from '../hooks/useBusy';
import { partsProgress, statusOf } from '../progress';
import { plural } from '../wording';
import { ProgressBar } from './ProgressBar';

interface Props {
  listId: string;
  resource: Resource;
  progress: Record<string, ProgressEntry>;
  terms: string[];
  editing: boolean;
  onEditingChange: (editing: boolean) => void;
}

/** The parts of a multi-part resource: tick and set status; in edit mode rename, reorder, remove, add. */
export function PartsSection({ listId, resource, progress, terms, editing, onEditingChange }: Props) {
  const actions = useActions();
  const ref = `${listId}/${resource.id}`;
  const counts = partsProgress(progress, listId, resource);
  const [newTitle, setNewTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  // A double click on "Add part" adds it once.
  const [adding, run] = useBusy();
  // The part moved or removed from the keyboard keeps the focus once the parts have changed.
  const section = useRef<HTMLElement>(null);
  const kept = useRef<KeptFocus | null>(null);
  useLayoutEffect(() => {
    if (kept.current && section.current) focusKept(section.current, kept.current);
    kept.current = null;
  }, [resource.parts]);

  async function add() {
    if (newTitle.trim() === '') {
      setError('A part needs a title.');
      return;
    }
    if (await actions.parts.add(ref, newTitle)) {
      setNewTitle('');
      setError(null);
    }
  }

  return (
    <section ref={section} className="subitems" aria-label={`Parts of ${resource.title}`}>
      <div className="parts-header">
        <h3 className="subitems-heading">Parts</h3>
        {resource.parts.length > 0 && (
          <>
            <span className="parts-count">
              {counts.done} / {counts.total} {plural(counts.total, 'part')}
            </span>
            <ProgressBar done={counts.done} total={counts.total} label={`${resource.title}: parts read`} />
          </>
        )}
        {!actions.readOnly && (
          <button type="button" className="link-button" aria-pressed={editing} onClick={() => onEditingChange(!editing)}>
            {editing ? 'Done editing' : 'Edit parts'}
          </button>
        )}
      </div>
      <ol className="subitem-list parts">
        {resource.parts.map((part, index) => {
          const partRef = `${ref}/${part.id}`;
          const status = statusOf(progress, partRef);
          return editing ? (
            <PartEditRow key={part.id} part={part} index={index} count={resource.parts.length} resourceRef={ref} onError={setError} onKeep={(focus) => (kept.current = focus)} />
          ) : (
            <PartRow key={part.id} part={part} resource={resource} status={status} partRef={partRef} terms={terms} />
          );
        })}
      </ol>
      {editing && (
        <form
          className="add-part"
          onSubmit={(event) => {
            event.preventDefault();
            void run(add);
          }}
        >
          <input
            type="text"
            value={newTitle}
            placeholder="Title of a new part, e.g. Lecture 10 - …"
            aria-label="Title of a new part"
            onChange={(event) => setNewTitle(event.target.value)}
          />
          <button type="submit" className="button" aria-disabled={adding} aria-busy={adding}>
            Add part
          </button>
        </form>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
