'use client';
/**
 * The learner's observations for one lesson, kept for the browser tab's life:
 * moving to another lesson and back keeps them (module state, not component state).
 */
import { useSyncExternalStore } from 'react';
import { ObservationLog, type Observed } from '@/lib/lessons/observation-log';

const log = new ObservationLog();
const NONE: readonly Observed[] = [];

export function useObservations(lesson: string) {
  const observations = useSyncExternalStore(
    log.subscribe,
    () => log.list(lesson),
    () => NONE, // nothing is observed while rendering on the server
  );
  return {
    observations,
    add: (observed: Observed) => log.add(lesson, observed),
    clear: () => log.clear(lesson),
  };
}
