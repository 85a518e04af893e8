import { useMemo } from 'react';
import type { StudyDocument } from '../../data/model/schema';
import { notesWithConflicts } from '../../data/model/markers';
import { counted } from '../wording';
import type { useSync } from './useSync';

/** The notes holding conflict markers, and the sidebar's short sync line (none when the data is not in a shared folder). */
export function useSyncLine(info: ReturnType<typeof useSync>['info'], notes: StudyDocument['notes'] | undefined) {
  // Only notes can hold conflict markers: looked at again when notes change, not on every tick.
  const conflicts = useMemo(() => (notes ? notesWithConflicts(notes) : []), [notes]);
  const waiting = info?.status?.peers.some((p) => p.waiting) ?? false;
  const syncLine = !info?.dataFolder
    ? null
    : conflicts.length > 0
      ? { text: `Synced · ${counted(conflicts.length, 'note')} to resolve`, attention: true }
      : waiting
        ? { text: 'Synced · waiting for a file to arrive', attention: true }
        : { text: 'Synced with the data folder', attention: false };
  return { conflicts, syncLine };
}
