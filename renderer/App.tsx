import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { StudyList } from '../data/model/schema';
import type { StudyActions } from './actions';
import { ActionsContext } from './actions';
import { api } from './api';
import { BackupsDialog } from './components/BackupsDialog';
import { Banners } from './components/Banners';
import { ListView } from './components/ListView';
import { Toasts } from './components/Toasts';
import { RecoveryScreen } from './components/RecoveryScreen';
import { ImportDialog } from './components/ImportDialog';
import { ListDialog } from './components/ListDialog';
import { ShortcutSheet } from './components/ShortcutSheet';
import { Sidebar } from './components/Sidebar';
import { StatsView } from './components/StatsView';
import { restoreAll, useImport } from './hooks/useImport';
import { JobDialog } from './components/JobDialog';
import { LinkCheckDialog } from './components/LinkCheckDialog';
import { SyncDialog } from './components/SyncDialog';
import { WebListDialog } from './components/WebListDialog';
import { notesWithConflicts } from '../data/model/markers';
import { useSync } from './hooks/useSync';
import { LinkChecksContext, useLinkChecks } from './hooks/useLinkChecks';
import { addressesOf } from '../data/model/addresses';
import { focusCardAfter, focusCardSoon, useShortcuts } from './hooks/useShortcuts';
import { useStudyData } from './hooks/useStudyData';
import { StudyTimeContext, TimerTitle, useNow, useStudyTime } from './hooks/useStudyTime';
import { TimerPanel, studyTitle } from './components/TimerPanel';
import './styles/study.css';
import { ReviewView } from './components/ReviewView';
import { SidebarGoal } from './components/StudyTimeSection';
import { dueNow } from '../data/model/review';
import { effectiveStatus } from './progress';
import { counted, statusChanged } from './wording';
import { NO_FILTERS, type Filters } from './search';
import { focusAddForm } from './add-form';
import { PageFillContext, usePasteLinks } from './hooks/usePasteLinks';
import { PasteLinksDialog } from './components/PasteLinksDialog';
import { isWindowCommand } from '../electron/api/command-table';
import { useCommandHandlers } from './command-handlers';
import { runOnCard } from './card-commands';
import { CommandPalette } from './components/CommandPalette';
import { paletteItemsFor } from './palette-items';
import { DeepLinkDialog, useDeepLinks } from './components/DeepLinkDialog';
import { SidebarTags } from './components/SidebarTags';
import { SIDEBAR_ID, SidebarToggle } from './components/SidebarToggle';
import { useCollapsibleSidebar } from './hooks/useCollapsibleSidebar';
import { focusedCard, isTyping, move } from './hooks/useShortcuts';
import { UpdateBanner } from './components/UpdateBanner';
import { applyTheme } from './theme';

/** No data yet: the same empty array each render, so what depends on the lists is not rebuilt. */
const NO_LISTS: StudyList[] = [];

export function App() {
  const data = useStudyData();
  const { narrow, open: sidebarOpen, toggle: toggleSidebar, onPanelClick, toggleRef, panelRef } = useCollapsibleSidebar();
  const { state, loadError, notices, dismiss, replaceState, replaceStateUndoable, notify } = data;
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined);
  const [view, setView] = useState<'list' | 'stats' | 'review'>('list');
  const [backupsOpen, setBackupsOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [listDialog, setListDialog] = useState<'new' | 'edit' | null>(null);
  const [linkDialogOpen, setLinkDialogOpen] = useState(false);
  const [syncOpen, setSyncOpen] = useState(false);
  const [webListOpen, setWebListOpen] = useState(false);
  const [noteRequest, setNoteRequest] = useState<{ resourceId: string; count: number } | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [goToRequest, setGoToRequest] = useState<{ resourceId: string; count: number } | null>(null);
  /** The card focused when the palette opened: what its resource commands act on. */
  const [paletteTarget, setPaletteTarget] = useState<string | null>(null);
  const lists = state?.document?.lists ?? NO_LISTS;
  const list = lists.find((l) => l.id === selectedId) ?? lists[0];
  const readOnly = state?.readOnly != null;
  const nativeDialogs = state?.nativeDialogs ?? false;
  const importer = useImport(
    useCallback(
      (next, listId, message, undo) => {
        if (undo) replaceStateUndoable(next, message, undo);
        else replaceState({ ok: true, value: next }, message);
        if (listId) setSelectedId(listId);
        setView('list');
      },
      [replaceState, replaceStateUndoable],
    ),
    useCallback((message: string) => notify('error', message), [notify]),
  );

  const study = useStudyTime(state?.document, replaceState);
  const deepLinks = useDeepLinks(
    state?.document != null,
    (link) => {
      if (readOnly) return notify('error', 'Your data cannot be changed now, so the page was not added.');
      if (!list) return notify('error', 'Make a list first: a “Save to Studyshelf” link adds the page to the list shown.');
      void data.resources.add(list.id, { title: link.title, url: link.url, author: null, description: '', kind: 'link', tags: [] });
    },
    (message) => notify('error', message),
  );
  const linkChecks = useLinkChecks(notify, data.edit);
  // Links pasted or dropped on the window go into the list shown (#20).
  const pasteLinks = usePasteLinks({
    target: !readOnly && view === 'list' && list ? { id: list.id, title: list.title, indexOf: (ref) => list.resources.findIndex((r) => `${list.id}/${r.id}` === ref) } : null,
    addLinks: data.resources.addLinks,
    edit: data.edit,
  });
  const sync = useSync(notify);
  // Only notes can hold conflict markers: looked at again when notes change, not on every tick.
  const notes = state?.document?.notes;
  const conflicts = useMemo(() => (notes ? notesWithConflicts(notes) : []), [notes]);
  const waiting = sync.info?.status?.peers.some((p) => p.waiting) ?? false;
  const syncLine = !sync.info?.dataFolder
    ? null
    : conflicts.length > 0
      ? { text: `Synced · ${counted(conflicts.length, 'note')} to resolve`, attention: true }
      : waiting
        ? { text: 'Synced · waiting for a file to arrive', attention: true }
        : { text: 'Synced with the data folder', attention: false };
  const linkAddresses = useMemo(() => (list ? addressesOf([list]).length : 0), [list]);
  // Counted only while the dialog is open: it walks every list.
  const allLists = state?.document?.lists;
  const allLinkAddresses = useMemo(() => (linkDialogOpen && allLists ? addressesOf(allLists).length : 0), [linkDialogOpen, allLists]);

  const windowTitle = view === 'stats' ? 'Progress — Studyshelf' : view === 'review' ? 'Review — Studyshelf' : list ? `${list.title} — Studyshelf` : 'Studyshelf';
  const timer = state?.document?.study?.timer;
  // What is due changes with the data and with the day: looked at again each minute, not each second.
  const minute = useNow(false, 60_000);
  const studyDoc = state?.document;
  const reviewsDue = useMemo(() => (studyDoc ? dueNow(studyDoc, new Date(minute).toISOString()).length : 0), [studyDoc, minute]);

  const { changeStatus, saveNote, saveWhereStopped, openLink, parts, resources } = data;
  const actions = useMemo<StudyActions>(
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
      resources: {
        ...resources,
        // The focus goes to the next card (the previous one at the end), not to the page.
        remove: (ref, title) => focusCardAfter(ref, () => resources.remove(ref, title)),
      },
      lists,
    }),
    [readOnly, nativeDialogs, lists, changeStatus, saveNote, saveWhereStopped, openLink, parts, resources],
  );

  const focusSearch = () => {
    // Focus at once: the next keystrokes must land in the search box, not trigger shortcuts.
    if (searchRef.current) return searchRef.current.focus();
    setView('list');
    requestAnimationFrame(() => searchRef.current?.focus());
  };
  const startTimerOn = (ref: string) => {
    if (!readOnly && study.timerRef !== ref) void study.start(ref, titleAt(lists, ref) ?? ref);
  };
  const openPalette = () => {
    setPaletteTarget(focusedCard()?.dataset.resource ?? null);
    setPaletteOpen(true);
  };
  const commands = useCommandHandlers({
    target: () => (paletteOpen ? paletteTarget : (focusedCard()?.dataset.resource ?? null)),
    newList: () => !readOnly && setListDialog('new'),
    importList: () => {
      if (readOnly) return;
      if (nativeDialogs) void importer.chooseFile();
      else document.querySelector<HTMLInputElement>('.sidebar input[type="file"]')?.click();
    },
    exportList: () => {
      setView('list');
      requestAnimationFrame(() => {
        const menu = document.querySelector<HTMLDetailsElement>('details.export-menu');
        if (!menu) return;
        menu.open = true;
        menu.querySelector<HTMLElement>('.export-options button')?.focus();
      });
    },
    addResource: () => {
      if (readOnly) return;
      setView('list');
      requestAnimationFrame(() => focusAddForm());
    },
    showBackups: () => setBackupsOpen(true),
    showSync: () => setSyncOpen(true),
    // From the menu (on macOS ⌘Z reaches the window this way): a text field's own undo while typing.
    undo: () => (isTyping(document.activeElement) ? void document.execCommand('undo') : void data.undo()),
    redo: () => (isTyping(document.activeElement) ? void document.execCommand('redo') : void data.redo()),
    editNote: (ref) => {
      const resourceId = ref.split('/')[1]!;
      setNoteRequest((r) => ({ resourceId, count: (r?.count ?? 0) + 1 }));
    },
    startTimer: (ref) => startTimerOn(ref),
    openLink: (ref) => actions.openLink(ref),
    onCard: (ref, id) => void runOnCard(ref, id),
    toggleProgress: () => setView((v) => (v === 'list' ? 'stats' : 'list')),
    showReview: () => setView('review'),
    move,
    search: focusSearch,
    palette: openPalette,
    showShortcuts: () => setHelpOpen(true),
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
      const from = state?.document ? effectiveStatus(state.document.progress, list!.id, resource) : 'todo';
      if (from !== status) actions.changeStatus(ref, status, statusChanged(resource.title, status));
    },
  });
  // Built once each time it opens (and when the lists change), not on every render: it is indexed.
  const docLists = state?.document?.lists;
  const paletteItems = useMemo(
    () => (paletteOpen && docLists ? paletteItemsFor(docLists, { readOnly, hasTarget: paletteTarget !== null }) : []),
    [paletteOpen, docLists, readOnly, paletteTarget],
  );
  const choosePaletteItem = (key: string) => {
    const [kind, rest = ''] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    if (kind === 'command') return isWindowCommand(rest) && commands[rest]();
    const [listId, resourceId] = rest.split('/');
    if (!listId) return;
    setSelectedId(listId);
    setFilters(NO_FILTERS);
    setView('list');
    if (resourceId) setGoToRequest((r) => ({ resourceId, count: (r?.count ?? 0) + 1 }));
  };

  if (loadError) {
    return (
      <main className="splash" role="alert">
        <h1>Studyshelf could not load your lists</h1>
        <p>{loadError}</p>
      </main>
    );
  }
  if (!state) {
    return (
      <main className="splash" aria-busy="true">
        <p role="status">Loading your lists…</p>
      </main>
    );
  }
  if (sync.restarting) {
    return (
      <main className="splash" role="status">
        <h1>Your data is now in {sync.restarting}</h1>
        <p>Studyshelf is starting again on it…</p>
      </main>
    );
  }
  if (!state.document) {
    return (
      // The app's toasts, as on every other screen: below the screen's content, leaving by themselves.
      <div className="content-column recovery-column">
        <RecoveryScreen state={state} onChosen={(result) => replaceState(result, 'Started fresh with the bundled lists.')} />
        <Toasts notices={notices} dismiss={dismiss} />
      </div>
    );
  }
  return (
    <ActionsContext.Provider value={actions}>
      <StudyTimeContext.Provider value={study}>
      <LinkChecksContext.Provider value={linkChecks.actions}>
        <TimerTitle base={windowTitle} timer={timer} title={timer ? studyTitle(lists, timer.ref) : ''} />
        <PageFillContext.Provider value={pasteLinks.fills}>
        <div className="app">
          <div id={SIDEBAR_ID} ref={panelRef} className={narrow ? 'sidebar-slot is-narrow' : 'sidebar-slot'} hidden={narrow && !sidebarOpen} onClick={onPanelClick}>
          <Sidebar
            lists={lists}
            document={state.document}
            selectedId={view === 'list' ? list?.id : undefined}
            statsSelected={view === 'stats'}
            reviewSelected={view === 'review'}
            reviewsDue={reviewsDue}
            onShowReview={() => setView('review')}
            timerPanel={
              <>
                <TimerPanel document={state.document} study={study} readOnly={readOnly} />
                <SidebarGoal document={state.document} now={minute} />
              </>
            }
            onSelect={(id) => {
              setSelectedId(id);
              setFilters(NO_FILTERS);
              setView('list');
            }}
            onShowStats={() => setView('stats')}
            dataFile={state.dataFile}
            onShowBackups={() => setBackupsOpen(true)}
            onShowSync={() => setSyncOpen(true)}
            syncLine={syncLine}
            onShowShortcuts={() => setHelpOpen(true)}
            onImportFile={(file) => void importer.openFile(file)}
            onAddFromWeb={readOnly ? undefined : () => setWebListOpen(true)}
            onChooseImportFile={nativeDialogs ? () => void importer.chooseFile() : undefined}
            onNewList={readOnly ? undefined : () => setListDialog('new')}
            onDropResource={readOnly ? undefined : (dragged, toListId) => void data.resources.move(dragged.ref, dragged, toListId, 100_000)}
            tags={<SidebarTags list={view === 'list' ? list : undefined} active={filters.tag} onFilter={(tag) => setFilters((f) => ({ ...f, tag }))} />}
          />
          </div>
          <div className="content-column">
            {narrow && <SidebarToggle open={sidebarOpen} onToggle={toggleSidebar} buttonRef={toggleRef} />}
            <main className="content">
              <Banners state={state} />
              <UpdateBanner />
              {view === 'stats' ? (
                <StatsView document={state.document} />
              ) : view === 'review' ? (
                <ReviewView document={state.document} now={minute} />
              ) : list ? (
                <ListView
                  key={list.id}
                  list={list}
                  document={state.document}
                  filters={filters}
                  onFiltersChange={setFilters}
                  searchRef={searchRef}
                  noteRequest={noteRequest}
                  goToRequest={goToRequest}
                  onError={(message) => notify('error', message)}
                  onInfo={(message) => notify('info', message)}
                  onEditList={() => setListDialog('edit')}
                  onCheckLinks={() => setLinkDialogOpen(true)}
                  onReplaceState={(next, message, removed) =>
                    // A removal taken in a review is undone like an update's: each resource back where it was, with its progress and notes.
                    removed?.length ? replaceStateUndoable(next, message, () => restoreAll(removed)) : replaceState({ ok: true, value: next }, message)
                  }
                  onImportInto={readOnly ? undefined : (file) => void importer.openFile(file, { listId: list.id, title: list.title })}
                  onOpenResource={(listId, resourceId) => {
                    setSelectedId(listId);
                    setFilters(NO_FILTERS);
                    setView('list');
                    focusCardSoon(`${listId}/${resourceId}`);
                  }}
                  onChooseImportInto={nativeDialogs ? () => void importer.chooseFile({ listId: list.id, title: list.title }) : undefined}
                  lists={lists}
                  onSearchIn={(id) => {
                    // The same search, in the other list.
                    setSelectedId(id);
                    setView('list');
                  }}
                />
              ) : (
                <p className="empty">You have no lists yet.</p>
              )}
            </main>
            <Toasts notices={notices} dismiss={dismiss} />
          </div>
          <BackupsDialog
            open={backupsOpen}
            readOnly={readOnly}
            onClose={() => setBackupsOpen(false)}
            onRestored={(result) => replaceState(result, 'Backup restored. Your data from before the restore is itself kept as a backup.')}
          />
          <DeepLinkDialog link={deepLinks.asking} listTitle={list?.title ?? null} onAnswer={deepLinks.answer} />
          <ShortcutSheet open={helpOpen} onClose={() => setHelpOpen(false)} />
          <CommandPalette open={paletteOpen} items={paletteItems} onClose={() => setPaletteOpen(false)} onChoose={choosePaletteItem} />
          <ListDialog
            target={listDialog === 'new' ? 'new' : listDialog === 'edit' && list ? list : null}
            position={{ index: list ? lists.indexOf(list) : 0, count: lists.length }}
            onClose={() => setListDialog(null)}
            onSave={async (fields) => {
              if (listDialog === 'edit' && list) return data.lists.update(list.id, fields);
              const listId = await data.lists.create(fields);
              if (!listId) return false;
              notify('info', `Created the list “${fields.title.trim()}”.`);
              setSelectedId(listId);
              setView('list');
              return true;
            }}
            onMove={(to) => list && void data.lists.move(list.id, lists.indexOf(list), to)}
            onReset={() => {
              setListDialog(null);
              if (list) void data.lists.reset(list.id);
            }}
            onDelete={() => {
              setListDialog(null);
              if (list) void data.lists.remove(list.id, list.title);
            }}
          />
          <JobDialog title="Importing" progress={importer.progress} onCancel={importer.cancelJob} />
          <WebListDialog open={webListOpen} onClose={() => setWebListOpen(false)} onRead={importer.openWebPage} />
          <ImportDialog pending={importer.pending} busy={importer.busy} onConfirm={(mode, options) => void importer.confirm(mode, options)} onCancel={importer.cancel} />
          <SyncDialog
            open={syncOpen}
            info={sync.info}
            document={state.document}
            conflicts={conflicts}
            nativeDialogs={nativeDialogs}
            readOnly={readOnly}
            onClose={() => setSyncOpen(false)}
            onSyncNow={() => void sync.syncNow()}
            onChooseFolder={sync.chooseFolder}
            onMove={sync.moveTo}
            onRename={sync.rename}
            onGoTo={(ref) => {
              const [listId, resourceId] = ref.split('/');
              setSelectedId(listId);
              setFilters(NO_FILTERS);
              setView('list');
              if (resourceId) setNoteRequest((r) => ({ resourceId, count: (r?.count ?? 0) + 1 }));
            }}
          />
          <LinkCheckDialog
            list={linkDialogOpen && list ? list : null}
            addresses={linkAddresses}
            allAddresses={allLinkAddresses}
            onCheckAll={() => {
              setLinkDialogOpen(false);
              void linkChecks.check(null);
            }}
            state={linkChecks.state}
            onClose={() => setLinkDialogOpen(false)}
            onAutoCheckChange={(enabled) => void linkChecks.setAutoCheck(enabled)}
            onCheck={() => {
              setLinkDialogOpen(false);
              if (list) void linkChecks.check(list.id);
            }}
          />
          <JobDialog title="Checking links" progress={linkChecks.progress} onCancel={linkChecks.cancel} />
          <PasteLinksDialog pending={pasteLinks.pending} busy={pasteLinks.busy} onConfirm={() => void pasteLinks.confirm()} onCancel={pasteLinks.cancel} />
        </div>
        </PageFillContext.Provider>
      </LinkChecksContext.Provider>
      </StudyTimeContext.Provider>
    </ActionsContext.Provider>
  );
}

/** The title of the resource or part at `ref` (listId/resourceId[/partId]), for the words of a change. */
function titleAt(lists: readonly StudyList[], ref: string): string | undefined {
  const [listId, resourceId, partId] = ref.split('/');
  const resource = lists.find((l) => l.id === listId)?.resources.find((r) => r.id === resourceId);
  return partId === undefined ? resource?.title : resource?.parts.find((p) => p.id === partId)?.title;
}

