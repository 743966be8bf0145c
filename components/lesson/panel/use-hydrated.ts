'use client';
/**
 * False in the server-rendered HTML, true once React runs in the browser.
 * The panel's buttons stay disabled until then: a click before hydration
 * would otherwise do nothing, silently.
 */
import { useSyncExternalStore } from 'react';

const subscribe = () => () => undefined;

export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
