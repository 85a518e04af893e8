import { useEffect, useState } from 'react';
import { BackupsDialog } from './components/BackupsDialog';
import { Banners } from './components/Banners';
import { ListView } from './components/ListView';
import { Notices } from './components/Notices';
import { RecoveryScreen } from './components/RecoveryScreen';
import { Sidebar } from './components/Sidebar';
import { useStudyData } from './hooks/useStudyData';

export function App() {
  const { state, loadError, notices, dismiss, setDone, saveNote, openLink, replaceState } = useStudyData();
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined);
  const [backupsOpen, setBackupsOpen] = useState(false);
  const lists = state?.document?.lists ?? [];
  const list = lists.find((l) => l.id === selectedId) ?? lists[0];

  useEffect(() => {
    document.title = list ? `${list.title} — Studyshelf` : 'Studyshelf';
  }, [list]);

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
  if (!state.document) {
    return (
      <>
        <RecoveryScreen state={state} onChosen={(result) => replaceState(result, 'Started fresh with the bundled lists.')} />
        <Notices notices={notices} dismiss={dismiss} />
      </>
    );
  }
  const readOnly = state.readOnly !== null;
  return (
    <div className="app">
      <Sidebar
        lists={lists}
        progress={state.document.progress}
        selectedId={list?.id}
        onSelect={setSelectedId}
        dataFile={state.dataFile}
        onShowBackups={() => setBackupsOpen(true)}
      />
      <main className="content">
        <Banners state={state} />
        {list ? (
          <ListView
            key={list.id}
            list={list}
            document={state.document}
            readOnly={readOnly}
            setDone={(ref, done) => void setDone(ref, done)}
            openLink={(ref) => void openLink(ref)}
            saveNote={saveNote}
          />
        ) : (
          <p className="empty">You have no lists yet.</p>
        )}
      </main>
      <BackupsDialog
        open={backupsOpen}
        readOnly={readOnly}
        onClose={() => setBackupsOpen(false)}
        onRestored={(result) => replaceState(result, 'Backup restored. Your data from before the restore is itself kept as a backup.')}
      />
      <Notices notices={notices} dismiss={dismiss} />
    </div>
  );
}
