'use client';
/**
 * The learner's observations for one lesson, kept in localStorage: moving to
 * another lesson and back, or reloading, keeps them (and so the prompt keeps them too).
 */
import { useSyncExternalStore } from 'react';
import { ObservationLog, OBSERVATIONS_KEPT, type Observed } from '@/lib/lessons/observation-log';
import { localStorageIfAvailable } from '../local-storage';

let log: ObservationLog | undefined;

// Created on first use in the browser, where localStorage exists (never while rendering on the server).
function observationLog(): ObservationLog {
  log ??= new ObservationLog(OBSERVATIONS_KEPT, localStorageIfAvailable());
  return log;
}

const subscribe = (listener: () => void) => observationLog().subscribe(listener);
const NONE: readonly Observed[] = [];

export function useObservations(lesson: string) {
  const observations = useSyncExternalStore(
    subscribe,
    () => observationLog().list(lesson),
    () => NONE, // nothing is observed while rendering on the server (and the first client render matches it)
  );
  return {
    observations,
    add: (observed: Observed) => observationLog().add(lesson, observed),
    clear: () => observationLog().clear(lesson),
  };
}
