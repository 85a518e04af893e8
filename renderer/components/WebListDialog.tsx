import { useId, useState } from 'react';
import { Modal } from './Modal';

interface Props {
  open: boolean;
  onClose: () => void;
  /** Reads the page; true when its preview is shown (the dialog then closes). */
  onRead: (url: string) => Promise<boolean>;
}

/**
 * "Add a list from a web page": the address of an article or an awesome list. Main reads the page with
 * the link checks' safeguards and the import preview shows what it holds before anything is imported.
 */
export function WebListDialog({ open, onClose, onRead }: Props) {
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const fieldId = useId();
  const helpId = useId();
  return (
    <Modal open={open} title="Add a list from a web page" onClose={onClose} onOpen={() => setUrl('')} narrow>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          void onRead(url.trim())
            .then((shown) => shown && onClose())
            .finally(() => setBusy(false));
        }}
      >
        <label htmlFor={fieldId}>Web page address</label>
        <input id={fieldId} type="url" required placeholder="https://…" aria-describedby={helpId} value={url} onChange={(e) => setUrl(e.target.value)} />
        <p id={helpId} className="field-help">
          An article, an awesome list, or a GitHub repository (its README is read). Studyshelf reads this one page, shows what it found, and
          imports nothing until you confirm. The new list follows the page, so you can check it later for the author’s changes.
        </p>
        <footer className="dialog-footer">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Reading the page…' : 'Read the page'}
          </button>
        </footer>
      </form>
    </Modal>
  );
}
