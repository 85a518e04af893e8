import type { StudyDocument, StudyList } from '../../data/model/schema';
import type { AppNav } from '../hooks/useAppNav';
import type { Dialogs } from '../hooks/useDialogs';
import type { useImport } from '../hooks/useImport';
import type { useStudyData } from '../hooks/useStudyData';
import type { StudyTime } from '../hooks/useStudyTime';
import { Sidebar } from './Sidebar';
import { SidebarTags } from './SidebarTags';
import { SidebarGoal } from './StudyTimeSection';
import { TimerPanel } from './TimerPanel';

interface Props {
  data: Pick<ReturnType<typeof useStudyData>, 'resources'>;
  document: StudyDocument;
  dataFile: string;
  lists: StudyList[];
  list: StudyList | undefined;
  nav: AppNav;
  dialogs: Dialogs;
  importer: ReturnType<typeof useImport>;
  study: StudyTime;
  syncLine: { text: string; attention: boolean } | null;
  reviewsDue: number;
  minute: number;
  readOnly: boolean;
  nativeDialogs: boolean;
}

/** The sidebar as the window wires it: the lists, the views, the timer and the dialogs it opens. */
export function AppSidebar({ data, document: doc, dataFile, lists, list, nav, dialogs, importer, study, syncLine, reviewsDue, minute, readOnly, nativeDialogs }: Props) {
  const { view, setView, setFilters } = nav;
  return (
    <Sidebar
      lists={lists}
      document={doc}
      selectedId={view === 'list' ? list?.id : undefined}
      statsSelected={view === 'stats'}
      reviewSelected={view === 'review'}
      reviewsDue={reviewsDue}
      onShowReview={() => setView('review')}
      timerPanel={
        <>
          <TimerPanel document={doc} study={study} readOnly={readOnly} />
          <SidebarGoal document={doc} now={minute} />
        </>
      }
      onSelect={nav.showList}
      onShowStats={() => setView('stats')}
      dataFile={dataFile}
      onShowBackups={() => dialogs.setBackupsOpen(true)}
      onShowSync={() => dialogs.setSyncOpen(true)}
      syncLine={syncLine}
      onShowShortcuts={() => dialogs.setHelpOpen(true)}
      onImportFile={(file) => void importer.openFile(file)}
      onAddFromWeb={readOnly ? undefined : () => dialogs.setWebListOpen(true)}
      onChooseImportFile={nativeDialogs ? () => void importer.chooseFile() : undefined}
      onNewList={readOnly ? undefined : () => dialogs.setListDialog('new')}
      onDropResource={readOnly ? undefined : (dragged, toListId) => void data.resources.move(dragged.ref, dragged, toListId, 100_000)}
      tags={<SidebarTags list={view === 'list' ? list : undefined} active={nav.filters.tag} onFilter={(tag) => setFilters((f) => ({ ...f, tag }))} />}
    />
  );
}
