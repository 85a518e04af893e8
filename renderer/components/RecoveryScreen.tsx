import { useState } from 'react';
import type { AppState } from '../../electron/api/contract';
import { api } from '../api';

/**
 * The data file was damaged and no backup could replace it. Nothing starts empty on its own: the user
 * sees what happened and where the damaged file is, and chooses.
 */
export function RecoveryScreen({ state, onChosen }: { state: AppState; onChosen: (result: Awaited<ReturnType<ReturnType<typeof api>['startFresh']>>) => void }) {
  const [busy, setBusy] = useState(false);
  const notice = state.notices.find((n) => n.kind === 'no-backup');
  return (
    <main className="splash recovery">
      <div className="recovery-card" role="alert">
        <h1>Your data could not be opened</h1>
        {notice && notice.kind === 'no-backup' && (
          <>
            <p>
              Studyshelf could not read its data file: {notice.problem}. It found no backup to restore. The damaged file was not
              deleted; it was moved to
            </p>
            <p>
              <code className="path">{notice.damagedFile}</code>
            </p>
          </>
        )}
        <p>You can look at the file yourself, or start again with the bundled lists. Starting fresh does not touch the damaged file.</p>
        <div className="recovery-actions">
          <button type="button" className="button" onClick={() => void api().openDataFolder()}>
            Open data folder
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              onChosen(await api().startFresh());
              setBusy(false);
            }}
          >
            Start fresh
          </button>
        </div>
      </div>
    </main>
  );
}
