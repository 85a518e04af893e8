import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  /** Called each time the dialog opens (to load or reset what it shows). */
  onOpen?: () => void;
  narrow?: boolean;
  children: ReactNode;
}

/**
 * A modal dialog on the native <dialog>: focus is trapped and restored by the browser, Escape closes
 * it, and it is named by its heading. Every dialog of the app uses it.
 */
export function Modal({ open, title, onClose, onOpen, narrow, children }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opened = useRef(onOpen);
  useEffect(() => {
    opened.current = onOpen;
  });
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      opened.current?.();
      element.showModal();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);
  const titleId = useId();
  return (
    <dialog ref={dialog} className={narrow ? 'dialog dialog-narrow' : 'dialog'} aria-labelledby={titleId} onClose={onClose}>
      {open && (
        <>
          <header className="dialog-header">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
              ×
            </button>
          </header>
          {children}
        </>
      )}
    </dialog>
  );
}
