import { Modal } from './Modal';

export const SHORTCUTS: Array<[string, string]> = [
  ['j / ↓', 'Next resource'],
  ['k / ↑', 'Previous resource'],
  ['x', 'Mark done / not done'],
  ['1 2 3 4', 'Status: to do, in progress, done, skipped'],
  ['n', 'Edit the note'],
  ['t', 'Start a focus timer on the resource'],
  ['o / Enter', 'Open the link in your browser'],
  ['/', 'Search'],
  ['a', 'Add a resource to this list'],
  ['Esc', 'Leave a note for its card, clear the search, close a dialog or menu'],
  ['Ctrl+Z / ⌘Z', 'Undo the last change'],
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
