import type { PendingLinks } from '../hooks/usePasteLinks';
import { counted } from '../wording';
import { Modal } from './Modal';

interface Props {
  pending: PendingLinks | null;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Several pasted or dropped links: what will be added, and where, before anything changes (#20). */
export function PasteLinksDialog({ pending, busy, onConfirm, onCancel }: Props) {
  const urls = pending?.urls ?? [];
  return (
    <Modal open={pending !== null} title={`Add ${counted(urls.length, 'link')}`} onClose={onCancel}>
      {pending && (
        <>
          <p className="dialog-lead" role="status">
            {counted(urls.length, 'resource')} will be added to “{pending.listTitle}”, each named by its address until its page has been read.
          </p>
          <section aria-labelledby="paste-links-added">
            <h3 id="paste-links-added" className="subitems-heading">
              Will be added
            </h3>
            <ol className="import-list">
              {urls.map((url) => (
                <li key={url}>{url}</li>
              ))}
            </ol>
          </section>
          <footer className="dialog-footer">
            <button type="button" className="button" onClick={onCancel}>
              Cancel
            </button>
            <button type="button" className="button button-primary" disabled={busy} onClick={onConfirm}>
              Add {counted(urls.length, 'link')}
            </button>
          </footer>
        </>
      )}
    </Modal>
  );
}
