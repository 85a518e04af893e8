import { useUpdates } from '../hooks/useUpdates';
import '../styles/updates.css';

/** "A new version is ready — restart to update", with the button that does it. Nothing otherwise. */
export function UpdateBanner() {
  const { state, restart } = useUpdates();
  if (state?.status !== 'ready') return null;
  return (
    <div className="banners">
      <div className="banner banner-info update-banner" role="status">
        <span>
          <strong>A new version is ready — restart to update.</strong> Studyshelf {state.version} was downloaded; your data stays as it is.
        </span>
        <button type="button" className="button button-primary" onClick={() => void restart()}>
          Restart
        </button>
      </div>
    </div>
  );
}

/** The sidebar's "check for updates at start" setting and, quietly, how the last check went. */
export function UpdatesSetting() {
  const { state, setCheckAtStart } = useUpdates();
  if (!state || state.status === 'unavailable') return null;
  const line = state.message ?? (state.status === 'latest' ? 'Studyshelf is up to date.' : state.status === 'downloading' ? `Downloading version ${state.version ?? ''}…` : null);
  return (
    <div className="updates-setting">
      <label className="check-row">
        <input type="checkbox" checked={state.checkAtStart} onChange={(event) => void setCheckAtStart(event.target.checked)} />
        <span>Check for updates at start</span>
      </label>
      {line && (
        <p className="updates-line" role="status">
          {line}
        </p>
      )}
    </div>
  );
}
