import { useCallback, useMemo, useState } from 'react';
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

/** Undo and redo of the last change: offered in a toast and on Ctrl+Z / Ctrl+Shift+Z. */
export function useUndo(notify: Notify, dropActions: () => void) {
  const [undoable, setUndoable] = useState<Undoable | null>(null);
  // What the last undo took back, to do again; any new change forgets it.
  const [redoable, setRedoable] = useState<Undoable | null>(null);

  const takeBack = useCallback(
    (entry: Undoable) => {
      setUndoable(null);
      dropActions();
      setRedoable(entry.redo ? entry : null);
      return entry.undo();
    },
    [dropActions],
  );

  const undo = useCallback(async () => {
    if (undoable) await takeBack(undoable);
  }, [undoable, takeBack]);

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
    [notify, takeBack],
  );

  /** The change was refused after all: there is nothing to undo. */
  const forget = useCallback(() => setUndoable(null), []);

  return useMemo(() => ({ undoable, undo, redo, remember, forget }), [undoable, undo, redo, remember, forget]);
}
