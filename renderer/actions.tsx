import { createContext, useContext } from 'react';
import type { Status, StudyList } from '../data/model/schema';
import type { ResourceFieldsInput } from './components/ResourceEditor';
import type { SaveNote } from './hooks/useNoteDraft';

/** Everything a resource card can do, provided once by App instead of passed through every level. */
export interface StudyActions {
  readOnly: boolean;
  /** Electron: the system's open and save dialogs. The harness: the page's file input and downloads. */
  nativeDialogs: boolean;
  setDone: (ref: string, done: boolean, title: string) => void;
  /** null: back to following the parts. */
  changeStatus: (ref: string, status: Status | null, label: string) => void;
  saveNote: SaveNote;
  saveWhereStopped: (ref: string, text: string) => Promise<boolean>;
  openLink: (ref: string) => void;
  openUrl: (url: string) => void;
  /** All lists, to offer "move to list". */
  lists: StudyList[];
  resources: {
    add: (listId: string, fields: ResourceFieldsInput) => Promise<boolean>;
    update: (ref: string, fields: ResourceFieldsInput) => Promise<boolean>;
    move: (ref: string, from: { listId: string; index: number }, toListId: string, toIndex: number) => Promise<boolean>;
    remove: (ref: string, title: string) => Promise<boolean>;
  };
  parts: {
    add: (resourceRef: string, title: string) => Promise<boolean>;
    rename: (partRef: string, oldTitle: string, title: string) => Promise<boolean>;
    move: (partRef: string, from: number, to: number) => Promise<boolean>;
    remove: (resourceRef: string, partRef: string) => Promise<boolean>;
  };
}

export const ActionsContext = createContext<StudyActions | null>(null);

export function useActions(): StudyActions {
  const actions = useContext(ActionsContext);
  if (!actions) throw new Error('useActions outside ActionsContext');
  return actions;
}
