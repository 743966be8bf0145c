'use client';
/**
 * Copy a text to the clipboard: `copied` for a moment after it worked,
 * `manual` when the browser refused (show the text to copy by hand, see
 * manual-copy-dialog.tsx) until `reset`.
 */
import { useEffect, useState } from 'react';

export type CopyState = 'idle' | 'copied' | 'manual';

const FEEDBACK_MS = 2500;

export function useCopy() {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async (text: string) => {
    try {
      // Missing outside secure contexts (plain http on another host), and refusable by the user.
      if (!navigator.clipboard?.writeText) throw new Error('Clipboard API unavailable');
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('manual');
    }
  };

  return { state, copy, reset: () => setState('idle') };
}
