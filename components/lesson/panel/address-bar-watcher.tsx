'use client';
/**
 * Calls `onQueryChange` after hydration, and again each time the page's query
 * changes without a new page: a client navigation to the same lesson with
 * another query (a presenter's router.push), back and forward, replaceState.
 * Renders nothing.
 *
 * useSearchParams would make a statically rendered page give up rendering on
 * the server up to the nearest Suspense boundary: this is the boundary, and
 * what it leaves out is nothing — the panel itself still renders on the server.
 */
import { useSearchParams } from 'next/navigation';
import { Suspense, useEffect, useEffectEvent } from 'react';

export function AddressBarWatcher({ onQueryChange }: { onQueryChange: () => void }) {
  return (
    <Suspense fallback={null}>
      <QueryListener onQueryChange={onQueryChange} />
    </Suspense>
  );
}

function QueryListener({ onQueryChange }: { onQueryChange: () => void }) {
  const query = useSearchParams().toString();
  // The latest callback, without making it a reason to run again: only a new query is.
  const onChange = useEffectEvent(onQueryChange);
  useEffect(() => onChange(), [query]);
  return null;
}
