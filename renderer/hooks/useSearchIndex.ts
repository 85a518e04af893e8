import { useEffect, useRef, useState } from 'react';
import type { Note, StudyList } from '../../data/model/schema';
import { buildIndexInSlices, indexedFields, updateNotes, type SearchIndex } from '../search';

/**
 * The list's search index, kept off the paths a user waits on: built in slices after the list is
 * shown, and when a note is saved only that resource is indexed again. `version` changes whenever the
 * index does, so searches run again. Null until the first build is done.
 */
export function useSearchIndex(list: StudyList, notes: Readonly<Record<string, Note>>): { index: SearchIndex | null; version: number } {
  const [state, setState] = useState<{ index: SearchIndex | null; version: number }>({ index: null, version: 0 });
  const built = useRef<{ list: StudyList; notes: Readonly<Record<string, Note>>; index: SearchIndex } | null>(null);

  useEffect(() => {
    const current = built.current;
    if (current && (current.list === list || sameShape(current.list, list))) {
      if (current.list === list && current.notes === notes) return;
      // A resource edited in place (a part added, a title changed): only those are indexed again.
      for (let i = 0; i < list.resources.length; i++) {
        if (list.resources[i] !== current.list.resources[i]) current.index.replace(indexedFields(list.id, list.resources[i]!, notes));
      }
      updateNotes(current.index, list, current.notes, notes);
      current.list = list;
      current.notes = notes;
      setState((s) => ({ index: current.index, version: s.version + 1 }));
      return;
    }
    let cancelled = false;
    void buildIndexInSlices(list, notes, () => cancelled).then((index) => {
      if (!index) return;
      built.current = { list, notes, index };
      setState((s) => ({ index, version: s.version + 1 }));
    });
    return () => {
      cancelled = true;
    };
  }, [list, notes]);

  return state;
}

/** The same list with the same resources in the same order (some edited in place). */
function sameShape(a: StudyList, b: StudyList): boolean {
  return a.id === b.id && a.resources.length === b.resources.length && a.resources.every((r, i) => r.id === b.resources[i]!.id);
}
