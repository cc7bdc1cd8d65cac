import { useState } from 'react';
import { Dialog } from '../common/Dialog';

interface Props {
  readonly onImport: (text: string) => Promise<boolean>;
  readonly onClose: () => void;
}

export function PasteScreenplayDialog({ onImport, onClose }: Props) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Dialog title="Paste a script" onClose={onClose}>
      <p className="muted">
        Paste Fountain text (or type one). Scene headings start with INT. or EXT.
      </p>
      <label className="field">
        <span>Screenplay text</span>
        <textarea
          rows={14}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={
            'INT. KITCHEN - NIGHT\n\nANNA stands at the window.\n\nANNA\nHe is not coming.'
          }
          className="script-text"
        />
      </label>
      <div className="dialog-actions">
        <button className="button" type="button" onClick={onClose}>
          Cancel
        </button>
        <button
          className="button primary"
          type="button"
          disabled={busy || text.trim() === ''}
          onClick={async () => {
            setBusy(true);
            const ok = await onImport(text);
            setBusy(false);
            if (ok) onClose();
          }}
        >
          Import pasted script
        </button>
      </div>
    </Dialog>
  );
}
