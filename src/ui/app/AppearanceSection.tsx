import { useState } from 'react';
import { savedTheme, saveTheme, THEME_CHOICES, THEME_LABELS, type ThemeChoice } from './theme';

/** Settings → Appearance: System / Light / Dark / High contrast, kept on this device. */
export function AppearanceSection() {
  const [choice, setChoice] = useState<ThemeChoice>(savedTheme);
  return (
    <fieldset className="theme-choice">
      <legend>Theme</legend>
      {THEME_CHOICES.map((option) => (
        <label key={option} className="check">
          <input
            type="radio"
            name="theme"
            value={option}
            checked={choice === option}
            onChange={() => {
              setChoice(option);
              saveTheme(option);
            }}
          />{' '}
          {THEME_LABELS[option]}
        </label>
      ))}
      <p className="muted">
        System follows this device: light or dark, and high contrast when it asks for more contrast.
      </p>
    </fieldset>
  );
}
