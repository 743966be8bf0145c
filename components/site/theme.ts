/**
 * Light, dark, or whatever the system says. The choice is a class on <html>
 * (`.light` / `.dark`; none for "system", where the CSS media query decides),
 * saved in localStorage. The same rule runs twice: as an inline script before
 * the first paint (no flash of the wrong theme) and when the learner toggles.
 */
export const THEMES = ['light', 'dark', 'system'] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_KEY = 'mcp-dojo:theme';

export function parseTheme(value: string | null | undefined): Theme {
  return value === 'light' || value === 'dark' ? value : 'system';
}

export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  root.classList.remove('light', 'dark');
  if (theme !== 'system') root.classList.add(theme);
}

/** Runs in <head> before anything is painted; kept tiny and self-contained (it cannot import). */
export const THEME_SCRIPT = `try{var t=localStorage.getItem(${JSON.stringify(THEME_KEY)});if(t==="light"||t==="dark")document.documentElement.classList.add(t)}catch(e){}`;
