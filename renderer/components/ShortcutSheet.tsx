import { useEffect, useRef } from 'react';

export const SHORTCUTS: Array<[string, string]> = [
  ['j / ↓', 'Next resource'],
  ['k / ↑', 'Previous resource'],
  ['x', 'Mark done / not done'],
  ['1 2 3 4', 'Status: to do, in progress, done, skipped'],
  ['n', 'Edit the note'],
  ['o / Enter', 'Open the link in your browser'],
  ['/', 'Search'],
  ['Esc', 'Clear the search, close a dialog'],
  ['Ctrl+Z / ⌘Z', 'Undo the last status change or part edit'],
  ['g', 'Progress view / back to the list'],
  ['?', 'This list of shortcuts'],
];

export function ShortcutSheet({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (open && element && !element.open) element.showModal();
    if (!open && element?.open) element.close();
  }, [open]);
  return (
    <dialog ref={dialog} className="dialog dialog-narrow" aria-labelledby="shortcuts-title" onClose={onClose}>
      <header className="dialog-header">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </dialog>
  );
}
