import { forwardRef, memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useEditorFocus } from '../hooks/useEditorFocus';
import { snippet } from '../search';
import type { Note, ProgressEntry, Resource } from '../../data/model/schema';
import { useActions } from '../actions';
import { RESOURCE_DRAG_TYPE } from '../drag';
import { effectiveStatus } from '../progress';
import { Highlighted } from './Highlighted';
import { LinkCheckLine } from './LinkCheckLine';
import { NotesPanel } from './NotesPanel';
import { PageFillLine } from './PageFillLine';
import { PartsSection } from './PartsSection';
import { ReadCheckbox } from './ReadCheckbox';
import { CardTags } from './CardTags';
import { ContextMenu } from './ContextMenu';
import { AlsoInResource, CardActions, CardEditor, CardHead, ResourceMeta } from './ResourceCardSections';
import { useCardDrop } from '../hooks/useCardDrop';
import { useCardMenu } from '../hooks/useCardMenu';

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
  /**
   * In a virtualised list: the card's index there (for measuring). The card is anchored at the list's
   * top; the virtualiser moves it into place itself (a transform written to the element, not a prop).
   */
  virtualIndex?: number;
  /** In a virtualised list: keeps this card in the page while it holds unsaved work (an open editor), however far it scrolls. */
  keep?: (resourceId: string) => () => void;
}

/** Where a card of a virtualised list sits before the virtualiser moves it: one object for every card. */
const VIRTUAL_ANCHOR = { position: 'absolute', top: 0, left: 0, right: 0 } as const;

/** Memoised: a long list re-renders while it scrolls, and a card whose data did not change stays as it is. */
export const ResourceCard = memo(forwardRef<HTMLLIElement, Props>(function ResourceCard(
  { listId, resource, position, progress, note, terms, noteRequest, index, count, virtualIndex, keep },
  ref,
) {
  const actions = useActions();
  const [editingParts, setEditingParts] = useState(false);
  const [editing, setEditing] = useState(false);
  // Scrolled far away, a card leaves a long list's page, and an open editor with it (what was typed too).
  const editorOpen = editing || editingParts;
  useEffect(() => (editorOpen && keep ? keep(resource.id) : undefined), [editorOpen, keep, resource.id]);
  const resourceRef = `${listId}/${resource.id}`;
  const status = effectiveStatus(progress, listId, resource);
  const noteSnippet = useMemo(() => (terms.length > 0 && note ? snippet(note.body, terms) : null), [note, terms]);
  const hasParts = resource.parts.length > 0;
  const entry = progress[resourceRef];
  const headingId = `title-${resource.id}`;
  const card = useRef<HTMLLIElement | null>(null);
  const closeEditor = useEditorFocus(card, editing, setEditing);
  // Stable, like the list's own ref: a new callback each render would re-measure the card.
  const setCardRef = useCallback(
    (element: HTMLLIElement | null) => {
      card.current = element;
      if (typeof ref === 'function') ref(element);
      else if (ref) ref.current = element;
    },
    [ref],
  );
  const { menu, setMenu, entries, closeMenu } = useCardMenu(listId, resource, index, status, card, setEditing);
  const { dropTarget, dropProps } = useCardDrop(listId, resourceRef, index);
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
      style={virtualIndex === undefined ? undefined : VIRTUAL_ANCHOR}
      {...dropProps}
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
          <CardHead listId={listId} resource={resource} progress={progress} position={position} status={status} terms={terms} headingId={headingId} />
          <ResourceMeta resource={resource} resourceRef={resourceRef} entry={entry} terms={terms} />
          <CardTags resourceRef={resourceRef} resource={resource} terms={terms} />
          <PageFillLine itemRef={resourceRef} pasted={resource.title === resource.url} />
          <LinkCheckLine itemRef={resourceRef} url={resource.url} title={resource.title} formerUrls={resource.formerUrls} />
          {editing && <CardEditor listId={listId} resource={resource} index={index} count={count} onClose={closeEditor} />}
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

          {resource.links.length > 0 && <AlsoInResource resource={resource} resourceRef={resourceRef} progress={progress} terms={terms} />}

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
              <CardActions resource={resource} resourceRef={resourceRef} showAddParts={!hasParts && !editingParts} onAddParts={() => setEditingParts(true)} editing={editing} onToggleEdit={() => setEditing((e) => !e)} />
            )}
          </div>
        </div>
      </div>
    </li>
  );
}));
