/**
 * Keyboard shortcuts are declared on the element they trigger, so the key,
 * the button and its on-screen hint cannot drift apart:
 *
 *   import { Kbd, shortcut } from '@/components/keyboard/shortcut';
 *
 *   <button {...shortcut('r')} onClick={run}>Run <Kbd>r</Kbd></button>
 *
 * `shortcut('r')` adds `data-keyboard-shortcut="r"` (the global listener in
 * keyboard-shortcuts.tsx clicks the visible element that declares the key,
 * or focuses it if it is a form field) and `aria-keyshortcuts` for screen
 * readers. `<Kbd>` is the visible hint; it is hidden from screen readers so
 * the button's name stays "Run". On an accent-coloured button use
 * `<Kbd tone="on-accent">`. The `?` dialog lists every shortcut on the page,
 * labelled by the element's aria-label or its text.
 */
import type { ReactNode } from 'react';

export const SHORTCUT_ATTRIBUTE = 'data-keyboard-shortcut';

/** Props that declare `key` (a single `KeyboardEvent.key`, e.g. "n", "?", "/") as the element's shortcut. */
export function shortcut(key: string) {
  return { [SHORTCUT_ATTRIBUTE]: key, 'aria-keyshortcuts': key } as const;
}

const TONES = {
  default: 'border-border bg-surface text-muted shadow-[inset_0_-1px_0_var(--border)]',
  'on-accent': 'border-accent-foreground/60 bg-accent-foreground/15 text-accent-foreground',
} as const;

export function Kbd({ children, tone = 'default', className = '' }: { children: ReactNode; tone?: keyof typeof TONES; className?: string }) {
  return (
    <kbd
      aria-hidden="true"
      className={`inline-flex min-w-[1.5em] items-center justify-center rounded border px-1.5 font-mono text-[0.8em] leading-normal font-medium ${TONES[tone]} ${className}`}
    >
      {children}
    </kbd>
  );
}

/** Alias, for readers who look for "Shortcut": the visible hint of a declared key. */
export { Kbd as Shortcut };
