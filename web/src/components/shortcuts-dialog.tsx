import { Modal } from './modal.tsx';

/** Every keyboard shortcut of the app, in one place (opened with `?`). */
export const shortcuts: { keys: string; what: string }[] = [
  { keys: 'Ctrl K / ⌘ K', what: 'Search records and commands' },
  { keys: '?', what: 'Show these shortcuts' },
  { keys: 'g then b', what: 'Go to the pipeline board' },
  { keys: 'g then i', what: 'Go to the lead inbox' },
  { keys: 'c', what: 'Log a call (on a deal page)' },
  { keys: 'Ctrl Enter', what: 'Save the call being logged' },
  { keys: 'Esc', what: 'Close a dialog' },
  { keys: '↑ ↓ Enter', what: 'Choose and open a search result' },
];

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} closeOnBackdrop testId="shortcuts-dialog">
      <table className="lines">
        <tbody>
          {shortcuts.map((s) => (
            <tr key={s.keys}>
              <th scope="row">
                <kbd>{s.keys}</kbd>
              </th>
              <td>{s.what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
