import { OTHER_SHORTCUTS, TOOLS } from './canvas/tools';

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
        <dl>
          {TOOLS.map((t) => (
            <div key={t.id} className="shortcut-row">
              <dt>
                <kbd>{t.key.toUpperCase()}</kbd>
              </dt>
              <dd>{t.label}</dd>
            </div>
          ))}
        </dl>
        <dl>
          {OTHER_SHORTCUTS.map(([keys, what]) => (
            <div key={keys} className="shortcut-row">
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
