import { Dialog } from '../common/Dialog';
import { ShortcutList } from '../common/ShortcutList';
import { APP_SHORTCUTS } from './shortcuts';

/** The app's keyboard-shortcut sheet (?), every key by where it works. */
export function ShortcutsDialog({ onClose }: { readonly onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <div className="shortcut-columns app-shortcuts">
        {APP_SHORTCUTS.map((group) => (
          <ShortcutList key={group.title} title={group.title} shortcuts={group.keys} />
        ))}
      </div>
      <p className="muted">The frame editor lists its own keys: press ? while drawing.</p>
      <div className="dialog-actions">
        <button type="button" className="button primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
