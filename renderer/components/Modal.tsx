import { useEffect, useId, useRef, type ReactNode, type SyntheticEvent } from 'react';

interface Props {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  /** Called each time the dialog opens (to load or reset what it shows). */
  onOpen?: () => void;
  narrow?: boolean;
  /** False while what it shows cannot be walked away from (a job past cancelling): Escape and × do nothing. */
  closable?: boolean;
  children: ReactNode;
}

/** Text a person types into: where the cursor goes when a dialog opens. */
const FIELD = ['text', 'search', 'url', 'email', 'number', 'password', 'tel'].map((type) => `input[type="${type}"]:not(:disabled)`).concat('textarea:not(:disabled)');

/**
 * Where the focus goes in a dialog that just opened: an element marked `data-autofocus`, else the first
 * field to type in, else the main (primary) button; the browser's own choice, the × in the header, only
 * when there is none of these.
 */
export function initialFocus(dialog: HTMLElement): HTMLElement | null {
  return (
    dialog.querySelector<HTMLElement>('[data-autofocus]') ??
    dialog.querySelector<HTMLElement>(FIELD.join(', ')) ??
    dialog.querySelector<HTMLElement>('.button-primary:not(:disabled)')
  );
}

/**
 * A modal dialog on the native <dialog>: focus is trapped by the browser, Escape closes it (unless it
 * is not `closable`), and it is named by its heading. It opens with the focus on its first field (or
 * its main button) and gives the focus back to where it was when it closes. Every dialog of the app
 * uses it.
 */
export function Modal({ open, title, onClose, onOpen, narrow, closable = true, children }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opened = useRef(onOpen);
  const opener = useRef<HTMLElement | null>(null);
  const shown = useRef(false);
  const told = useRef(false);
  useEffect(() => {
    opened.current = onOpen;
  });
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    shown.current = open;
    if (open && !element.open) {
      opener.current = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
      told.current = false;
      opened.current?.();
      element.showModal();
      initialFocus(element)?.focus();
    } else if (!open) {
      if (element.open) element.close();
      // Given back here, whether Esc, the × or one of its own buttons closed it: never to the page.
      const back = opener.current;
      opener.current = null;
      const lost = document.activeElement === null || document.activeElement === document.body || element.contains(document.activeElement);
      if (back?.isConnected && lost) back.focus();
    }
  }, [open]);
  // The browser's Escape closes the dialog as the default action of its key, wherever the focus is
  // (on the page itself once a button under it is disabled): kept from it, not undone after.
  useEffect(() => {
    if (!open || closable) return;
    const keep = (event: KeyboardEvent) => {
      if (event.key === 'Escape') event.preventDefault();
    };
    window.addEventListener('keydown', keep, true);
    return () => window.removeEventListener('keydown', keep, true);
  }, [open, closable]);
  const titleId = useId();
  // The browser says a dialog closed with an event sent at its next frame. It is the user's Escape only
  // when the dialog is closed then and the app still has it open: after the app closed it (and perhaps
  // opened it again since, for the next file to import) the event is old news.
  const closedByUser = (event: SyntheticEvent<HTMLDialogElement>) => {
    if (shown.current && !event.currentTarget.open && !told.current) onClose();
  };
  // Escape's own event, sent at once (before the browser closes the dialog): the app is told then, not
  // a frame later, so a key pressed right after (Ctrl+K again) finds the dialog closed in its state too.
  // A busy machine sends the late "close" after the next keys. Told once per showing: an app that keeps
  // the dialog open past it (an import being cancelled) is not told again by the late "close".
  const cancelledByUser = () => {
    if (!shown.current || told.current) return;
    told.current = true;
    onClose();
  };
  return (
    <dialog ref={dialog} className={narrow ? 'dialog dialog-narrow' : 'dialog'} aria-labelledby={titleId} onCancel={cancelledByUser} onClose={closedByUser}>
      {open && (
        <>
          <header className="dialog-header">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="icon-button" aria-label="Close" disabled={!closable} onClick={onClose}>
              ×
            </button>
          </header>
          {children}
        </>
      )}
    </dialog>
  );
}
