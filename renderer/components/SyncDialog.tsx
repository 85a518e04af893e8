import { useState } from 'react';
import type { StudyDocument } from '../../data/schema';
import type { SyncInfo } from '../../electron/api/contract';
import { resolveRef } from '../../data/refs';
import { Modal } from './Modal';

interface Props {
  open: boolean;
  info: SyncInfo | null;
  document: StudyDocument;
  /** Refs of the notes holding both computers' versions of the same lines, for the user to resolve. */
  conflicts: readonly string[];
  nativeDialogs: boolean;
  readOnly: boolean;
  onClose: () => void;
  onSyncNow: () => void;
  onChooseFolder: () => Promise<string | null>;
  onMove: (folder: string | null) => Promise<boolean>;
  onRename: (name: string) => Promise<boolean>;
  onGoTo: (ref: string) => void;
}

const when = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', second: '2-digit' });

/**
 * Settings → Data folder, and the sync status: which computer this is, where the data is, when the
 * other computers' changes were last merged, and anything the user needs to look at.
 */
export function SyncDialog({ open, info, document, conflicts, nativeDialogs, readOnly, onClose, onSyncNow, onChooseFolder, onMove, onRename, onGoTo }: Props) {
  const [typed, setTyped] = useState('');
  const [naming, setNaming] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const status = info?.status ?? null;
  const target = nativeDialogs ? chosen : typed.trim() || null;

  async function move(folder: string | null) {
    setBusy(true);
    const moved = await onMove(folder);
    setBusy(false);
    if (moved) onClose();
  }

  return (
    <Modal open={open} title="Sync and data folder" onClose={onClose} onOpen={() => {
        setTyped('');
        setChosen(null);
        setNaming(null);
      }}>
      {info && (
        <div className="form sync-dialog">
          {naming !== null && (
            <form
              className="form-actions-left"
              onSubmit={(event) => {
                event.preventDefault();
                void onRename(naming).then((ok) => ok && setNaming(null));
              }}
            >
              <label className="field">
                <span>Name of this computer</span>
                <input type="text" value={naming} maxLength={200} onChange={(e) => setNaming(e.target.value)} autoFocus />
              </label>
              <button type="submit" className="button button-primary" disabled={naming.trim() === ''}>
                Save name
              </button>
              <button type="button" className="button" onClick={() => setNaming(null)}>
                Cancel
              </button>
            </form>
          )}
          <p className="dialog-lead">
            This computer is <strong>{info.device.name}</strong> <span className="muted">({info.device.id})</span>.{' '}
            {info.dataFolder ? (
              <>
                Your data is in <span className="data-path">{info.dataFolder}</span>, shared with the other computers that use this folder.
              </>
            ) : (
              <>Your data is in the app’s own folder, on this computer only.</>
            )}{' '}
            {naming === null && !readOnly && (
              <button type="button" className="link-button" onClick={() => setNaming(info.device.name)}>
                Rename this computer
              </button>
            )}
          </p>

          {status && (
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
          )}

          {conflicts.length > 0 && (
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
          )}

          {!readOnly && (
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
          )}
        </div>
      )}
    </Modal>
  );
}
