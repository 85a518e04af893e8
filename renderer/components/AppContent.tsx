import type { RefObject } from 'react';
import type { StudyDocument, StudyList } from '../../data/model/schema';
import type { AppNav } from '../hooks/useAppNav';
import type { Dialogs } from '../hooks/useDialogs';
import { restoreAll, type useImport } from '../hooks/useImport';
import type { useStudyData } from '../hooks/useStudyData';
import { ListView } from './ListView';
import { ReviewView } from './ReviewView';
import { StatsView } from './StatsView';

interface Props {
  data: Pick<ReturnType<typeof useStudyData>, 'notify' | 'replaceState' | 'replaceStateUndoable'>;
  document: StudyDocument;
  lists: StudyList[];
  list: StudyList | undefined;
  nav: AppNav;
  dialogs: Pick<Dialogs, 'setListDialog' | 'setLinkDialogOpen'>;
  importer: ReturnType<typeof useImport>;
  searchRef: RefObject<HTMLInputElement | null>;
  readOnly: boolean;
  nativeDialogs: boolean;
  /** The minute it is, for what is due. */
  minute: number;
}

/** What the main area shows: progress, the review, the list chosen, or a word that there is none. */
export function AppContent({ data, document: doc, lists, list, nav, dialogs, importer, searchRef, readOnly, nativeDialogs, minute }: Props) {
  const { notify, replaceState, replaceStateUndoable } = data;
  if (nav.view === 'stats') return <StatsView document={doc} />;
  if (nav.view === 'review') return <ReviewView document={doc} now={minute} />;
  if (!list) return <p className="empty">You have no lists yet.</p>;
  return (
    <ListView
      key={list.id}
      list={list}
      document={doc}
      filters={nav.filters}
      onFiltersChange={nav.setFilters}
      searchRef={searchRef}
      noteRequest={nav.noteRequest}
      goToRequest={nav.goToRequest}
      onError={(message) => notify('error', message)}
      onInfo={(message) => notify('info', message)}
      onEditList={() => dialogs.setListDialog('edit')}
      onCheckLinks={() => dialogs.setLinkDialogOpen(true)}
      onReplaceState={(next, message, removed) =>
        // A removal taken in a review is undone like an update's: each resource back where it was, with its progress and notes.
        removed?.length ? replaceStateUndoable(next, message, () => restoreAll(removed)) : replaceState({ ok: true, value: next }, message)
      }
      onImportInto={readOnly ? undefined : (file) => void importer.openFile(file, { listId: list.id, title: list.title })}
      onOpenResource={(listId, resourceId) => {
        // A "go to", as Ctrl+K's: a long list scrolls to the card, and the card takes the focus.
        nav.showList(listId);
        nav.requestGoTo(resourceId);
      }}
      onChooseImportInto={nativeDialogs ? () => void importer.chooseFile({ listId: list.id, title: list.title }) : undefined}
      lists={lists}
      // The same search, in the other list.
      onSearchIn={nav.keepFiltersIn}
    />
  );
}
