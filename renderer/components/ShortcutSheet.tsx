import { Modal } from './Modal';

export const SHORTCUTS: Array<[string, string]> = [
  ['j / ↓', 'Next resource, or its next part'],
  ['k / ↑', 'Previous resource, or its previous part'],
  ['x', 'Mark done / not done (the resource, or the part j reached)'],
  ['1 2 3 4', 'Status: to do, in progress, done, skipped'],
  ['n', 'Edit the note'],
  ['o / Enter', 'Open the link in your browser'],
  ['/', 'Search'],
  ['a', 'Add a resource to this list'],
  ['Esc', 'Leave a note for its card, clear the search, close a dialog or menu'],
  ['Ctrl+Z / ⌘Z', 'Undo the last change'],
  ['Ctrl+Shift+Z / Ctrl+Y', 'Redo what was undone'],
  ['g', 'Progress view / back to the list'],
  ['?', 'This list of shortcuts'],
];

export function ShortcutSheet({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Modal open={open} title="Keyboard shortcuts" onClose={onClose} narrow>
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
      <footer className="dialog-footer">
        <button type="button" className="button button-primary" onClick={onClose}>
          Done
        </button>
      </footer>
    </Modal>
  );
}
