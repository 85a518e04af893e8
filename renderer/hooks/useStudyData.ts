import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppState } from '../../electron/api/contract';
import type { Note } from '../../data/model/schema';
import { api } from '../api';
import { recoverDrafts } from '../recover-drafts';
import { withNote } from '../state-updates';
import { useEditPaths, type Answer } from './useEditPaths';
import { useListCommands, usePartCommands, useResourceCommands } from './useListCommands';
import { useNotices } from './useNotices';
import { useStatusActions } from './useStatusActions';
import { useUndo } from './useUndo';

export type { Notice } from './useNotices';
export type { Undoable } from './useUndo';

/**
 * The app's data as main last reported it, and the calls that change it. Main pushes a new state
 * whenever the data changes under the window (another program, a restore, storage trouble). Checkbox
 * changes show at once and are rolled back, with a notice, if main refuses them; a change main kept
 * but could not write yet stays, under the storage warning.
 */
export function useStudyData() {
  const [state, setState] = useState<AppState | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // The latest state, for callbacks that must read it at the moment they run (undo needs "before").
  const current = useRef<AppState | null>(null);
  useEffect(() => {
    current.current = state;
  }, [state]);

  const { notices, notify, dismiss, dropActions } = useNotices();
  const { undoable, undo, redo, remember, forget, track } = useUndo(notify, dropActions);
  const { changeStatus, setDone } = useStatusActions(setState, current, notify, remember, forget);
  const paths = useEditPaths(setState, current, notify, remember, track);
  const { edit } = paths;
  const parts = usePartCommands(paths);
  const resources = useResourceCommands(paths, current, notify, remember);
  const lists = useListCommands(paths);

  useEffect(() => api().on('stateChanged', setState), []);

  useEffect(() => {
    void api()
      .getState()
      .then(async (result) => {
        if (!result.ok) return setLoadError(result.error.message);
        setState(result.value);
        if (!result.value.document || result.value.readOnly) return;
        for (const { ref, title, note } of await recoverDrafts(result.value.document)) {
          setState((s) => (s ? withNote(s, ref, note) : s));
          notify('info', `Recovered a note for “${title}” that had not been saved yet.`);
        }
      });
  }, [notify]);

  const saveWhereStopped = useCallback(
    async (ref: string, text: string) => {
      const result = await api().saveWhereStopped(ref, text);
      if (result.ok) setState((s) => (s ? withNote(s, ref, result.value) : s));
      else notify('error', result.error.message);
      return result.ok;
    },
    [notify],
  );

  /** Resolves with whether the note is on disk; the notes panel shows the outcome. */
  const saveNote = useCallback(
    async (ref: string, body: string): Promise<{ ok: true; note: Note | null } | { ok: false; message: string }> => {
      const result = await api().saveNote(ref, body);
      if (!result.ok) return { ok: false, message: result.error.message };
      setState((s) => (s ? withNote(s, ref, result.value) : s));
      return { ok: true, note: result.value };
    },
    [],
  );

  const openLink = useCallback(
    async (ref: string) => {
      const result = await api().openLink(ref);
      if (!result.ok) notify('error', result.error.message);
    },
    [notify],
  );

  /** For calls that return the whole new state (restore, start fresh). */
  const replaceState = useCallback(
    (result: Answer<AppState>, success: string) => {
      if (result.ok) {
        setState(result.value);
        if (success) notify('info', success); // '' for a change the window shows by itself (a timer's pause)
      } else {
        notify('error', result.error.message);
      }
      return result.ok;
    },
    [notify],
  );

  /**
   * A new state from main with an undo that main carries out and answers with the state after it
   * (an update that removed what the new file no longer has): shown at once, with Undo in the toast
   * and on Ctrl+Z.
   */
  const replaceStateUndoable = useCallback(
    (next: AppState, message: string, undoCall: () => Promise<Answer<AppState>>) => {
      setState(next);
      remember(message, async () => {
        const result = await undoCall();
        if (result.ok) setState(result.value);
        else notify('error', result.error.message);
      });
    },
    [remember, notify],
  );

  // One object per change of what it holds: App's memoised actions may depend on it as a whole.
  return useMemo(
    () => ({
    state,
    loadError,
    notices,
    notify,
    dismiss,
    setDone,
    changeStatus,
    saveNote,
    saveWhereStopped,
    openLink,
    parts,
    resources,
    lists,
    undo,
    undoable,
    redo,
    edit,
    replaceState,
    replaceStateUndoable,
    }),
    [state, loadError, notices, notify, dismiss, setDone, changeStatus, saveNote, saveWhereStopped, openLink, parts, resources, lists, undo, undoable, redo, edit, replaceState, replaceStateUndoable],
  );
}