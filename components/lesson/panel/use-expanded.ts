'use client';
/**
 * "Full screen" for the panel: two results side by side need the whole
 * width on a projector. Escape goes back, as it does everywhere else.
 */
import { useEffect, useState } from 'react';

export function useExpanded() {
  const [expanded, setExpanded] = useState(false);
  useEffect(() => {
    if (!expanded) return;
    const onKeyDown = (event: KeyboardEvent) => {
      // An open dialog (e.g. manual copy) handles its own Escape first.
      if (event.key === 'Escape' && !document.querySelector('dialog[open]')) setExpanded(false);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [expanded]);
  return { expanded, toggle: () => setExpanded((value) => !value) };
}
