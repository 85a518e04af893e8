import type { Note, ProgressEntry, Resource } from '../../data/schema';
import { hostOf, isWebUrl, kindLabel } from '../format';
import type { SaveNote } from '../hooks/useNoteDraft';
import { isDone, partsProgress, resourceDone } from '../progress';
import { ExternalLink } from './ExternalLink';
import { NotesPanel } from './NotesPanel';
import { ProgressBar } from './ProgressBar';

export interface ResourceActions {
  /** A file from a newer version is shown, not changed. */
  readOnly: boolean;
  setDone: (ref: string, done: boolean) => void;
  openLink: (ref: string) => void;
  saveNote: SaveNote;
}

interface Props extends ResourceActions {
  listId: string;
  resource: Resource;
  position: number;
  progress: Record<string, ProgressEntry>;
  note: Note | undefined;
}

export function ResourceCard({ listId, resource, position, progress, note, readOnly, setDone, openLink, saveNote }: Props) {
  const ref = `${listId}/${resource.id}`;
  const ticked = isDone(progress, ref);
  const complete = resourceDone(progress, listId, resource);
  const parts = partsProgress(progress, listId, resource);
  const headingId = `title-${resource.id}`;
  return (
    <li className={`resource${complete ? ' resource-done' : ''}`} aria-labelledby={headingId}>
      <div className="resource-main">
        <input
          type="checkbox"
          className="check check-large"
          checked={ticked}
          disabled={readOnly}
          onChange={(event) => setDone(ref, event.target.checked)}
          aria-label={`Read: ${resource.title}`}
        />
        <div className="resource-body">
          <h3 className="resource-title" id={headingId}>
            <span className="resource-position" aria-hidden="true">
              {position}.
            </span>{' '}
            <ExternalLink url={resource.url} onOpen={() => openLink(ref)}>
              {resource.title}
            </ExternalLink>
          </h3>
          <p className="resource-meta">
            <span className={`kind kind-${resource.kind}`}>{kindLabel(resource.kind)}</span>
            {resource.author && <span className="author">by {resource.author}</span>}
            {isWebUrl(resource.url) && <span className="host">{hostOf(resource.url)}</span>}
          </p>
          {resource.description && <p className="resource-description">{resource.description}</p>}

          {resource.links.length > 0 && (
            <section className="subitems" aria-label={`Also in ${resource.title}`}>
              <h4 className="subitems-heading">Also in this resource</h4>
              <ul className="subitem-list">
                {resource.links.map((link) => {
                  const linkRef = `${ref}/${link.id}`;
                  return (
                    <li key={link.id} className={`subitem${isDone(progress, linkRef) ? ' subitem-done' : ''}`}>
                      <input
                        type="checkbox"
                        className="check"
                        checked={isDone(progress, linkRef)}
                        disabled={readOnly}
                        onChange={(event) => setDone(linkRef, event.target.checked)}
                        aria-label={`Read: ${link.title}`}
                      />
                      <div>
                        <ExternalLink url={link.url} onOpen={() => openLink(linkRef)} className="subitem-title">
                          {link.title}
                        </ExternalLink>
                        {link.description && <p className="subitem-description">{link.description}</p>}
                      </div>
                    </li>
                  );
                })}
              </ul>
            </section>
          )}

          {resource.parts.length > 0 && (
            <section className="subitems" aria-label={`Parts of ${resource.title}`}>
              <div className="parts-header">
                <h4 className="subitems-heading">Parts</h4>
                <span className="parts-count">
                  {parts.done} / {parts.total}
                </span>
                <ProgressBar done={parts.done} total={parts.total} label={`${resource.title}: parts read`} />
              </div>
              <ol className="subitem-list parts">
                {resource.parts.map((part) => {
                  const partRef = `${ref}/${part.id}`;
                  const done = isDone(progress, partRef);
                  return (
                    <li key={part.id} className={`subitem${done ? ' subitem-done' : ''}`}>
                      <input
                        type="checkbox"
                        className="check"
                        checked={done}
                        disabled={readOnly}
                        onChange={(event) => setDone(partRef, event.target.checked)}
                        aria-label={`Read: ${part.title}`}
                      />
                      <ExternalLink
                        url={part.url ?? resource.url}
                        onOpen={() => openLink(partRef)}
                        className="subitem-title"
                        hint={part.url ? undefined : `No link of its own: opens ${resource.title}`}
                      >
                        {part.title}
                      </ExternalLink>
                      {!part.url && (
                        <span className="via-parent">
                          {resource.kind === 'video-series' ? 'in the playlist' : 'via the main link'}
                        </span>
                      )}
                    </li>
                  );
                })}
              </ol>
            </section>
          )}

          <NotesPanel noteRef={ref} title={resource.title} note={note} save={saveNote} readOnly={readOnly} />
        </div>
      </div>
    </li>
  );
}
