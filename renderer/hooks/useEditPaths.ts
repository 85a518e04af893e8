import { useCallback, useMemo, type Dispatch, type RefObject, type SetStateAction } from 'react';
import type { CommandName } from '../../data/model/commands';
import type { AppState } from '../../electron/api/contract';
import { api } from '../api';
import { withCommand } from '../apply-command';
import { withResource } from '../state-updates';
import type { Notify, Remember, Track } from './useUndo';

/** What a call to main answers: its value, or why it was refused. */
export type Answer<T> = { ok: true; value: T } | { ok: false; error: { message: string } };

/**
 * The two paths an edit takes to the window's state, each with an undo and a redo: `edit` (main
 * changes it, the window reads again what changed) and `command` (a list-shape edit: journaled in
 * main as a command and run the same way here).
 */
export function useEditPaths(setState: Dispatch<SetStateAction<AppState | null>>, current: RefObject<AppState | null>, notify: Notify, remember: Remember, track: Track) {
  /**
   * After an edit the window reads again what it changed: the one resource when the edit was inside
   * it (parts, title, link), else the whole state (a list's shape: resources added, moved, removed).
   */
  const refresh = useCallback(async (resourceRef?: string) => {
    if (resourceRef) {
      const one = await api().getResource(resourceRef);
      if (one.ok) return setState((s) => (s ? withResource(s, one.value) : s));
    }
    const result = await api().getState();
    if (result.ok) setState(result.value);
  }, [setState]);

  const edit = useCallback(
    async <T,>(
      call: () => Promise<Answer<T>>,
      undoLabel?: (value: T) => { label: string; undo: () => Promise<unknown> },
      resourceRef?: string,
    ): Promise<boolean> => {
      // Run once for the change, and again for its redo.
      const run = async (): Promise<boolean> => {
        const result = await call();
        await refresh(resourceRef);
        if (!result.ok) {
          notify('error', result.error.message);
          return false;
        }
        if (undoLabel) {
          const { label, undo: undoCall } = undoLabel(result.value);
          remember(
            label,
            async () => {
              await undoCall();
              await refresh(resourceRef);
            },
            async () => void (await track(run())),
          );
        }
        return true;
      };
      return track(run());
    },
    [notify, refresh, remember, track],
  );

  /** The window's state after a list-shape edit: the same pure command run here, or main's state read again. */
  const applyCommand = useCallback(
    async (name: CommandName, args: unknown[], value: unknown) => {
      const next = current.current ? withCommand(current.current, name, args, value) : null;
      if (next) setState(next);
      else await refresh();
    },
    [current, setState, refresh],
  );

  /** A list-shape edit: journaled in main as a command, applied here the same way, with an undo. */
  const command = useCallback(
    async <T,>(
      name: CommandName,
      /** The command's arguments; a function when they include what main answered (resetList). */
      argsOf: unknown[] | ((value: T) => unknown[]),
      call: () => Promise<Answer<T>>,
      undoOf?: (value: T) => { label: string; name: CommandName; args: unknown[]; call: () => Promise<Answer<unknown>> },
    ): Promise<boolean> => {
      // Run once for the change, and again for its redo.
      const run = async (): Promise<boolean> => {
        const result = await call();
        if (!result.ok) {
          await refresh();
          notify('error', result.error.message);
          return false;
        }
        await applyCommand(name, typeof argsOf === 'function' ? argsOf(result.value) : argsOf, result.value);
        if (undoOf) {
          const undoing = undoOf(result.value);
          remember(
            undoing.label,
            async () => {
              const undone = await undoing.call();
              if (undone.ok) await applyCommand(undoing.name, undoing.args, undone.value);
              else {
                await refresh();
                notify('error', undone.error.message);
              }
            },
            async () => void (await track(run())),
          );
        }
        return true;
      };
      return track(run());
    },
    [applyCommand, notify, refresh, remember, track],
  );

  return useMemo(() => ({ refresh, edit, command }), [refresh, edit, command]);
}
