import { useCallback } from 'react';
import type { ProgressEntry, Resource, Status } from '../../data/model/schema';
import { formatMinutes } from '../../data/model/study-time';
import { useActions } from '../actions';
import { hostOf, isWebUrl, kindLabel } from '../format';
import { useStudyTimeContext } from '../hooks/useStudyTime';
import { derivedStatus, isDone, isExplicit } from '../progress';
import { statusChanged } from '../wording';
import { ExternalLink } from './ExternalLink';
import { Highlighted } from './Highlighted';
import { LinkCheckLine } from './LinkCheckLine';
import { estimateText } from './PageFillLine';
import { ReadCheckbox } from './ReadCheckbox';
import { ResourceEditor } from './ResourceEditor';
import { StatusSelect } from './StatusSelect';

const day = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** The line under a card's title: its kind, group, author, site, estimate, dates and time studied. */
export function ResourceMeta({ resource, resourceRef, entry, terms }: { resource: Resource; resourceRef: string; entry: ProgressEntry | undefined; terms: string[] }) {
  const study = useStudyTimeContext();
  return (
    <p className="resource-meta">
      <span className={`kind kind-${resource.kind}`}>{kindLabel(resource.kind)}</span>
      {resource.group && <span className="group">{resource.group}</span>}
      {resource.author && (
        <span className="author">
          by <Highlighted text={resource.author} terms={terms} />
        </span>
      )}
      {isWebUrl(resource.url) && <span className="host">{resource.siteName ?? hostOf(resource.url)}</span>}
      {resource.estimateMinutes !== undefined && <span className="estimate">{estimateText(resource.estimateMinutes)}</span>}
      {entry?.startedAt && <span className="dates">Started {day.format(new Date(entry.startedAt))}</span>}
      {entry?.doneAt && <span className="dates">Finished {day.format(new Date(entry.doneAt))}</span>}
      {!!study?.spent.get(resourceRef) && <span className="dates">Studied {formatMinutes(study.spent.get(resourceRef)!)}</span>}
    </p>
  );
}

/** The links a resource holds besides its parts ("Also in this resource"), each with its checkbox. */
export function AlsoInResource({ resource, resourceRef, progress, terms }: { resource: Resource; resourceRef: string; progress: Record<string, ProgressEntry>; terms: string[] }) {
  const actions = useActions();
  return (
    <section className="subitems" aria-label={`Also in ${resource.title}`}>
      <h3 className="subitems-heading">Also in this resource</h3>
      <ul className="subitem-list">
        {resource.links.map((link) => {
          const linkRef = `${resourceRef}/${link.id}`;
          return (
            <li key={link.id} className={`subitem${isDone(progress, linkRef) ? ' subitem-done' : ''}`}>
              <ReadCheckbox itemRef={linkRef} title={link.title} checked={isDone(progress, linkRef)} />
              <div>
                <ExternalLink url={link.url} onOpen={() => actions.openLink(linkRef)} className="subitem-title">
                  <Highlighted text={link.title} terms={terms} />
                </ExternalLink>
                {link.description && <p className="subitem-description">{link.description}</p>}
                <LinkCheckLine itemRef={linkRef} url={link.url} title={link.title} formerUrls={link.formerUrls} quietWhenOk />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** A card's own buttons beside its note: add parts, start a timer, edit. */
export function CardActions({ resource, resourceRef, showAddParts, onAddParts, editing, onToggleEdit }: { resource: Resource; resourceRef: string; showAddParts: boolean; onAddParts: () => void; editing: boolean; onToggleEdit: () => void }) {
  const study = useStudyTimeContext();
  return (
    <span className="card-actions">
      {showAddParts && (
        <button type="button" className="link-button" onClick={onAddParts}>
          + Add parts
        </button>
      )}
      {study &&
        (study.timerRef === resourceRef ? (
          <span className="muted">Timer running</span>
        ) : (
          <button type="button" className="link-button" onClick={() => void study.start(resourceRef, resource.title)} aria-label={`Start timer on ${resource.title}`}>
            Start timer
          </button>
        ))}
      <button type="button" className="link-button" aria-expanded={editing} onClick={onToggleEdit} aria-label={`Edit ${resource.title}`}>
        Edit
      </button>
    </span>
  );
}

/** A card's title (its number, its link) and its status menu. */
export function CardHead(props: { listId: string; resource: Resource; progress: Record<string, ProgressEntry>; position: number; status: Status; terms: string[]; headingId: string }) {
  const { listId, resource, progress, position, status, terms, headingId } = props;
  const actions = useActions();
  const resourceRef = `${listId}/${resource.id}`;
  // The same function while the card's resource is: the (memoised) status menu is then not rendered
  // again when a keystroke changes only the card's highlights.
  const { changeStatus } = actions;
  const { title } = resource;
  const onStatus = useCallback((next: Status | null) => changeStatus(resourceRef, next, statusChanged(title, next)), [changeStatus, resourceRef, title]);
  return (
    <div className="resource-head">
      <h2 className="resource-title" id={headingId}>
        <span className="resource-position" aria-hidden="true">
          {position}.
        </span>{' '}
        <ExternalLink url={resource.url} onOpen={() => actions.openLink(resourceRef)}>
          <Highlighted text={resource.title} terms={terms} />
        </ExternalLink>
      </h2>
      <StatusSelect
        title={resource.title}
        status={status}
        derived={resource.parts.length > 0 ? derivedStatus(progress, listId, resource) : undefined}
        explicit={isExplicit(progress, listId, resource)}
        disabled={actions.readOnly}
        onChange={onStatus}
      />
    </div>
  );
}

/** A card's editor (Edit): saved, moved or deleted through the window's actions; closed once saved. */
export function CardEditor({ listId, resource, index, count, onClose }: { listId: string; resource: Resource; index: number; count: number; onClose: () => void }) {
  const actions = useActions();
  const resourceRef = `${listId}/${resource.id}`;
  return (
    <ResourceEditor
      resource={resource}
      lists={actions.lists}
      listId={listId}
      index={index}
      count={count}
      submitLabel="Save"
      onCancel={onClose}
      onSave={async (fields) => {
        const ok = await actions.resources.update(resourceRef, fields);
        if (ok) onClose();
        return ok;
      }}
      onMove={(toListId, toIndex) => void actions.resources.move(resourceRef, { listId, index }, toListId, toIndex)}
      onDelete={() => void actions.resources.remove(resourceRef, resource.title)}
    />
  );
}
