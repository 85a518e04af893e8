/** What a dragged resource carries: its ref and where it came from. Only our own drags carry this type. */
export const RESOURCE_DRAG_TYPE = 'application/x-studyshelf-resource';

export interface DraggedResource {
  ref: string;
  listId: string;
  index: number;
}

export function readDragged(event: React.DragEvent): DraggedResource | null {
  try {
    const value: unknown = JSON.parse(event.dataTransfer.getData(RESOURCE_DRAG_TYPE));
    if (value && typeof value === 'object' && 'ref' in value && 'listId' in value && 'index' in value) return value as DraggedResource;
  } catch {
    // Not one of ours.
  }
  return null;
}

export function isResourceDrag(event: React.DragEvent): boolean {
  return event.dataTransfer.types.includes(RESOURCE_DRAG_TYPE);
}
