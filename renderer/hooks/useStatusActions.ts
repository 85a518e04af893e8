import { useCallback, useEffect, useMemo, useRef, type Dispatch, type RefObject, type SetStateAction } from 'react';
import type { Status } from '../../data/model/schema';
import type { AppState } from '../../electron/api/contract';
import { api } from '../api';
import { withProgress, withStatus, withStatusAnswer, withStatusTakenBack } from '../state-updates';
import type { Notify, Remember } from './useUndo';

/**
 * Status changes (a tick, the status menu): shown at once by the model's own rule, rolled back with a
 * notice if main refuses, kept if main kept it but could not write it yet (the storage warning says
 * so). The undo takes back the entry and the activity the change logged, so it is not counted as study.
 */
export function useStatusActions(setState: Dispatch<SetStateAction<AppState | null>>, current: RefObject<AppState | null>, notify: Notify, remember: Remember, forget: () => void) {
  // The redo of a status change is the same change again: reached through a ref, not a self-reference.
  const again = useRef<(ref: string, status: Status | null, label?: string) => Promise<void>>(async () => undefined);

  /** Back to following the parts (the "auto" status); its undo sets the status it had again. */
  const clearStatus = useCallback(
    async (ref: string, label?: string): Promise<void> => {
      const before = current.current?.document?.progress[ref];
      if (label && before) remember(label, () => again.current(ref, before.status), () => again.current(ref, null, label));
      setState((s) => (s ? withProgress(s, ref, undefined) : s));
      const result = await api().clearStatus(ref);
      if (!result.ok && result.error.code !== 'io') {
        setState((s) => (s ? withProgress(s, ref, before) : s));
        if (label) forget();
        notify('error', result.error.message);
      }
    },
    [current, setState, notify, remember, forget],
  );

  const changeStatus = useCallback(
    async (ref: string, status: Status | null, label?: string): Promise<void> => {
      if (status === null) return clearStatus(ref, label);
      const before = current.current?.document?.progress[ref];
      const at = new Date().toISOString();
      const answer = api().setStatus(ref, status);
      // Offered at once, so an Undo pressed right away (Ctrl+Z) is not lost while main answers.
      if (label) {
        const undo = async () => {
          const set = await answer;
          if (!set.ok) return;
          setState((s) => (s ? withStatusTakenBack(s, ref, before, set.value.updatedAt) : s));
          const undone = await api().undoStatus(ref, before ?? null, set.value.updatedAt);
          if (!undone.ok) notify('error', undone.error.message);
        };
        remember(label, undo, () => again.current(ref, status, label));
      }
      setState((s) => (s ? withStatus(s, ref, status, at) : s));
      const result = await answer;
      if (result.ok) {
        setState((s) => (s ? withStatusAnswer(s, ref, at, result.value) : s));
      } else if (result.error.code !== 'io') {
        setState((s) => (s ? withStatusTakenBack(s, ref, before, at) : s));
        if (label) forget();
        notify('error', result.error.message);
      }
    },
    [current, setState, notify, remember, forget, clearStatus],
  );

  useEffect(() => {
    again.current = changeStatus;
  }, [changeStatus]);

  const setDone = useCallback(
    (ref: string, done: boolean, title?: string) =>
      changeStatus(ref, done ? 'done' : 'todo', title ? `“${title}” marked ${done ? 'done' : 'not done'}.` : undefined),
    [changeStatus],
  );

  return useMemo(() => ({ changeStatus, setDone }), [changeStatus, setDone]);
}
