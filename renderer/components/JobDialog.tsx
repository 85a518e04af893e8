import type { JobProgress } from '../../data/model/reports';
import { Modal } from './Modal';
import { ProgressBar } from './ProgressBar';

/**
 * Long work (a big import) in progress: what it is doing, how far it is, and a Cancel that stops it
 * before anything changes (Escape and × do the same). Shown only when the work takes more than a moment;
 * once it is saving it cannot be closed, as it cannot be cancelled.
 */
export function JobDialog({ title, progress, onCancel }: { title: string; progress: JobProgress | null; onCancel: () => void }) {
  return (
    <Modal open={progress !== null} title={title} onClose={onCancel} closable={progress?.cancellable !== false} narrow>
      {progress && (
        <>
          <p className="dialog-lead" role="status">
            {progress.stage}…
          </p>
          <ProgressBar done={Math.round(progress.fraction * 100)} total={100} label="Progress" size="large" />
          <footer className="dialog-footer">
            <button type="button" className="button" disabled={!progress.cancellable} onClick={onCancel}>
              {progress.cancellable ? 'Cancel' : 'Saving…'}
            </button>
          </footer>
        </>
      )}
    </Modal>
  );
}
