import { useState, type DragEvent } from 'react';
import { useActions } from '../actions';
import { isResourceDrag, readDragged } from '../drag';

/** A card as a drop target: a resource dragged onto it moves to its place; shown while one is over it. */
export function useCardDrop(listId: string, resourceRef: string, index: number) {
  const actions = useActions();
  const [dropTarget, setDropTarget] = useState(false);
  const dropProps = {
    onDragOver: (event: DragEvent) => {
      if (actions.readOnly || !isResourceDrag(event)) return;
      event.preventDefault();
      setDropTarget(true);
    },
    onDragLeave: () => setDropTarget(false),
    onDrop: (event: DragEvent) => {
      setDropTarget(false);
      const dragged = readDragged(event);
      if (!dragged || dragged.ref === resourceRef) return;
      event.preventDefault();
      event.stopPropagation();
      void actions.resources.move(dragged.ref, { listId: dragged.listId, index: dragged.index }, listId, index);
    },
  };
  return { dropTarget, dropProps };
}
