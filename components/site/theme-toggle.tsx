'use client';
/** Three buttons — light, dark, system — the pressed one is the saved choice. */
import { useSyncExternalStore, type ReactNode } from 'react';
import { applyTheme, parseTheme, THEME_KEY, type Theme } from './theme';

const CHANGE_EVENT = 'mcp-dojo:theme-change';

function readTheme(): Theme {
  try {
    return parseTheme(localStorage.getItem(THEME_KEY));
  } catch {
    return 'system';
  }
}

function saveTheme(theme: Theme): void {
  try {
    if (theme === 'system') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, theme);
  } catch {
    // Storage disabled: the theme still applies to this page.
  }
  applyTheme(theme);
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

function subscribe(onChange: () => void): () => void {
  // Another tab changed the theme: follow it here too.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== THEME_KEY) return;
    applyTheme(readTheme());
    onChange();
  };
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener('storage', onStorage);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener('storage', onStorage);
  };
}

const OPTIONS: Array<{ theme: Theme; label: string; icon: ReactNode }> = [
  { theme: 'light', label: 'Light theme', icon: <SunIcon /> },
  { theme: 'dark', label: 'Dark theme', icon: <MoonIcon /> },
  { theme: 'system', label: 'System theme', icon: <MonitorIcon /> },
];

export function ThemeToggle() {
  // The server cannot know the saved theme; it renders "system" and the client corrects it after hydration.
  const current = useSyncExternalStore(subscribe, readTheme, () => 'system' as const);
  return (
    <div role="group" aria-label="Colour theme" className="flex items-center rounded-lg border border-border p-0.5">
      {OPTIONS.map(({ theme, label, icon }) => (
        <button
          key={theme}
          type="button"
          aria-label={label}
          aria-pressed={current === theme}
          title={label}
          onClick={() => saveTheme(theme)}
          className="rounded-md p-1.5 text-muted hover:text-foreground aria-pressed:bg-surface-strong aria-pressed:text-foreground"
        >
          {icon}
        </button>
      ))}
    </div>
  );
}

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      {children}
    </svg>
  );
}

function SunIcon() {
  return (
    <Icon>
      <circle cx="12" cy="12" r="4" />
      <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
    </Icon>
  );
}

function MoonIcon() {
  return (
    <Icon>
      <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" />
    </Icon>
  );
}

function MonitorIcon() {
  return (
    <Icon>
      <rect x="3" y="4" width="18" height="12" rx="2" />
      <path d="M8 20h8M12 16v4" />
    </Icon>
  );
}
