import { useState } from 'react';
import type { BackupInfo } from '../../data/model/reports';
import { api } from '../api';
import { timeAgo } from '../format';
import { when } from './Banners';
import { Modal } from './Modal';

interface Props {
  open: boolean;
  onClose: () => void;
  onRestored: (result: Awaited<ReturnType<ReturnType<typeof api>['restoreBackup']>>) => void;
  readOnly: boolean;
}

const REASONS: Record<string, string> = {
  auto: 'Automatic',
  'before-restore': 'Before a restore',
  'before-overwrite': 'Before another program’s change',
};

function reasonLabel(reason: string): string {
  return REASONS[reason] ?? (reason.startsWith('before-migration') ? 'Before an update of the data format' : reason);
}

function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The list of backups, each restorable after a confirmation; the current state is backed up first. */
export function BackupsDialog({ open, onClose, onRestored, readOnly }: Props) {
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function load() {
    setBackups(null);
    setConfirming(null);
    setError(null);
    void api()
      .listBackups()
      .then((result) => (result.ok ? setBackups(result.value) : setError(result.error.message)));
  }

  async function restore(name: string) {
    setBusy(true);
    const result = await api().restoreBackup(name);
    setBusy(false);
    setConfirming(null);
    if (result.ok) onClose();
    else setError(result.error.message);
    onRestored(result);
  }

  return (
    <Modal open={open} title="Backups" onClose={onClose} onOpen={load}>
      <p className="dialog-lead">
        Studyshelf keeps a copy of your data at most every 10 minutes while you work (the last 10), one a day for two weeks,
        and one before every restore. Restoring replaces your current data; the current data is backed up first.
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {backups === null ? (
        <p role="status">Loading backups…</p>
      ) : backups.length === 0 ? (
        <p className="empty">No backups yet. The first one is made within 10 minutes of your first change.</p>
      ) : (
        <table className="backups">
          <thead>
            <tr>
              <th scope="col">Taken</th>
              <th scope="col">Why</th>
              <th scope="col" className="num">Size</th>
              <th scope="col" className="num">Done</th>
              <th scope="col" className="num">Notes</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.name}>
                <td>
                  {when(b.createdAt)} <span className="muted">· {timeAgo(b.createdAt)}</span>
                </td>
                <td>{reasonLabel(b.reason)}</td>
                <td className="num">{size(b.size)}</td>
                <td className="num">{b.resourcesDone ?? '—'}</td>
                <td className="num">{b.notesCount ?? '—'}</td>
                <td className="actions">
                  {b.resourcesDone === null ? (
                    <span className="muted">Unreadable</span>
                  ) : confirming === b.name ? (
                    <span className="confirm">
                      <button type="button" className="button button-danger" disabled={busy} onClick={() => void restore(b.name)}>
                        Restore this backup
                      </button>
                      <button type="button" className="button" onClick={() => setConfirming(null)}>
                        Cancel
                      </button>
                    </span>
                  ) : (
                    <button
                      type="button"
                      className="button"
                      disabled={readOnly}
                      aria-label={`Restore the backup from ${when(b.createdAt)}`}
                      onClick={() => setConfirming(b.name)}
                    >
                      Restore…
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <footer className="dialog-footer">
        <button type="button" className="button" onClick={() => void api().openDataFolder()}>
          Open data folder
        </button>
        <button type="button" className="button button-primary" onClick={onClose}>
          Done
        </button>
      </footer>
    </Modal>
  );
}
