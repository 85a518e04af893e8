export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'studyshelf:theme';

/** The theme follows the system unless the user picked one; the choice is this computer's, not synced. */
export function loadTheme(): ThemeChoice {
  const stored = localStorage.getItem(KEY);
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

/** Told on `window` whenever the theme is chosen (the sidebar, View → Theme, the palette), so every control shows it. */
export const THEME_EVENT = 'studyshelf:theme';

export function applyTheme(choice: ThemeChoice): void {
  document.documentElement.dataset.theme = choice;
  if (choice === 'system') localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, choice);
  window.dispatchEvent(new CustomEvent<ThemeChoice>(THEME_EVENT, { detail: choice }));
}
