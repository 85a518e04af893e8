import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { StudyList } from '../data/schema';
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
import { useImport } from './hooks/useImport';
import { JobDialog } from './components/JobDialog';
import { LinkCheckDialog } from './components/LinkCheckDialog';
import { SyncDialog } from './components/SyncDialog';
import { notesWithConflicts } from '../data/sync/markers';
import { useSync } from './hooks/useSync';
import { LinkChecksContext, useLinkChecks } from './hooks/useLinkChecks';
import { addressesOf } from '../data/links/addresses';
import { focusCardAfter, focusCardSoon, useShortcuts } from './hooks/useShortcuts';
import { useStudyData } from './hooks/useStudyData';
import { effectiveStatus } from './progress';
import { counted, statusChanged } from './wording';
import { NO_FILTERS, type Filters } from './search';
import { focusAddForm } from './add-form';

export function App() {
  const data = useStudyData();
  const { state, loadError, notices, dismiss, replaceState, replaceStateUndoable, notify } = data;
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined);
  const [view, setView] = useState<'list' | 'stats'>('list');
  const [backupsOpen, setBackupsOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [listDialog, setListDialog] = useState<'new' | 'edit' | null>(null);
  const [linkDialogOpen, setLinkDialogOpen] = useState(false);
  const [syncOpen, setSyncOpen] = useState(false);
  const [noteRequest, setNoteRequest] = useState<{ resourceId: string; count: number } | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const lists = state?.document?.lists ?? [];
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

  const linkChecks = useLinkChecks(notify, data.edit);
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

  useEffect(() => {
    document.title = view === 'stats' ? 'Progress — Studyshelf' : list ? `${list.title} — Studyshelf` : 'Studyshelf';
  }, [list, view]);

  const actions = useMemo<StudyActions>(
    () => ({
      readOnly,
      nativeDialogs,
      // One sentence for one status change, whether it came from a checkbox, a status menu or a key.
      setDone: (ref, done, title) => void data.changeStatus(ref, done ? 'done' : 'todo', statusChanged(title, done ? 'done' : 'todo')),
      changeStatus: (ref, status, label) => {
        const title = titleAt(lists, ref);
        void data.changeStatus(ref, status, title === undefined ? label : statusChanged(title, status));
      },
      saveNote: data.saveNote,
      saveWhereStopped: data.saveWhereStopped,
      openLink: (ref) => void data.openLink(ref),
      openUrl: (url) => void api().openUrl(url),
      parts: data.parts,
      resources: {
        ...data.resources,
        // The focus goes to the next card (the previous one at the end), not to the page.
        remove: (ref, title) => focusCardAfter(ref, () => data.resources.remove(ref, title)),
      },
      lists,
    }),
    // data.parts and data.resources are rebuilt each render; their functions only close over stable callbacks.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [readOnly, nativeDialogs, lists, data.changeStatus, data.saveNote, data.saveWhereStopped, data.openLink],
  );

  useShortcuts({
    toggleDone: (card) => card.querySelector<HTMLInputElement>('.check-large')?.click(),
    setStatus: (card, status) => {
      const ref = card.dataset.resource!;
      const resource = list?.resources.find((r) => `${list.id}/${r.id}` === ref);
      if (!resource || readOnly) return;
      const from = state?.document ? effectiveStatus(state.document.progress, list!.id, resource) : 'todo';
      if (from !== status) actions.changeStatus(ref, status, statusChanged(resource.title, status));
    },
    editNote: (card) => {
      const resourceId = card.dataset.resource!.split('/')[1]!;
      setNoteRequest((r) => ({ resourceId, count: (r?.count ?? 0) + 1 }));
    },
    openLink: (card) => actions.openLink(card.dataset.resource!),
    focusSearch: () => {
      // Focus at once: the next keystrokes must land in the search box, not trigger shortcuts.
      if (searchRef.current) return searchRef.current.focus();
      setView('list');
      requestAnimationFrame(() => searchRef.current?.focus());
    },
    addResource: () => !readOnly && view === 'list' && focusAddForm(),
    undo: () => void data.undo(),
    redo: () => void data.redo(),
    toggleStats: () => setView((v) => (v === 'list' ? 'stats' : 'list')),
    showHelp: () => setHelpOpen(true),
  });

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
      <LinkChecksContext.Provider value={linkChecks.actions}>
        <div className="app">
          <Sidebar
            lists={lists}
            document={state.document}
            selectedId={view === 'list' ? list?.id : undefined}
            statsSelected={view === 'stats'}
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
            onChooseImportFile={nativeDialogs ? () => void importer.chooseFile() : undefined}
            onNewList={readOnly ? undefined : () => setListDialog('new')}
            onDropResource={readOnly ? undefined : (dragged, toListId) => void data.resources.move(dragged.ref, dragged, toListId, 100_000)}
          />
          <div className="content-column">
            <main className="content">
              <Banners state={state} />
              {view === 'stats' ? (
                <StatsView document={state.document} />
              ) : list ? (
                <ListView
                  key={list.id}
                  list={list}
                  document={state.document}
                  filters={filters}
                  onFiltersChange={setFilters}
                  searchRef={searchRef}
                  noteRequest={noteRequest}
                  onError={(message) => notify('error', message)}
                  onInfo={(message) => notify('info', message)}
                  onEditList={() => setListDialog('edit')}
                  onCheckLinks={() => setLinkDialogOpen(true)}
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
          <ShortcutSheet open={helpOpen} onClose={() => setHelpOpen(false)} />
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
        </div>
      </LinkChecksContext.Provider>
    </ActionsContext.Provider>
  );
}

/** The title of the resource or part at `ref` (listId/resourceId[/partId]), for the words of a change. */
function titleAt(lists: readonly StudyList[], ref: string): string | undefined {
  const [listId, resourceId, partId] = ref.split('/');
  const resource = lists.find((l) => l.id === listId)?.resources.find((r) => r.id === resourceId);
  return partId === undefined ? resource?.title : resource?.parts.find((p) => p.id === partId)?.title;
}
