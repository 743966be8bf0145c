'use client';
/** Remembers this lesson as the last one visited, for "Continue where you left off". Renders nothing. */
import { useEffect } from 'react';
import { useProgress } from './use-progress';

export function RecordVisit({ slug }: { slug: string }) {
  const [, { markVisited }] = useProgress();
  useEffect(() => markVisited(slug), [slug, markVisited]);
  return null;
}
