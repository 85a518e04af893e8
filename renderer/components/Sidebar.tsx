import type { ProgressEntry, StudyList } from '../../data/schema';
import { listProgress } from '../progress';
import { ProgressBar } from './ProgressBar';

interface Props {
  lists: StudyList[];
  progress: Record<string, ProgressEntry>;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  dataFile: string;
  onShowBackups: () => void;
}

export function Sidebar({ lists, progress, selectedId, onSelect, dataFile, onShowBackups }: Props) {
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
      <nav aria-label="Lists">
        <h2 className="sidebar-heading">Lists</h2>
        <ul className="list-nav">
          {lists.map((list) => {
            const { done, total } = listProgress(progress, list);
            const selected = list.id === selectedId;
            return (
              <li key={list.id}>
                <button
                  type="button"
                  className="list-button"
                  aria-current={selected ? 'page' : undefined}
                  onClick={() => onSelect(list.id)}
                >
                  <span className="list-button-title">{list.title}</span>
                  <span className="list-button-meta">
                    <ProgressBar done={done} total={total} label={`${list.title} progress`} />
                    <span className="list-button-count">
                      {done}/{total}
                    </span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </nav>
      <div className="sidebar-footer">
        <button type="button" className="sidebar-action" onClick={onShowBackups}>
          Backups…
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
