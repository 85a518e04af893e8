import { useState } from 'react';
import type { StudyDocument } from '../../data/model/schema';
import type { SyncInfo } from '../../electron/api/contract';
import { Modal } from './Modal';
import { DataFolderSection, NotesToResolve, SyncStatusSection } from './SyncSections';

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

/**
 * Settings → Data folder, and the sync status: which computer this is, where the data is, when the
 * other computers' changes were last merged, and anything the user needs to look at.
 */
export function SyncDialog({ open, info, document, conflicts, nativeDialogs, readOnly, onClose, onSyncNow, onChooseFolder, onMove, onRename, onGoTo }: Props) {
  const [naming, setNaming] = useState<string | null>(null);
  const status = info?.status ?? null;

  return (
    <Modal open={open} title="Sync and data folder" onClose={onClose} onOpen={() => setNaming(null)}>
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

          {status && <SyncStatusSection status={status} onSyncNow={onSyncNow} />}
          {conflicts.length > 0 && <NotesToResolve conflicts={conflicts} document={document} onClose={onClose} onGoTo={onGoTo} />}
          {!readOnly && <DataFolderSection info={info} nativeDialogs={nativeDialogs} onChooseFolder={onChooseFolder} onMove={onMove} onClose={onClose} />}
        </div>
      )}
    </Modal>
  );
}
