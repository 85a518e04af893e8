import { useState } from 'react';
import type { ProgressEntry, Resource } from '../../data/schema';
import { useActions } from '../actions';
import { useBusy } from '../hooks/useBusy';
import { partsProgress, statusOf } from '../progress';
import { plural, statusChanged } from '../wording';
import { ExternalLink } from './ExternalLink';
import { Highlighted } from './Highlighted';
import { LinkCheckLine } from './LinkCheckLine';
import { ProgressBar } from './ProgressBar';
import { ReadCheckbox } from './ReadCheckbox';
import { StatusSelect } from './StatusSelect';

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
    <section className="subitems" aria-label={`Parts of ${resource.title}`}>
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
          if (editing) {
            return (
              <li key={part.id} className="subitem part-edit">
                <input
                  type="text"
                  className="part-title-input"
                  defaultValue={part.title}
                  aria-label={`Title of part ${index + 1}`}
                  onBlur={(event) => {
                    const title = event.target.value;
                    if (title.trim() === '') {
                      event.target.value = part.title;
                      setError('A part needs a title.');
                    } else if (title.trim() !== part.title) {
                      setError(null);
                      void actions.parts.rename(partRef, part.title, title);
                    }
                  }}
                  onKeyDown={(event) => event.key === 'Enter' && event.currentTarget.blur()}
                />
                <button type="button" className="icon-button small" aria-label={`Move “${part.title}” up`} disabled={index === 0} onClick={() => void actions.parts.move(partRef, index, index - 1)}>
                  ↑
                </button>
                <button
                  type="button"
                  className="icon-button small"
                  aria-label={`Move “${part.title}” down`}
                  disabled={index === resource.parts.length - 1}
                  onClick={() => void actions.parts.move(partRef, index, index + 1)}
                >
                  ↓
                </button>
                <button type="button" className="icon-button small danger" aria-label={`Remove “${part.title}”`} onClick={() => void actions.parts.remove(ref, partRef)}>
                  ✕
                </button>
              </li>
            );
          }
          return (
            <li key={part.id} className={`subitem subitem-${status}`} data-part={partRef} tabIndex={-1} aria-label={`Part: ${part.title}`}>
              <ReadCheckbox itemRef={partRef} title={part.title} checked={status === 'done'} />
              <ExternalLink
                url={part.url ?? resource.url}
                onOpen={() => actions.openLink(partRef)}
                className="subitem-title"
                hint={part.url ? undefined : `No link of its own: opens ${resource.title}`}
              >
                <Highlighted text={part.title} terms={terms} />
              </ExternalLink>
              <span className="via-parent">{part.url ? '' : resource.kind === 'video-series' ? 'in the playlist' : 'via the main link'}</span>
              <StatusSelect
                title={part.title}
                status={status}
                explicit
                compact
                disabled={actions.readOnly}
                onChange={(next) => actions.changeStatus(partRef, next, statusChanged(part.title, next))}
              />
              <LinkCheckLine itemRef={partRef} url={part.url} title={part.title} formerUrls={part.formerUrls} quietWhenOk />
            </li>
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
