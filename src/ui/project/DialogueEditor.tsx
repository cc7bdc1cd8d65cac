import type { DialogueLine } from '../../model/shot';

interface Props {
  readonly lines: readonly DialogueLine[];
  readonly speakers: readonly string[];
  readonly onChange: (lines: DialogueLine[]) => void;
}

/** The shot's dialogue: speaker, optional parenthetical and line, one row per speech. */
export function DialogueEditor({ lines, speakers, onChange }: Props) {
  const set = (index: number, patch: Partial<DialogueLine>) =>
    onChange(lines.map((line, i) => (i === index ? { ...line, ...patch } : line)));
  const listId = 'dialogue-speakers';
  return (
    <fieldset className="field dialogue-field">
      <legend>Dialogue</legend>
      <datalist id={listId}>
        {speakers.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {lines.length === 0 ? <p className="muted">No dialogue in this shot.</p> : null}
      {lines.map((line, index) => (
        <div className="dialogue-row" key={index}>
          <input
            aria-label={`Speaker ${index + 1}`}
            list={listId}
            value={line.speaker}
            placeholder="SPEAKER"
            onChange={(e) => set(index, { speaker: e.target.value })}
          />
          <input
            aria-label={`Parenthetical ${index + 1}`}
            value={line.parenthetical}
            placeholder="(parenthetical)"
            onChange={(e) => set(index, { parenthetical: e.target.value })}
          />
          <textarea
            aria-label={`Dialogue line ${index + 1}`}
            rows={2}
            value={line.line}
            onChange={(e) => set(index, { line: e.target.value })}
          />
          <button
            type="button"
            className="button quiet"
            aria-label={`Remove speech ${index + 1}`}
            onClick={() => onChange(lines.filter((_, i) => i !== index))}
          >
            ✕
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button quiet"
        onClick={() =>
          onChange([...lines, { speaker: speakers[0] ?? '', line: '', parenthetical: '' }])
        }
      >
        + Add line
      </button>
    </fieldset>
  );
}
