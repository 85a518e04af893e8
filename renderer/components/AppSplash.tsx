import type { AppState } from '../../electron/api/contract';
import type { useStudyData } from '../hooks/useStudyData';
import { RecoveryScreen } from './RecoveryScreen';
import { Toasts } from './Toasts';

interface Props {
  data: Pick<ReturnType<typeof useStudyData>, 'loadError' | 'notices' | 'dismiss' | 'replaceState'>;
  state: AppState | null;
  /** The data folder the app is starting again on, after a move. */
  restarting: string | null | undefined;
}

/** What the window shows before (or instead of) the lists: a load error, loading, a restart, the recovery screen. */
export function AppSplash({ data: { loadError, notices, dismiss, replaceState }, state, restarting }: Props) {
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
  if (restarting) {
    return (
      <main className="splash" role="status">
        <h1>Your data is now in {restarting}</h1>
        <p>Studyshelf is starting again on it…</p>
      </main>
    );
  }
  return (
    // The app's toasts, as on every other screen: below the screen's content, leaving by themselves.
    <div className="content-column recovery-column">
      <RecoveryScreen state={state} onChosen={(result) => replaceState(result, 'Started fresh with the bundled lists.')} />
      <Toasts notices={notices} dismiss={dismiss} />
    </div>
  );
}
