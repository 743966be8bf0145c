'use client';
/**
 * The learner's progress as React state. One store per tab, over localStorage;
 * on the server (and during hydration) every component sees empty progress,
 * so server and client HTML agree and the saved progress appears right after.
 */
import { useSyncExternalStore } from 'react';
import { createProgressStore, EMPTY_PROGRESS, type Progress, type ProgressStore } from '@/lib/lessons/progress';
import { localStorageIfAvailable } from './local-storage';

let store: ProgressStore | undefined;

function progressStore(): ProgressStore {
  store ??= createProgressStore(localStorageIfAvailable());
  return store;
}

function subscribe(onChange: () => void): () => void {
  const unsubscribe = progressStore().subscribe(onChange);
  // Another tab saved progress: re-read it.
  const onStorage = () => progressStore().refresh();
  window.addEventListener('storage', onStorage);
  return () => {
    unsubscribe();
    window.removeEventListener('storage', onStorage);
  };
}

const getSnapshot = () => progressStore().get();
const getServerSnapshot = () => EMPTY_PROGRESS;

export interface ProgressActions {
  setCompleted(slug: string, completed: boolean): void;
  markVisited(slug: string): void;
  saveAnswer(slug: string, checkpoint: number, choice: number): void;
  clearAnswer(slug: string, checkpoint: number): void;
  reset(): void;
}

const actions: ProgressActions = {
  setCompleted: (slug, completed) => progressStore().setCompleted(slug, completed),
  markVisited: (slug) => progressStore().markVisited(slug),
  saveAnswer: (slug, checkpoint, choice) => progressStore().saveAnswer(slug, checkpoint, choice),
  clearAnswer: (slug, checkpoint) => progressStore().clearAnswer(slug, checkpoint),
  reset: () => progressStore().reset(),
};

export function useProgress(): [Progress, ProgressActions] {
  return [useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot), actions];
}
