import { useEffect, useState } from 'react';
import { loadTheme, THEME_EVENT, type ThemeChoice } from '../theme';

/** The theme chosen, kept current when it is chosen elsewhere (View → Theme, the palette). */
export function useThemeChoice() {
  const [theme, setTheme] = useState<ThemeChoice>(loadTheme);
  useEffect(() => {
    const listener = (event: Event) => setTheme((event as CustomEvent<ThemeChoice>).detail);
    window.addEventListener(THEME_EVENT, listener);
    return () => window.removeEventListener(THEME_EVENT, listener);
  }, []);
  return [theme, setTheme] as const;
}
