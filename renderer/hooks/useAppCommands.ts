import { useCallback, useEffect, useMemo, useRef, type RefObject } from 'react';
import type { StudyDocument, StudyList } from '../../data/model/schema';
import { isWindowCommand } from '../../electron/api/command-table';
import type { StudyActions } from '../actions';
import { focusAddForm } from '../add-form';
import { api } from '../api';
import { runOnCard } from '../card-commands';
import { useCommandHandlers } from '../command-handlers';
import { paletteItemsFor } from '../palette-items';
import { effectiveStatus } from '../progress';
import { applyTheme } from '../theme';
import { statusChanged } from '../wording';
import type { AppNav } from './useAppNav';
import { titleAt } from './useAppActions';
import type { Dialogs } from './useDialogs';
import type { useImport } from './useImport';
import { focusedCard, isTyping, move, useShortcuts } from './useShortcuts';
import { whenFree } from '../components/when-free';
import type { useStudyData } from './useStudyData';
import type { StudyTime } from './useStudyTime';

interface Deps {
  data: Pick<ReturnType<typeof useStudyData>, 'undo' | 'redo'>;
  nav: AppNav;
  dialogs: Dialogs;
  importer: ReturnType<typeof useImport>;
  study: StudyTime;
  actions: StudyActions;
  document: StudyDocument | null | undefined;
  lists: StudyList[];
  list: StudyList | undefined;
  readOnly: boolean;
  nativeDialogs: boolean;
  searchRef: RefObject<HTMLInputElement | null>;
}

/** The window's commands, one handler each whether the menu, the palette or a key runs it; and the palette's items. */
export function useAppCommands({ data, nav, dialogs, importer, study, actions, document: doc, lists, list, readOnly, nativeDialogs, searchRef }: Deps) {
  const { setView } = nav;
  const { paletteOpen, paletteTarget } = dialogs;
  const focusSearch = () => {
    // Focus at once: the next keystrokes must land in the search box, not trigger shortcuts.
    if (searchRef.current) return searchRef.current.focus();
    setView('list');
    requestAnimationFrame(() => searchRef.current?.focus());
  };
  const commands = useCommandHandlers({
    target: () => (paletteOpen ? paletteTarget : (focusedCard()?.dataset.resource ?? null)),
    newList: () => !readOnly && dialogs.setListDialog('new'),
    importList: () => {
      if (readOnly) return;
      if (nativeDialogs) void importer.chooseFile();
      else document.querySelector<HTMLInputElement>('.sidebar input[type="file"]')?.click();
    },
    // Once the list view is there (at once when it is shown already) and the palette, if it ran them,
    // has closed: not at the next frame, so the keys typed next land in the field, not on the card.
    exportList: () => {
      setView('list');
      whenFree(() => {
        const menu = document.querySelector<HTMLDetailsElement>('details.export-menu');
        if (!menu) return false;
        menu.open = true;
        menu.querySelector<HTMLElement>('.export-options button')?.focus();
        return true;
      });
    },
    addResource: () => {
      if (readOnly) return;
      setView('list');
      whenFree(focusAddForm);
    },
    showBackups: () => dialogs.setBackupsOpen(true),
    showSync: () => dialogs.setSyncOpen(true),
    // From the menu (on macOS ⌘Z reaches the window this way): a text field's own undo while typing.
    undo: () => (isTyping(document.activeElement) ? void document.execCommand('undo') : void data.undo()),
    redo: () => (isTyping(document.activeElement) ? void document.execCommand('redo') : void data.redo()),
    editNote: (ref) => nav.requestNote(ref.split('/')[1]!),
    startTimer: (ref) => {
      if (!readOnly && study.timerRef !== ref) void study.start(ref, titleAt(lists, ref) ?? ref);
    },
    openLink: (ref) => actions.openLink(ref),
    onCard: (ref, id) => void runOnCard(ref, id),
    toggleProgress: () => setView((v) => (v === 'list' ? 'stats' : 'list')),
    showReview: () => setView('review'),
    move,
    search: focusSearch,
    palette: () => {
      dialogs.setPaletteTarget(focusedCard()?.dataset.resource ?? null);
      dialogs.setPaletteOpen(true);
    },
    showShortcuts: () => dialogs.setHelpOpen(true),
    setTheme: applyTheme,
  });
  const latestCommands = useRef(commands);
  useEffect(() => {
    latestCommands.current = commands;
  });
  // The application menu (main) sends the chosen command; anything not in the table is ignored.
  useEffect(() => api().on('menuCommand', (payload) => isWindowCommand(payload?.id) && latestCommands.current[payload.id]()), []);

  // The keys are the command table's: each runs the handler the menu and the palette run.
  useShortcuts({
    commands,
    setStatus: (card, status) => {
      const ref = card.dataset.resource!;
      const resource = list?.resources.find((r) => `${list.id}/${r.id}` === ref);
      if (!resource || readOnly) return;
      const from = doc ? effectiveStatus(doc.progress, list!.id, resource) : 'todo';
      if (from !== status) actions.changeStatus(ref, status, statusChanged(resource.title, status));
    },
  });
  // Built once each time it opens (and when the lists change), not on every render: it is indexed.
  const docLists = doc?.lists;
  const paletteItems = useMemo(
    () => (paletteOpen && docLists ? paletteItemsFor(docLists, { readOnly, hasTarget: paletteTarget !== null }) : []),
    [paletteOpen, docLists, readOnly, paletteTarget],
  );
  const { showList, requestGoTo } = nav;
  const choosePaletteItem = useCallback(
    (key: string) => {
      const [kind, rest = ''] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
      if (kind === 'command') return isWindowCommand(rest) && latestCommands.current[rest]();
      const [listId, resourceId] = rest.split('/');
      if (!listId) return;
      showList(listId);
      if (resourceId) requestGoTo(resourceId);
    },
    [showList, requestGoTo],
  );
  return { paletteItems, choosePaletteItem };
}
