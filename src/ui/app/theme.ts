/**
 * The app's colour theme: System (follow the OS: light or dark, high contrast when it asks for
 * more contrast), or Light, Dark, High contrast chosen in Settings and kept on this device.
 * A choice other than System is `data-theme` on <html>, which theme.css reads.
 */
export const THEME_CHOICES = ['system', 'light', 'dark', 'contrast'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

export const THEME_LABELS: Record<ThemeChoice, string> = {
  system: 'System',
  light: 'Light',
  dark: 'Dark',
  contrast: 'High contrast',
};

const STORAGE_KEY = 'frameline.theme';
const listeners = new Set<() => void>();

function isChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (THEME_CHOICES as readonly string[]).includes(value);
}

/** The choice kept on this device; System when none (or storage is unreadable). */
export function savedTheme(): ThemeChoice {
  try {
    const kept = localStorage.getItem(STORAGE_KEY);
    return isChoice(kept) ? kept : 'system';
  } catch {
    return 'system';
  }
}

/** Shows `choice` now; only the page: saveTheme keeps it. */
export function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
  listeners.forEach((listener) => listener());
}

/** Shows `choice` and keeps it for the next visit. */
export function saveTheme(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    // Private mode or full storage: the theme still changes for this visit.
  }
  applyTheme(choice);
}

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');
const contrastQuery = () => window.matchMedia('(prefers-contrast: more)');

/** Whether the colours shown now are dark ones (dark or high contrast, chosen or the OS's). */
export function showsDark(): boolean {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === 'light') return false;
  if (chosen === 'dark' || chosen === 'contrast') return true;
  return darkQuery().matches || contrastQuery().matches;
}

/** Calls `listener` when what showsDark() says may have changed (a choice, or the OS's). */
export function onThemeChange(listener: () => void): () => void {
  listeners.add(listener);
  const queries = [darkQuery(), contrastQuery()];
  queries.forEach((query) => query.addEventListener('change', listener));
  return () => {
    listeners.delete(listener);
    queries.forEach((query) => query.removeEventListener('change', listener));
  };
}
