import { useState } from 'react';
import { styleChange } from '../../ai/sketchForShot';
import type { StylePreset } from '../../model/stylePreset';
import type { ProjectSession } from '../../store';
import { Dialog } from '../common/Dialog';

/** Adds a project style: a name and the words every frame prompt starts with. */
export function StyleDialog({
  session,
  styles,
  onClose,
}: {
  readonly session: ProjectSession;
  readonly styles: readonly StylePreset[];
  readonly onClose: () => void;
}) {
  const [name, setName] = useState('');
  const [prompt, setPrompt] = useState('');
  const { meta } = session.getState().snapshot;
  const custom = meta.customStyles;
  const taken = styles.some((s) => s.name.toLowerCase() === name.trim().toLowerCase());
  return (
    <Dialog title="New frame style" onClose={onClose}>
      <form
        className="ai-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim() || !prompt.trim() || taken) return;
          const style: StylePreset = {
            id: `custom-${crypto.randomUUID()}`,
            name: name.trim(),
            prompt: prompt.trim(),
          };
          session.run('project/update', {
            patch: styleChange(meta, { customStyles: [...custom, style], stylePresetId: style.id }),
          });
          onClose();
        }}
      >
        <label className="field">
          <span>Style name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        {taken ? <p className="ai-error">A style with that name exists.</p> : null}
        <label className="field">
          <span>Style words (start of every frame prompt)</span>
          <textarea
            rows={3}
            value={prompt}
            placeholder="e.g. Charcoal storyboard sketch, heavy smudged shadows, 1970s thriller mood"
            onChange={(e) => setPrompt(e.target.value)}
          />
        </label>
        <div className="dialog-actions">
          <button type="button" className="button quiet" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button primary"
            disabled={!name.trim() || !prompt.trim() || taken}
          >
            Add style
          </button>
        </div>
      </form>
    </Dialog>
  );
}
