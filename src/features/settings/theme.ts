/** Light, dark, or whatever the system says: the user's choice, kept on this device (never with the key). */
export const THEMES = ['light', 'dark', 'system'] as const;
export type Theme = (typeof THEMES)[number];

/** index.html's first-paint script reads the same slot; a test holds the two together. */
export const THEME_SLOT = 'scrape-dashboard.theme';

const DARK_QUERY = '(prefers-color-scheme: dark)';

export function readTheme(): Theme {
  try {
    const stored = window.localStorage.getItem(THEME_SLOT);
    return THEMES.find((theme) => theme === stored) ?? 'system';
  } catch {
    return 'system'; // storage disabled: the system decides
  }
}

function systemIsDark() {
  return typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches;
}

function applyTheme(theme: Theme) {
  const dark = theme === 'dark' || (theme === 'system' && systemIsDark());
  document.documentElement.classList.toggle('dark', dark);
}

export function saveTheme(theme: Theme) {
  try {
    if (theme === 'system') window.localStorage.removeItem(THEME_SLOT);
    else window.localStorage.setItem(THEME_SLOT, theme);
  } catch {
    /* see readTheme(): the choice then lasts until the tab closes */
  }
  applyTheme(theme);
}

/** With "system", the page follows the system's own switch while it is open. */
export function followSystemTheme() {
  if (typeof window.matchMedia !== 'function') return;
  window.matchMedia(DARK_QUERY).addEventListener('change', () => applyTheme(readTheme()));
}
