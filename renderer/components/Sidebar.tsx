import { useMemo, useRef, type ReactNode } from 'react';
import { FILE_INPUT_ACCEPT } from '../../data/model/import-formats';
import type { StudyDocument, StudyList } from '../../data/model/schema';
import { isResourceDrag, readDragged, type DraggedResource } from '../drag';
import { count } from '../format';
import { listProgress } from '../progress';
import { applyTheme, type ThemeChoice } from '../theme';
import { useThemeChoice } from '../hooks/useThemeChoice';
import { ProgressBar } from './ProgressBar';
import { UpdatesSetting } from './UpdateBanner';
import { HiddenFileInput } from './HiddenFileInput';

interface Props {
  lists: StudyList[];
  document: StudyDocument;
  selectedId: string | undefined;
  statsSelected: boolean;
  onSelect: (id: string) => void;
  onShowStats: () => void;
  dataFile: string;
  onShowBackups: () => void;
  onShowSync: () => void;
  /** A short sync line ("Synced · 2 notes to resolve"), when the data is in a shared folder. */
  syncLine: { text: string; attention: boolean } | null;
  onShowShortcuts: () => void;
  onImportFile: (file: File) => void;
  /** Set where the system's open dialog is used instead of the page's file input (Electron). */
  onChooseImportFile?: () => void;
  onNewList?: () => void;
  /** "Add a list from a web page…". */
  onAddFromWeb?: () => void;
  /** A resource dropped on a list in the sidebar moves there. */
  onDropResource?: (dragged: DraggedResource, listId: string) => void;
  /** The running focus timer (TimerPanel), shown at the top while it runs. */
  timerPanel?: ReactNode;
  reviewSelected?: boolean;
  reviewsDue?: number;
  onShowReview?: () => void;
  /** The shown list's tags (SidebarTags), under the lists. */
  tags?: ReactNode;
}

export function Sidebar(props: Props) {
  const { lists, document, selectedId, statsSelected, onSelect, onShowStats, dataFile, onShowBackups, onShowSync, syncLine, onShowShortcuts, onImportFile, onChooseImportFile, onNewList, onDropResource, timerPanel, reviewSelected, reviewsDue = 0, onShowReview, onAddFromWeb } = props;
  const [theme, setTheme] = useThemeChoice();
  const fileInput = useRef<HTMLInputElement>(null);
  // Walks every resource of every list: once per change of progress, not on each render of the window.
  const progressOf = useMemo(() => new Map(lists.map((list) => [list.id, listProgress(document.progress, list)])), [lists, document.progress]);
  return (
    <aside className="sidebar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          <span />
          <span />
          <span />
        </span>
        <span className="brand-name">Studyshelf</span>
      </div>
      {timerPanel}
      <nav aria-label="Lists">
        <h2 className="sidebar-heading">Lists</h2>
        <ul className="list-nav">
          {lists.map((list) => (
            <SidebarListItem key={list.id} list={list} progress={progressOf.get(list.id)} current={list.id === selectedId} onSelect={onSelect} onDropResource={onDropResource} />
          ))}
        </ul>
        {onNewList && (
          <button type="button" className="sidebar-action import-button" onClick={onNewList}>
            + New list
          </button>
        )}
        <button type="button" className="sidebar-action import-button" onClick={() => (onChooseImportFile ? onChooseImportFile() : fileInput.current?.click())}>
          + Import a list…
        </button>
        {onAddFromWeb && (
          <button type="button" className="sidebar-action import-button" onClick={onAddFromWeb}>
            + Add a list from a web page…
          </button>
        )}
        <HiddenFileInput ref={fileInput} accept={FILE_INPUT_ACCEPT} label="Choose a file to import" onFile={onImportFile} />
        <button type="button" className="list-button stats-button" aria-current={statsSelected ? 'page' : undefined} onClick={onShowStats}>
          <span className="list-button-title">Progress</span>
          <span className="muted">Activity, streak, study time</span>
        </button>
        {onShowReview && (
          <button type="button" className="list-button stats-button" aria-current={reviewSelected ? 'page' : undefined} onClick={onShowReview}>
            <span className="list-button-title">Review</span>
            <span className="muted">{reviewsDue === 0 ? 'Nothing due' : `${count(reviewsDue)} due`}</span>
          </button>
        )}
      </nav>
      {props.tags}
      <div className="sidebar-footer">
        <label className="theme-field">
          <span>Theme</span>
          <select
            value={theme}
            onChange={(event) => {
              const choice = event.target.value as ThemeChoice;
              setTheme(choice);
              applyTheme(choice);
            }}
          >
            <option value="system">Follow the system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
        <button type="button" className="sidebar-action" onClick={onShowBackups}>
          Backups…
        </button>
        <button type="button" className="sidebar-action" onClick={onShowSync}>
          Sync and data folder…
        </button>
        <UpdatesSetting />
        {syncLine && (
          <p className={`sync-line${syncLine.attention ? ' sync-line-attention' : ''}`} role="status">
            {syncLine.text}
          </p>
        )}
        <button type="button" className="sidebar-action" onClick={onShowShortcuts}>
          Keyboard shortcuts <kbd>?</kbd>
        </button>
        <p title={dataFile}>
          Saved automatically to
          <br />
          <span className="data-path">{dataFile}</span>
        </p>
      </div>
    </aside>
  );
}

interface ItemProps {
  list: StudyList;
  progress: { done: number; total: number; share: number } | undefined;
  current: boolean;
  onSelect: (id: string) => void;
  onDropResource?: (dragged: DraggedResource, listId: string) => void;
}

/** One list in the sidebar: its title and progress; a resource dropped on it moves there. */
function SidebarListItem({ list, progress, current, onSelect, onDropResource }: ItemProps) {
  const { done, total, share } = progress ?? { done: 0, total: 0, share: 0 };
  return (
    <li>
      <button
        type="button"
        className="list-button"
        aria-current={current ? 'page' : undefined}
        onClick={() => onSelect(list.id)}
        onDragOver={(event) => {
          if (onDropResource && isResourceDrag(event)) event.preventDefault();
        }}
        onDrop={(event) => {
          const dragged = readDragged(event);
          if (!dragged || !onDropResource || dragged.listId === list.id) return;
          event.preventDefault();
          onDropResource(dragged, list.id);
        }}
      >
        {/* Two lines at most; the whole title on hover. */}
        <span className="list-button-title" title={list.title}>
          {list.title}
        </span>
        <span className="list-button-meta">
          <ProgressBar done={done} total={total} share={share} label={`${list.title} progress`} />
          <span className="list-button-count">
            {count(done)}/{count(total)}
          </span>
        </span>
      </button>
    </li>
  );
}
