import { useState } from 'react';
import { PARTICIPANT_COLORS } from '../../model/participant';
import { showError } from '../app/toastStore';
import { Avatar } from './Avatar';
import { useCollabStores } from './collabServices';
import { useIdentity } from './useMe';

/** Your name and colour, as the others see them (kept in this browser). */
export function ProfileFields() {
  const stores = useCollabStores();
  const { profile } = useIdentity();
  const [name, setName] = useState<string | null>(null);
  if (!profile) return null;
  const shown = name ?? profile.name;
  const save = (patch: Partial<typeof profile>) =>
    stores.settings
      .setProfile({ ...profile, ...patch })
      .catch((error: unknown) => showError('Your name was not saved', error));
  return (
    <div className="profile-fields">
      <Avatar person={{ name: shown || '?', color: profile.color }} />
      <label className="field">
        <span>Your name</span>
        <input
          value={shown}
          maxLength={60}
          onChange={(e) => setName(e.target.value)}
          onBlur={() => {
            if (name !== null && name.trim() && name.trim() !== profile.name) {
              void save({ name: name.trim() });
            }
            setName(null);
          }}
        />
      </label>
      <fieldset className="color-choice">
        <legend>Colour</legend>
        {PARTICIPANT_COLORS.map((color) => (
          <label key={color} className="swatch" style={{ background: color }}>
            <input
              type="radio"
              name="profile-color"
              value={color}
              checked={profile.color === color}
              onChange={() => void save({ color })}
              aria-label={`Colour ${color}`}
            />
          </label>
        ))}
      </fieldset>
    </div>
  );
}
