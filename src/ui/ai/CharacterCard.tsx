import { useState } from 'react';
import type { Character, CharacterPatch } from '../../model/character';
import type { ProjectSession } from '../../store';
import { useAssetUrl } from '../common/useAssetUrl';

const FIELDS = [
  ['description', 'Description', 'Who they are: role, manner'],
  ['look', 'Look', 'Age, build, face, hair'],
  ['wardrobe', 'Wardrobe', 'Clothes, what they carry'],
] as const;

interface Props {
  readonly session: ProjectSession;
  readonly character: Character;
  readonly busy: boolean;
  readonly onUpload: () => void;
  readonly onGenerate: () => void;
}

/** One character's bible: description, look, wardrobe, and the sheet image providers receive. */
export function CharacterCard({ session, character, busy, onUpload, onGenerate }: Props) {
  const sheetUrl = useAssetUrl(character.sheetHash);
  const [drafts, setDrafts] = useState<CharacterPatch>({});
  const disabled = session.readOnly;
  const commit = (key: keyof CharacterPatch) => {
    const value = drafts[key];
    if (value === undefined) return;
    session.run('character/update', {
      characterId: character.id,
      patch: { [key]: value.trim() },
    });
    setDrafts(({ [key]: _dropped, ...rest }) => rest);
  };
  return (
    <fieldset className="ai-character" disabled={disabled}>
      <legend>{character.name}</legend>
      <div className="ai-character-body">
        <figure className="ai-sheet">
          {sheetUrl ? (
            <img src={sheetUrl} alt={`Character sheet of ${character.name}`} />
          ) : (
            <span className="muted">No sheet</span>
          )}
          <div className="ai-row-actions">
            <button
              type="button"
              className="button quiet"
              aria-label={`Upload sheet for ${character.name}`}
              onClick={onUpload}
            >
              Upload
            </button>
            <button
              type="button"
              className="button quiet"
              disabled={busy}
              aria-label={`Generate sheet for ${character.name}`}
              onClick={onGenerate}
            >
              {busy ? 'Working…' : 'Generate'}
            </button>
            {character.sheetHash ? (
              <button
                type="button"
                className="button quiet danger"
                aria-label={`Remove sheet of ${character.name}`}
                onClick={() =>
                  session.run('character/setSheet', { characterId: character.id, hash: null })
                }
              >
                Remove
              </button>
            ) : null}
          </div>
        </figure>
        <div className="ai-character-fields">
          {FIELDS.map(([key, label, hint]) => (
            <label key={key} className="field">
              <span>{label}</span>
              <textarea
                rows={2}
                placeholder={hint}
                aria-label={`${label} of ${character.name}`}
                value={drafts[key] ?? character[key]}
                onChange={(e) => setDrafts((d) => ({ ...d, [key]: e.target.value }))}
                onBlur={() => commit(key)}
              />
            </label>
          ))}
        </div>
      </div>
    </fieldset>
  );
}
