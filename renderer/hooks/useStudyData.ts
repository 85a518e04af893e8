import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppState } from '../../electron/api/contract';
import type { CommandName } from '../../data/commands';
import type { Note, Part, Resource } from '../../data/schema';
import type { ResourceFieldsInput } from '../components/ResourceEditor';
import { slugOf } from '../../data/part-ops';
import { api } from '../api';
import { recoverDrafts } from '../recover-drafts';
import { resourceRefOf } from '../../data/refs';
import { withCommand } from '../apply-command';
import { withNote, withResource } from '../state-updates';
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
  const { undoable, undo, redo, remember, forget } = useUndo(notify, dropActions);
  const { changeStatus, setDone } = useStatusActions(setState, current, notify, remember, forget);

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
  }, []);

  const edit = useCallback(
    async <T,>(
      call: () => Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
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
            async () => void (await run()),
          );
        }
        return true;
      };
      return run();
    },
    [notify, refresh, remember],
  );

  /** The window's state after a list-shape edit: the same pure command run here, or main's state read again. */
  const applyCommand = useCallback(
    async (name: CommandName, args: unknown[], value: unknown) => {
      const next = current.current ? withCommand(current.current, name, args, value) : null;
      if (next) setState(next);
      else await refresh();
    },
    [refresh],
  );

  /** A list-shape edit: journaled in main as a command, applied here the same way, with an undo. */
  const command = useCallback(
    async <T,>(
      name: CommandName,
      /** The command's arguments; a function when they include what main answered (resetList). */
      argsOf: unknown[] | ((value: T) => unknown[]),
      call: () => Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
      undoOf?: (value: T) => { label: string; name: CommandName; args: unknown[]; call: () => Promise<{ ok: true; value: unknown } | { ok: false; error: { message: string } }> },
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
            async () => void (await run()),
          );
        }
        return true;
      };
      return run();
    },
    [applyCommand, notify, refresh, remember],
  );

  const parts = {
    add: (resourceRef: string, title: string) =>
      edit(
        () => api().addPart(resourceRef, title, null),
        (part: Part) => ({ label: `Part “${part.title}” added.`, undo: () => api().removePart(`${resourceRef}/${part.id}`) }),
        resourceRef,
      ),
    rename: (partRef: string, oldTitle: string, title: string) =>
      edit(
        () => api().renamePart(partRef, title),
        () => ({ label: `Part renamed to “${title.trim()}”.`, undo: () => api().renamePart(partRef, oldTitle) }),
        resourceRefOf(partRef),
      ),
    move: (partRef: string, from: number, to: number) =>
      edit(
        () => api().movePart(partRef, to),
        () => ({ label: 'Part moved.', undo: () => api().movePart(partRef, from) }),
        resourceRefOf(partRef),
      ),
    remove: (resourceRef: string, partRef: string) =>
      edit(
        () => api().removePart(partRef),
        (removed) => ({
          label: `Part “${removed.part.title}” removed.`,
          undo: () => api().insertPart(resourceRef, removed.part, removed.index, removed.progress),
        }),
        resourceRef,
      ),
  };

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
    (result: { ok: true; value: AppState } | { ok: false; error: { message: string } }, success: string) => {
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

  const resources = {
    add: (listId: string, input: ResourceFieldsInput) => {
      // The id is chosen here, unique to this computer's click: the same command runs in main and here.
      const fields = { ...input, id: newResourceId(input.title) };
      return command('addResource', [listId, fields], () => api().addResource(listId, fields), (r) => {
        const ref = `${listId}/${r.id}`;
        return { label: `Added “${r.title}”.`, name: 'deleteResource', args: [ref], call: () => api().deleteResource(ref) };
      });
    },
    /**
     * Pasted or dropped links (#20): each added at once with its address as its title (at `at` in the
     * list, else at the end), one Undo for them all. The refs added, for reading their pages.
     */
    addLinks: async (listId: string, urls: string[], at?: number): Promise<string[]> => {
      const refs: string[] = [];
      for (const url of urls) {
        const fields = { title: url, url, author: null, description: '', kind: 'link', tags: [], id: newResourceId(url.replace(/^https?:\/\/(www\.)?/i, '')) };
        const added = await api().addResource(listId, fields);
        if (!added.ok) {
          await refresh();
          notify('error', added.error.message);
          break;
        }
        const ref = `${listId}/${added.value.id}`;
        if (at !== undefined) await api().moveResource(ref, listId, at + refs.length);
        refs.push(ref);
      }
      // Main's state, read once after them all: applying each add to the window's state in turn would
      // build on a state React has not rendered yet and drop the ones before.
      await refresh();
      if (refs.length > 0) {
        remember(refs.length === 1 ? `Added “${urls[0]}”.` : `Added ${refs.length} resources.`, async () => {
          for (const ref of refs) await api().deleteResource(ref);
          await refresh();
        });
      }
      return refs;
    },
    update: (ref: string, fields: ResourceFieldsInput) => {
      // What the resource was, so the toast's Undo (and Ctrl+Z) puts back every field, its tags too.
      const before = resourceAt(current.current, ref);
      return edit(
        () => api().updateResource(ref, fields),
        before
          ? (saved) => ({
              label: `Saved “${saved.title}”.`,
              undo: () => api().updateResource(ref, { title: before.title, url: before.url, author: before.author, description: before.description, kind: before.kind, tags: before.tags ?? [] }),
            })
          : undefined,
        ref,
      );
    },
    move: (ref: string, from: { listId: string; index: number }, toListId: string, toIndex: number) =>
      command('moveResource', [ref, toListId, toIndex], () => api().moveResource(ref, toListId, toIndex), (newRef) => ({
        label: toListId === from.listId ? 'Resource moved.' : 'Resource moved to another list.',
        name: 'moveResource',
        args: [newRef, from.listId, from.index],
        call: () => api().moveResource(newRef, from.listId, from.index),
      })),
    remove: (ref: string, title: string) =>
      command('deleteResource', [ref], () => api().deleteResource(ref), (removed) => ({
        label: `Deleted “${title}”.`,
        name: 'restoreResource',
        args: [removed],
        call: () => api().restoreResource(removed),
      })),
  };

  const lists = {
    update: (id: string, fields: { title: string; description: string }) => command('updateList', [id, fields], () => api().updateList(id, fields)),
    move: (id: string, from: number, to: number) =>
      command('moveList', [id, to], () => api().moveList(id, to), () => ({ label: 'List moved.', name: 'moveList', args: [id, from], call: () => api().moveList(id, from) })),
    remove: (id: string, title: string) =>
      command('deleteList', [id], () => api().deleteList(id), (removed) => ({
        label: `Deleted the list “${title}”.`,
        name: 'restoreList',
        args: [removed],
        call: () => api().restoreList(removed),
      })),
    /** Resolves with the new list's id, or null when it was refused. */
    create: async (fields: { title: string; description: string }): Promise<string | null> => {
      let listId: string | null = null;
      const created = await command('createList', [fields.title, fields.description], async () => {
        const result = await api().createList(fields);
        if (result.ok) listId = result.value.listId;
        return result;
      });
      return created ? listId : null;
    },
    reset: (id: string) => command('resetList', (list) => [id, [list]], () => api().resetList(id)),
  };

  /**
   * A new state from main with an undo that main carries out and answers with the state after it
   * (an update that removed what the new file no longer has): shown at once, with Undo in the toast
   * and on Ctrl+Z.
   */
  const replaceStateUndoable = useCallback(
    (next: AppState, message: string, undoCall: () => Promise<{ ok: true; value: AppState } | { ok: false; error: { message: string } }>) => {
      setState(next);
      remember(message, async () => {
        const result = await undoCall();
        if (result.ok) setState(result.value);
        else notify('error', result.error.message);
      });
    },
    [remember, notify],
  );

  return {
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
  };
}

/** The resource a ref names in the window's state, if it is there. */
function resourceAt(state: AppState | null, ref: string): Resource | undefined {
  const [listId, resourceId] = ref.split('/');
  return state?.document?.lists.find((l) => l.id === listId)?.resources.find((r) => r.id === resourceId);
}

/** A new resource's id: its title as a slug and 6 random letters (crypto.getRandomValues works on any origin). */
function newResourceId(title: string): string {
  const random = Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36]).join('');
  return `${slugOf(title, 'resource').slice(0, 50)}-${random}`;
}
