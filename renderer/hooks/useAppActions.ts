import { useMemo } from 'react';
import type { StudyList } from '../../data/model/schema';
import type { StudyActions } from '../actions';
import { api } from '../api';
import { statusChanged } from '../wording';
import type { useStudyData } from './useStudyData';

type StudyData = ReturnType<typeof useStudyData>;

/** What the cards may do, handed down through ActionsContext: rebuilt only when what it closes over changes. */
export function useAppActions(data: StudyData, lists: StudyList[], readOnly: boolean, nativeDialogs: boolean): StudyActions {
  const { changeStatus, saveNote, saveWhereStopped, openLink, parts, resources } = data;
  return useMemo<StudyActions>(
    () => ({
      readOnly,
      nativeDialogs,
      // One sentence for one status change, whether it came from a checkbox, a status menu or a key.
      setDone: (ref, done, title) => void changeStatus(ref, done ? 'done' : 'todo', statusChanged(title, done ? 'done' : 'todo')),
      changeStatus: (ref, status, label) => {
        const title = titleAt(lists, ref);
        void changeStatus(ref, status, title === undefined ? label : statusChanged(title, status));
      },
      saveNote,
      saveWhereStopped,
      openLink: (ref) => void openLink(ref),
      openUrl: (url) => void api().openUrl(url),
      parts,
      // A removed card's focus goes to the next card (the previous one at the end): ResourceList's FocusedCard.
      resources,
      lists,
    }),
    [readOnly, nativeDialogs, lists, changeStatus, saveNote, saveWhereStopped, openLink, parts, resources],
  );
}

/** The title of the resource or part at `ref` (listId/resourceId[/partId]), for the words of a change. */
export function titleAt(lists: readonly StudyList[], ref: string): string | undefined {
  const [listId, resourceId, partId] = ref.split('/');
  const resource = lists.find((l) => l.id === listId)?.resources.find((r) => r.id === resourceId);
  return partId === undefined ? resource?.title : resource?.parts.find((p) => p.id === partId)?.title;
}
