import { useMemo, type RefObject } from 'react';
import type { AppState } from '../../electron/api/contract';
import type { Part, Resource } from '../../data/model/schema';
import type { ResourceFieldsInput } from '../components/ResourceEditor';
import { slugOf } from '../../data/model/part-ops';
import { resourceRefOf } from '../../data/model/refs';
import { api } from '../api';
import type { useEditPaths } from './useEditPaths';
import type { Notify, Remember } from './useUndo';

type EditPaths = ReturnType<typeof useEditPaths>;

/** Part edits, each through main with an undo (and a redo). */
export function usePartCommands({ edit }: EditPaths) {
  return useMemo(() => {
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
    return parts;
  }, [edit]);
}

/** Resource edits: added, pasted, saved, moved, deleted; each with an undo. */
export function useResourceCommands({ edit, command, refresh }: EditPaths, current: RefObject<AppState | null>, notify: Notify, remember: Remember) {
  return useMemo(() => {
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
              undo: () => api().updateResource(ref, { title: before.title, url: before.url, author: before.author, description: before.description, kind: before.kind, tags: before.tags ?? [], estimateMinutes: before.estimateMinutes ?? null }),
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
    return resources;
  }, [edit, command, refresh, current, notify, remember]);
}

/** List edits: created, renamed, moved, deleted, reset to the published version. */
export function useListCommands({ command }: EditPaths) {
  return useMemo(() => {
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
    return lists;
  }, [command]);
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
