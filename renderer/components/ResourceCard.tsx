import { forwardRef, memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { commandById } from '../../electron/api/command-table';
import { registerCard, type CardCommandId } from '../card-commands';
import { snippet } from '../search';
import type { Note, ProgressEntry, Resource } from '../../data/schema';
import { useActions } from '../actions';
import { isResourceDrag, readDragged, RESOURCE_DRAG_TYPE } from '../drag';
import { hostOf, isWebUrl, kindLabel } from '../format';
import { derivedStatus, effectiveStatus, isDone, isExplicit } from '../progress';
import { statusChanged } from '../wording';
import { ExternalLink } from './ExternalLink';
import { Highlighted } from './Highlighted';
import { LinkCheckLine } from './LinkCheckLine';
import { NotesPanel } from './NotesPanel';
import { PageFillLine, estimateText } from './PageFillLine';
import { PartsSection } from './PartsSection';
import { ReadCheckbox } from './ReadCheckbox';
import { ResourceEditor } from './ResourceEditor';
import { StatusSelect } from './StatusSelect';
import { CardTags } from './CardTags';
import { formatMinutes } from '../../data/study-time';
import { useStudyTimeContext } from '../hooks/useStudyTime';
import { ContextMenu, type MenuEntry } from './ContextMenu';

interface Props {
  listId: string;
  resource: Resource;
  position: number;
  progress: Record<string, ProgressEntry>;
  note: Note | undefined;
  terms: string[];
  /** Bumped by the "edit note" shortcut. */
  noteRequest: number;
  /** Where it is in its list, for moving. */
  index: number;
  count: number;
  /** In a virtualised list: the card's index there (for measuring) and its offset from the list's top. */
  virtualIndex?: number;
  top?: number;
}

const day = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** Memoised: a long list re-renders while it scrolls, and a card whose data did not change stays as it is. */
export const ResourceCard = memo(forwardRef<HTMLLIElement, Props>(function ResourceCard(
  { listId, resource, position, progress, note, terms, noteRequest, index, count, virtualIndex, top },
  ref,
) {
  const actions = useActions();
  const study = useStudyTimeContext();
  const [editingParts, setEditingParts] = useState(false);
  const [editing, setEditing] = useState(false);
  const [dropTarget, setDropTarget] = useState(false);
  const resourceRef = `${listId}/${resource.id}`;
  const status = effectiveStatus(progress, listId, resource);
  const noteSnippet = useMemo(() => (terms.length > 0 && note ? snippet(note.body, terms) : null), [note, terms]);
  const hasParts = resource.parts.length > 0;
  const entry = progress[resourceRef];
  const headingId = `title-${resource.id}`;
  const [menu, setMenu] = useState<{ at: { x: number; y: number }; moving: boolean } | null>(null);
  const card = useRef<HTMLLIElement | null>(null);
  // Stable, like the list's own ref: a new callback each render would re-measure the card.
  const setCardRef = useCallback(
    (element: HTMLLIElement | null) => {
      card.current = element;
      if (typeof ref === 'function') ref(element);
      else if (ref) ref.current = element;
    },
    [ref],
  );
  const webLink = isWebUrl(resource.url) ? resource.url : null;
  const runCommand = useRef<(id: CardCommandId) => void>(() => undefined);
  runCommand.current = (id) => {
    if (actions.readOnly && commandById(id).changes) return;
    switch (id) {
      case 'copyLink':
        if (webLink) void navigator.clipboard.writeText(webLink).catch(() => undefined);
        break;
      case 'editResource':
        setEditing(true);
        break;
      case 'moveResource': {
        const box = card.current?.getBoundingClientRect();
        setMenu({ at: { x: (box?.left ?? 0) + 24, y: (box?.top ?? 0) + 24 }, moving: true });
        break;
      }
      case 'deleteResource':
        void actions.resources.remove(resourceRef, resource.title);
        break;
      case 'toggleDone':
        actions.setDone(resourceRef, status !== 'done', resource.title);
        break;
    }
  };
  useEffect(() => registerCard(resourceRef, (id) => runCommand.current(id)), [resourceRef]);
  const closeMenu = (refocus: boolean) => {
    setMenu(null);
    if (refocus) card.current?.focus({ preventScroll: true });
  };
  const entries: MenuEntry[] = !menu
    ? []
    : menu.moving
      ? actions.lists
          .filter((l) => l.id !== listId)
          .map((l) => ({
            key: l.id,
            label: l.title,
            run: () => {
              closeMenu(true);
              void actions.resources.move(resourceRef, { listId, index }, l.id, 100_000);
            },
          }))
      : (['openLink', 'copyLink', 'editResource', 'moveResource', 'deleteResource'] as const).map((id) => ({
          key: id,
          label: commandById(id).label,
          disabled: ((id === 'openLink' || id === 'copyLink') && !webLink) || (actions.readOnly && commandById(id).changes === true) || (id === 'moveResource' && actions.lists.length < 2),
          run: () => {
            if (id === 'moveResource') return setMenu((m) => m && { ...m, moving: true });
            closeMenu(id !== 'editResource' && id !== 'deleteResource');
            if (id === 'openLink') actions.openLink(resourceRef);
            else runCommand.current(id);
          },
        }));
  return (
    <li
      ref={setCardRef}
      onContextMenu={(event) => {
        event.preventDefault();
        setMenu({ at: { x: event.clientX, y: event.clientY }, moving: false });
      }}
      onKeyDown={(event) => {
        if (event.target !== event.currentTarget) return;
        if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
          event.preventDefault();
          const box = event.currentTarget.getBoundingClientRect();
          setMenu({ at: { x: box.left + 24, y: box.top + 24 }, moving: false });
        }
      }}
      className={`resource resource-${status}${dropTarget ? ' drop-target' : ''}`}
      aria-labelledby={headingId}
      tabIndex={-1}
      data-resource={resourceRef}
      data-index={virtualIndex}
      style={top === undefined ? undefined : { position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${top}px)` }}
      onDragOver={(event) => {
        if (actions.readOnly || !isResourceDrag(event)) return;
        event.preventDefault();
        setDropTarget(true);
      }}
      onDragLeave={() => setDropTarget(false)}
      onDrop={(event) => {
        setDropTarget(false);
        const dragged = readDragged(event);
        if (!dragged || dragged.ref === resourceRef) return;
        event.preventDefault();
        event.stopPropagation();
        void actions.resources.move(dragged.ref, { listId: dragged.listId, index: dragged.index }, listId, index);
      }}
    >
      {!actions.readOnly && (
        <span
          className="drag-handle"
          draggable
          title="Drag to move (or use Edit → Move up / down)"
          aria-hidden="true"
          onDragStart={(event) => {
            event.dataTransfer.setData(RESOURCE_DRAG_TYPE, JSON.stringify({ ref: resourceRef, listId, index }));
            event.dataTransfer.effectAllowed = 'move';
          }}
        >
          ⠿
        </span>
      )}
      {menu && (
        <ContextMenu
          label={menu.moving ? `Move “${resource.title}” to list` : `Actions for ${resource.title}`}
          entries={entries}
          at={menu.at}
          onClose={closeMenu}
        />
      )}
      <div className="resource-main">
        <ReadCheckbox itemRef={resourceRef} title={resource.title} checked={status === 'done'} large />
        <div className="resource-body">
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
              derived={hasParts ? derivedStatus(progress, listId, resource) : undefined}
              explicit={isExplicit(progress, listId, resource)}
              disabled={actions.readOnly}
              onChange={(next) => actions.changeStatus(resourceRef, next, statusChanged(resource.title, next))}
            />
          </div>
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
          <CardTags resourceRef={resourceRef} resource={resource} terms={terms} />
          <PageFillLine itemRef={resourceRef} pasted={resource.title === resource.url} />
          <LinkCheckLine itemRef={resourceRef} url={resource.url} title={resource.title} formerUrls={resource.formerUrls} />
          {editing && (
            <ResourceEditor
              resource={resource}
              lists={actions.lists}
              listId={listId}
              index={index}
              count={count}
              submitLabel="Save"
              onCancel={() => setEditing(false)}
              onSave={async (fields) => {
                const ok = await actions.resources.update(resourceRef, fields);
                if (ok) setEditing(false);
                return ok;
              }}
              onMove={(toListId, toIndex) => void actions.resources.move(resourceRef, { listId, index }, toListId, toIndex)}
              onDelete={() => void actions.resources.remove(resourceRef, resource.title)}
            />
          )}
          {resource.description && (
            <p className="resource-description">
              <Highlighted text={resource.description} terms={terms} />
            </p>
          )}
          {noteSnippet && (
            <p className="note-match">
              <span className="muted">In your notes: </span>
              <Highlighted text={noteSnippet} terms={terms} />
            </p>
          )}

          {resource.links.length > 0 && (
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
          )}

          {(hasParts || editingParts) && (
            <PartsSection
              listId={listId}
              resource={resource}
              progress={progress}
              terms={terms}
              editing={editingParts}
              onEditingChange={setEditingParts}
            />
          )}

          <div className="resource-footer">
            <NotesPanel noteRef={resourceRef} title={resource.title} note={note} openRequest={noteRequest} />
            {!actions.readOnly && (
              <span className="card-actions">
                {!hasParts && !editingParts && (
                  <button type="button" className="link-button" onClick={() => setEditingParts(true)}>
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
                <button type="button" className="link-button" aria-expanded={editing} onClick={() => setEditing((e) => !e)} aria-label={`Edit ${resource.title}`}>
                  Edit
                </button>
              </span>
            )}
          </div>
        </div>
      </div>
    </li>
  );
}));
