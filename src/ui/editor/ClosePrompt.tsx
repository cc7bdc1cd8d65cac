import { useEffect, useRef } from 'react';

interface Props {
  readonly busy: boolean;
  readonly onSave: () => void;
  readonly onDiscard: () => void;
  readonly onCancel: () => void;
}

/**
 * Asked when the editor closes with a drawing changed since the last "Save frame". The strokes
 * are kept whatever the answer; only the board's flattened frame would show the older picture.
 */
export function ClosePrompt({ busy, onSave, onDiscard, onCancel }: Props) {
  const save = useRef<HTMLButtonElement>(null);
  useEffect(() => save.current?.focus(), []);
  return (
    <div
      className="editor-close-prompt panel"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="editor-close-title"
      aria-describedby="editor-close-text"
    >
      <h3 id="editor-close-title">Save the frame first?</h3>
      <p id="editor-close-text">
        The drawing changed since the frame was last saved. Your strokes are kept either way;
        without saving, the board keeps showing the older frame.
      </p>
      <div className="editor-close-actions">
        <button ref={save} type="button" className="primary" disabled={busy} onClick={onSave}>
          Save
        </button>
        <button type="button" onClick={onDiscard}>
          Discard frame update
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
