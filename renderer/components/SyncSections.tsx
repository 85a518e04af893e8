import { useState } from 'react';
import type { StudyDocument } from '../../data/model/schema';
import type { SyncInfo } from '../../electron/api/contract';
import { resolveRef } from '../../data/model/refs';

// The three parts of Settings → Sync and data folder (SyncDialog.tsx), each with its own state.

const when = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', second: '2-digit' });

type SyncStatus = NonNullable<SyncInfo['status']>;

/** When the other computers' changes were last merged, each computer's state, and what the merges did. */
export function SyncStatusSection({ status, onSyncNow }: { status: SyncStatus; onSyncNow: () => void }) {
  return (
    <section aria-labelledby="sync-status-title">
      <h3 id="sync-status-title" className="subitems-heading">
        Sync
      </h3>
      <p role="status">
        {status.lastMergeAt ? `Last merged ${when.format(new Date(status.lastMergeAt))}.` : 'Nothing merged from other computers yet.'}{' '}
        <button type="button" className="link-button" onClick={onSyncNow}>
          Merge now
        </button>
      </p>
      {status.peers.length > 0 ? (
        <ul className="sync-peers">
          {status.peers.map((peer) => (
            <li key={peer.id}>
              <strong>{peer.name}</strong>{' '}
              {peer.waiting ? (
                <span className="muted">— not merged yet: {peer.waiting}</span>
              ) : peer.lastMergedAt ? (
                <span className="muted">— merged {when.format(new Date(peer.lastMergedAt))}</span>
              ) : (
                <span className="muted">— up to date</span>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No other computer has written to this folder yet.</p>
      )}
      {status.conflictCopiesMerged > 0 && (
        <p className="muted">{status.conflictCopiesMerged} conflict copies made by the sync engine were merged and moved to “conflict-copies”.</p>
      )}
      {status.notices.length > 0 && (
        <>
          <h4 className="sync-subheading" id="sync-notices-title">
            What the merges did
          </h4>
          <ul className="sync-notices" aria-labelledby="sync-notices-title">
            {status.notices.map((notice, i) => (
              <li key={`${notice.at}-${i}`}>
                <span className="muted">{when.format(new Date(notice.at))}</span> — {notice.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Notes holding both computers' versions of the same lines, each a link to the note. */
export function NotesToResolve({ conflicts, document, onClose, onGoTo }: { conflicts: readonly string[]; document: StudyDocument; onClose: () => void; onGoTo: (ref: string) => void }) {
  return (
    <section className="sync-conflicts" aria-labelledby="sync-conflicts-title">
      <h3 id="sync-conflicts-title" className="subitems-heading">
        Notes to resolve
      </h3>
      <p className="muted">
        Both computers changed the same lines of these notes. Both versions are in the note between <code>&lt;&lt;&lt;&lt;&lt;&lt;&lt;</code> and{' '}
        <code>&gt;&gt;&gt;&gt;&gt;&gt;&gt;</code>: keep what you want and delete the markers.
      </p>
      <ul>
        {conflicts.map((ref) => (
          <li key={ref}>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                onClose();
                onGoTo(ref);
              }}
            >
              {resolveRef(document, ref)?.resource.title ?? ref}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

interface FolderProps {
  info: SyncInfo;
  nativeDialogs: boolean;
  onChooseFolder: () => Promise<string | null>;
  onMove: (folder: string | null) => Promise<boolean>;
  onClose: () => void;
}

/** Moving the data into a synced folder (chosen with the system's dialog, or typed where there is none) and back. */
export function DataFolderSection({ info, nativeDialogs, onChooseFolder, onMove, onClose }: FolderProps) {
  const [typed, setTyped] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const target = nativeDialogs ? chosen : typed.trim() || null;

  async function move(folder: string | null) {
    setBusy(true);
    const moved = await onMove(folder);
    setBusy(false);
    if (moved) onClose();
  }

  return (
    <section aria-labelledby="data-folder-title">
      <h3 id="data-folder-title" className="subitems-heading">
        Data folder
      </h3>
      <p className="muted">
        To study on two computers, put the data in a folder your sync engine (Syncthing, Dropbox, iCloud Drive, Nextcloud) keeps in
        step, and choose the same folder on the other computer. Studyshelf copies your data there, checks the copy, switches to it,
        removes the old files and restarts.
      </p>
      {nativeDialogs ? (
        <div className="form-actions-left">
          <button type="button" className="button" onClick={() => void onChooseFolder().then(setChosen)}>
            Choose folder…
          </button>
          {chosen && <span className="data-path">{chosen}</span>}
        </div>
      ) : (
        <label className="field">
          <span>Folder (full path)</span>
          <input type="text" value={typed} onChange={(e) => setTyped(e.target.value)} placeholder="/home/you/Sync/Studyshelf" />
        </label>
      )}
      <div className="form-actions-left">
        <button type="button" className="button button-primary" disabled={!target || busy} onClick={() => void move(target)}>
          Move my data there
        </button>
        {info.dataFolder && (
          <button type="button" className="button" disabled={busy} onClick={() => void move(null)}>
            Move back to this computer only
          </button>
        )}
      </div>
    </section>
  );
}
