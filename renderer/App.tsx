import { useCallback, useMemo, useRef } from 'react';
import type { StudyList } from '../data/model/schema';
import { ActionsContext } from './actions';
import { Banners, LastingTrouble } from './components/Banners';
import { Toasts } from './components/Toasts';
import { useImport } from './hooks/useImport';
import { useSync } from './hooks/useSync';
import { LinkChecksContext, useLinkChecks } from './hooks/useLinkChecks';
import { useStudyData } from './hooks/useStudyData';
import { StudyTimeContext, TimerTitle, useNow, useStudyTime } from './hooks/useStudyTime';
import { studyTitle } from './components/TimerPanel';
import './styles/study.css';
import { dueNow } from '../data/model/review';
import { PageFillContext, usePasteLinks } from './hooks/usePasteLinks';
import { useDeepLinks } from './components/DeepLinkDialog';
import { SIDEBAR_ID, SidebarToggle } from './components/SidebarToggle';
import { useCollapsibleSidebar } from './hooks/useCollapsibleSidebar';
import { UpdateBanner } from './components/UpdateBanner';
import { useAppNav } from './hooks/useAppNav';
import { useDialogs } from './hooks/useDialogs';
import { useAppActions } from './hooks/useAppActions';
import { useAppCommands } from './hooks/useAppCommands';
import { useSyncLine } from './hooks/useSyncLine';
import { AppSplash } from './components/AppSplash';
import { AppSidebar } from './components/AppSidebar';
import { AppContent } from './components/AppContent';
import { AppDialogs } from './components/AppDialogs';

/** No data yet: the same empty array each render, so what depends on the lists is not rebuilt. */
const NO_LISTS: StudyList[] = [];

export function App() {
  const data = useStudyData();
  const { narrow, open: sidebarOpen, toggle: toggleSidebar, onPanelClick, toggleRef, panelRef } = useCollapsibleSidebar();
  const { state, notices, dismiss, replaceState, replaceStateUndoable, notify } = data;
  const nav = useAppNav();
  const dialogs = useDialogs();
  const searchRef = useRef<HTMLInputElement>(null);
  const lists = state?.document?.lists ?? NO_LISTS;
  const list = lists.find((l) => l.id === nav.selectedId) ?? lists[0];
  const readOnly = state?.readOnly != null;
  const nativeDialogs = state?.nativeDialogs ?? false;
  const { keepFiltersIn } = nav;
  const importer = useImport(
    useCallback(
      (next, listId, message, undo) => {
        if (undo) replaceStateUndoable(next, message, undo);
        else replaceState({ ok: true, value: next }, message);
        keepFiltersIn(listId);
      },
      [replaceState, replaceStateUndoable, keepFiltersIn],
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
    target: !readOnly && nav.view === 'list' && list ? { id: list.id, title: list.title, indexOf: (ref) => list.resources.findIndex((r) => `${list.id}/${r.id}` === ref) } : null,
    addLinks: data.resources.addLinks,
    edit: data.edit,
  });
  const sync = useSync(notify);
  const { conflicts, syncLine } = useSyncLine(sync.info, state?.document?.notes);

  const { view } = nav;
  const windowTitle = view === 'stats' ? 'Progress — Studyshelf' : view === 'review' ? 'Review — Studyshelf' : list ? `${list.title} — Studyshelf` : 'Studyshelf';
  const timer = state?.document?.study?.timer;
  // What is due changes with the data and with the day: looked at again each minute, not each second.
  const minute = useNow(false, 60_000);
  const studyDoc = state?.document;
  const reviewsDue = useMemo(() => (studyDoc ? dueNow(studyDoc, new Date(minute).toISOString()).length : 0), [studyDoc, minute]);

  const actions = useAppActions(data, lists, readOnly, nativeDialogs);
  const { paletteItems, choosePaletteItem } = useAppCommands({ data, nav, dialogs, importer, study, actions, document: state?.document, lists, list, readOnly, nativeDialogs, searchRef });
  const palette = useMemo(() => ({ items: paletteItems, choose: choosePaletteItem }), [paletteItems, choosePaletteItem]);

  if (data.loadError || !state || sync.restarting || !state.document) return <AppSplash data={data} state={state} restarting={sync.restarting} />;
  const shown = { data, document: state.document, lists, list, nav, dialogs, importer, readOnly, nativeDialogs };
  return (
    <ActionsContext.Provider value={actions}>
      <StudyTimeContext.Provider value={study}>
      <LinkChecksContext.Provider value={linkChecks.actions}>
        <TimerTitle base={windowTitle} timer={timer} title={timer ? studyTitle(lists, timer.ref) : ''} />
        <PageFillContext.Provider value={pasteLinks.fills}>
        <div className="app">
          <div id={SIDEBAR_ID} ref={panelRef} className={narrow ? 'sidebar-slot is-narrow' : 'sidebar-slot'} hidden={narrow && !sidebarOpen} onClick={onPanelClick}>
            <AppSidebar {...shown} dataFile={state.dataFile} study={study} syncLine={syncLine} reviewsDue={reviewsDue} minute={minute} />
          </div>
          <div className="content-column">
            {narrow && <SidebarToggle open={sidebarOpen} onToggle={toggleSidebar} buttonRef={toggleRef} />}
            <LastingTrouble state={state} />
            <main className="content">
              <Banners state={state} />
              <UpdateBanner />
              <AppContent {...shown} searchRef={searchRef} minute={minute} />
            </main>
            <Toasts notices={notices} dismiss={dismiss} />
          </div>
          <AppDialogs {...shown} sync={sync} conflicts={conflicts} linkChecks={linkChecks} pasteLinks={pasteLinks} deepLinks={deepLinks} palette={palette} />
        </div>
        </PageFillContext.Provider>
      </LinkChecksContext.Provider>
      </StudyTimeContext.Provider>
    </ActionsContext.Provider>
  );
}
