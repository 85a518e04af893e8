export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'studyshelf:theme';

/** The theme follows the system unless the user picked one; the choice is this computer's, not synced. */
export function loadTheme(): ThemeChoice {
  const stored = localStorage.getItem(KEY);
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

export function applyTheme(choice: ThemeChoice): void {
  document.documentElement.dataset.theme = choice;
  if (choice === 'system') localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, choice);
}
