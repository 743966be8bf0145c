'use client';
/**
 * Marks <html data-hydrated="true"> once React has run every effect of the
 * page (this component comes last in <body>, so its effect runs last): key
 * listeners are attached and buttons live. Tests wait for it instead of
 * guessing from network silence.
 */
import { useEffect } from 'react';

export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return null;
}
