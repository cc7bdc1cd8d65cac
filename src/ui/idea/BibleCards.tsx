import { setEntry, type BibleEntry } from '../../workflows/idea/editOutputs';
import type { Bible } from '../../workflows/idea/outputs';
import { useDraft } from './useDraft';

interface Props {
  readonly bible: Bible;
  readonly onSave: (bible: Bible) => void;
  readonly readOnly: boolean;
}

const FIELDS: readonly { key: keyof Omit<BibleEntry, 'name'>; label: string }[] = [
  { key: 'description', label: 'Who' },
  { key: 'look', label: 'Look' },
  { key: 'wardrobe', label: 'Wardrobe' },
];

/** The character bible as cards: what the frames will draw each character from. */
export function BibleCards({ bible, onSave, readOnly }: Props) {
  const { draft, change, flush } = useDraft(bible, onSave);
  if (draft.length === 0)
    return (
      <p className="muted">The script names no characters, so there is nothing to describe.</p>
    );
  return (
    <ul className="idea-cards">
      {draft.map((entry, i) => (
        <li key={`${entry.name}-${i}`} className="idea-card panel">
          <h3>{entry.name}</h3>
          {FIELDS.map(({ key, label }) => (
            <label key={key} className="field">
              <span>{label}</span>
              <textarea
                aria-label={`${entry.name}: ${label}`}
                rows={2}
                value={entry[key]}
                readOnly={readOnly}
                onChange={(e) => change(setEntry(draft, i, { [key]: e.target.value }))}
                onBlur={flush}
              />
            </label>
          ))}
        </li>
      ))}
    </ul>
  );
}
