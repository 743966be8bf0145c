'use client';
/**
 * The one global key listener, and the `?` dialog that lists what the keys do.
 * It knows no shortcut itself: it presses whatever visible element declares
 * the key (see shortcut.tsx), so adding a shortcut is adding an attribute.
 */
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { activate, findShortcutTarget, listShortcuts, shouldIgnore, type DeclaredShortcut } from './dom';
import { Kbd, shortcut } from './shortcut';

export function KeyboardShortcuts() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [shortcuts, setShortcuts] = useState<Array<Omit<DeclaredShortcut, 'element'>>>([]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (shouldIgnore(event)) return;
      const target = findShortcutTarget(event.key);
      if (!target) return; // an unknown key does nothing
      event.preventDefault(); // e.g. "/" focuses the search box without typing a "/" into it
      activate(target);
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  function open() {
    // Read the page as it is now: the list is whatever the visible elements declare.
    setShortcuts(listShortcuts().map(({ key, label }) => ({ key, label })));
    dialog.current?.showModal();
  }

  return (
    <>
      <button
        type="button"
        {...shortcut('?')}
        onClick={open}
        aria-haspopup="dialog"
        aria-label="Keyboard shortcuts"
        // Phones have no keyboard to speak of: the button hides there, and with it the "?" key.
        className="hidden items-center gap-2 rounded-md px-2 py-1.5 text-muted hover:bg-surface hover:text-foreground sm:inline-flex"
      >
        <span className="hidden lg:inline">Shortcuts</span>
        <Kbd>?</Kbd>
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="shortcuts-title"
        // A click on the backdrop lands on the <dialog> itself: close, as most dialogs do.
        onClick={(event) => event.target === event.currentTarget && dialog.current?.close()}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl border border-border bg-background p-0 text-foreground shadow-2xl backdrop:bg-black/50"
      >
        <div className="p-6">
          <div className="flex items-start justify-between gap-4">
            <h2 id="shortcuts-title" className="text-xl font-semibold">
              Keyboard shortcuts
            </h2>
            <form method="dialog">
              <button type="submit" autoFocus className="rounded-md border border-border px-3 py-1 text-sm hover:bg-surface">
                Close
              </button>
            </form>
          </div>
          <p className="mt-1 text-muted">On this page. Press a key anywhere outside a text field.</p>
          {/* "/" exists only where the lesson filter is: say where, rather than let it silently do nothing here. */}
          {!shortcuts.some(({ key }) => key === '/') && (
            <p data-testid="search-elsewhere" className="mt-1 text-muted">
              To search the lessons, press <kbd className="font-mono font-semibold text-foreground">/</kbd> on the{' '}
              {/* The header (and this dialog) stays across pages: close it on the way. */}
              <Link href="/" onClick={() => dialog.current?.close()} className="underline">
                Lessons page
              </Link>
              .
            </p>
          )}
          <dl data-testid="shortcut-list" className="mt-5 divide-y divide-border border-y border-border">
            {shortcuts.map(({ key, label }) => (
              <div key={key} className="flex items-center gap-4 py-2.5">
                <dt>
                  <kbd className="inline-flex w-14 justify-center rounded border border-border bg-surface px-2 py-0.5 font-mono">
                    {key}
                  </kbd>
                </dt>
                <dd className="min-w-0">{label}</dd>
              </div>
            ))}
            <div className="flex items-center gap-4 py-2.5">
              <dt>
                <kbd className="inline-flex w-14 justify-center rounded border border-border bg-surface px-2 py-0.5 font-mono">
                  Esc
                </kbd>
              </dt>
              <dd className="min-w-0">Close this dialog</dd>
            </div>
          </dl>
        </div>
      </dialog>
    </>
  );
}
