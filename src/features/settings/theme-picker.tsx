import { useState } from 'react';
import { readTheme, saveTheme, THEMES, type Theme } from './theme';

const LABELS: Record<Theme, string> = { light: 'Light', dark: 'Dark', system: 'Same as the system' };

/** Applied at once and kept on this device; "system" follows the system's switch. */
export function ThemePicker() {
  const [theme, setTheme] = useState(readTheme);
  const choose = (next: Theme) => {
    setTheme(next);
    saveTheme(next);
  };
  return (
    <fieldset className="space-y-2">
      <legend className="text-lg font-semibold">Theme</legend>
      <div className="flex flex-wrap gap-4 text-sm">
        {THEMES.map((option) => (
          <label key={option} className="flex items-center gap-2">
            <input
              type="radio"
              name="theme"
              value={option}
              checked={theme === option}
              onChange={() => choose(option)}
            />
            {LABELS[option]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
