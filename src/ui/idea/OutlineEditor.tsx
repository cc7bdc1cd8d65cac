import { addBeat, moveBeat, removeBeat, setBeat } from '../../workflows/idea/editOutputs';
import type { Outline } from '../../workflows/idea/outputs';
import { useDraft } from './useDraft';

interface Props {
  readonly outline: Outline;
  readonly onSave: (outline: Outline) => void;
  readonly readOnly: boolean;
}

/** The outline as a list of beats to retitle, rewrite, reorder, add and remove. */
export function OutlineEditor({ outline, onSave, readOnly }: Props) {
  const { draft, change, flush } = useDraft(outline, onSave);
  const now = (next: Outline) => {
    change(next);
    flush();
  };
  return (
    <div className="idea-outline">
      <label className="field">
        <span>Title</span>
        <input
          value={draft.title}
          readOnly={readOnly}
          onChange={(e) => change({ ...draft, title: e.target.value })}
          onBlur={flush}
        />
      </label>
      <ol className="idea-beats">
        {draft.beats.map((beat, i) => (
          <li key={i} className="idea-beat">
            <span className="idea-beat-number" aria-hidden="true">
              {i + 1}
            </span>
            <div className="idea-beat-fields">
              <input
                aria-label={`Beat ${i + 1} title`}
                value={beat.title}
                readOnly={readOnly}
                onChange={(e) => change(setBeat(draft, i, { title: e.target.value }))}
                onBlur={flush}
              />
              <textarea
                aria-label={`Beat ${i + 1} summary`}
                value={beat.summary}
                rows={2}
                readOnly={readOnly}
                onChange={(e) => change(setBeat(draft, i, { summary: e.target.value }))}
                onBlur={flush}
              />
            </div>
            <div className="idea-beat-actions">
              <button
                type="button"
                className="button quiet"
                aria-label={`Move beat ${i + 1} up`}
                disabled={readOnly || i === 0}
                onClick={() => now(moveBeat(draft, i, -1))}
              >
                ↑
              </button>
              <button
                type="button"
                className="button quiet"
                aria-label={`Move beat ${i + 1} down`}
                disabled={readOnly || i === draft.beats.length - 1}
                onClick={() => now(moveBeat(draft, i, 1))}
              >
                ↓
              </button>
              <button
                type="button"
                className="button quiet danger"
                aria-label={`Remove beat ${i + 1}`}
                disabled={readOnly || draft.beats.length <= 1}
                onClick={() => now(removeBeat(draft, i))}
              >
                ✕
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button"
        disabled={readOnly}
        onClick={() => now(addBeat(draft))}
      >
        Add beat
      </button>
    </div>
  );
}
