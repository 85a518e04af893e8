import { useCallback, useMemo, useRef, useState } from 'react';
import type { Notify } from './useNotices';

export type { Notify } from './useNotices';

/** The last change that can be taken back (a status change or a part edit). */
export interface Undoable {
  label: string;
  undo: () => Promise<void>;
  /** Does the change again after its undo (Ctrl+Shift+Z, Ctrl+Y); doing it again offers its undo anew. */
  redo?: () => Promise<void>;
}

export type Remember = (label: string, undo: () => Promise<void>, redo?: () => Promise<void>) => void;

/** A change on its way to main that will offer its undo once answered: an undo asked for meanwhile waits for it. */
export type Track = <T>(change: Promise<T>) => Promise<T>;

/** Undo and redo of the last change: offered in a toast and on Ctrl+Z / Ctrl+Shift+Z. */
export function useUndo(notify: Notify, dropActions: () => void) {
  const [undoable, setUndoableState] = useState<Undoable | null>(null);
  // The same, read by an undo that waited for changes on their way (its render's value is older).
  const latest = useRef<Undoable | null>(null);
  const setUndoable = useCallback((entry: Undoable | null) => {
    latest.current = entry;
    setUndoableState(entry);
  }, []);
  // What the last undo took back, to do again; any new change forgets it.
  const [redoable, setRedoable] = useState<Undoable | null>(null);
  // Changes asked of main and not answered yet (a delete, a list command): Ctrl+Z pressed meanwhile
  // is meant for the last of them, not for the change before it.
  const inFlight = useRef(new Set<Promise<unknown>>());

  const takeBack = useCallback(
    (entry: Undoable) => {
      setUndoable(null);
      dropActions();
      setRedoable(entry.redo ? entry : null);
      return entry.undo();
    },
    [dropActions, setUndoable],
  );

  const track = useCallback<Track>((change) => {
    inFlight.current.add(change);
    const settled = () => void inFlight.current.delete(change);
    change.then(settled, settled);
    return change;
  }, []);

  const undo = useCallback(async () => {
    while (inFlight.current.size > 0) await Promise.allSettled([...inFlight.current]);
    if (latest.current) await takeBack(latest.current);
  }, [takeBack]);

  const redo = useCallback(async () => {
    if (!redoable?.redo) return;
    setRedoable(null);
    await redoable.redo();
  }, [redoable]);

  const remember = useCallback<Remember>(
    (label, undoFn, redoFn) => {
      const entry = { label, undo: undoFn, ...(redoFn ? { redo: redoFn } : {}) };
      setUndoable(entry);
      setRedoable(null);
      notify('info', label, { label: 'Undo', run: () => void takeBack(entry) });
    },
    [notify, takeBack, setUndoable],
  );

  /** The change was refused after all: there is nothing to undo. */
  const forget = useCallback(() => setUndoable(null), [setUndoable]);

  return useMemo(() => ({ undoable, undo, redo, remember, forget, track }), [undoable, undo, redo, remember, forget, track]);
}
