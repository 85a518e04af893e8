import { shortcutRows } from '../../electron/api/command-table';
import { Modal } from './Modal';

/** Read from the one command table, like the menu and the palette. */
export const SHORTCUTS = shortcutRows();

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
