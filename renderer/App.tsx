import { useEffect, useState } from 'react';
import { ListView } from './components/ListView';
import { Notices } from './components/Notices';
import { Sidebar } from './components/Sidebar';
import { useStudyData } from './hooks/useStudyData';

export function App() {
  const { state, loadError, notices, dismiss, setDone, saveNote, openLink } = useStudyData();
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined);
  const lists = state?.document.lists ?? [];
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
  return (
    <div className="app">
      <Sidebar
        lists={lists}
        progress={state.document.progress}
        selectedId={list?.id}
        onSelect={setSelectedId}
        dataFile={state.dataFile}
      />
      <main className="content">
        {list ? (
          <ListView
            key={list.id}
            list={list}
            document={state.document}
            setDone={(ref, done) => void setDone(ref, done)}
            openLink={(ref) => void openLink(ref)}
            saveNote={saveNote}
          />
        ) : (
          <p className="empty">You have no lists yet.</p>
        )}
      </main>
      <Notices notices={notices} dismiss={dismiss} />
    </div>
  );
}
