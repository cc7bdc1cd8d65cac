import { ShortcutList } from '../common/ShortcutList';
import { OTHER_SHORTCUTS, TOOLS } from './canvas/tools';

const TOOL_SHORTCUTS = TOOLS.map((t) => [t.key.toUpperCase(), t.label] as const);

/** Every key the editor knows (opened with ?). */
export function ShortcutSheet({ onClose }: { readonly onClose: () => void }) {
  return (
    <div className="shortcut-sheet panel" role="dialog" aria-label="Keyboard shortcuts">
      <div className="shortcut-head">
        <h3>Keyboard shortcuts</h3>
        <button type="button" onClick={onClose}>
          Done
        </button>
      </div>
      <div className="shortcut-columns">
        <ShortcutList shortcuts={TOOL_SHORTCUTS} />
        <ShortcutList shortcuts={OTHER_SHORTCUTS} />
      </div>
    </div>
  );
}
