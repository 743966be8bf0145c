'use client';
/**
 * The workshop room bar, on every page. Costs nothing outside a room: it
 * reads one localStorage key, and only a browser that joined a room loads
 * the bar itself (seated-bar.tsx) and asks the server about it.
 */
import { usePathname } from 'next/navigation';
import { lazy, Suspense, useReducer, useSyncExternalStore } from 'react';
import { JOINED_ROOM_KEY } from './room-keys';

const RoomMembership = lazy(() => import('./seated-bar'));

const subscribe = (onChange: () => void) => {
  window.addEventListener('storage', onChange); // joined or left in another tab
  return () => window.removeEventListener('storage', onChange);
};

export function RoomBar() {
  // The layout stays mounted across navigations: each new page renders this again and reads the key again,
  // so a learner who just joined (then moved on) gets the bar.
  usePathname();
  const [, forgotten] = useReducer((count: number) => count + 1, 0);
  const remembered = useSyncExternalStore(
    subscribe,
    () => localStorage.getItem(JOINED_ROOM_KEY),
    () => null, // the server knows no browser's storage; the first client render matches it
  );
  if (!remembered) return null;
  return (
    <Suspense fallback={null}>
      <RoomMembership remembered={remembered} onForget={forgotten} />
    </Suspense>
  );
}
