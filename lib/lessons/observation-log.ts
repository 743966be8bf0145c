/**
 * The last few things a learner observed, per lesson. Small and synchronous,
 * shaped for React's useSyncExternalStore (subscribe + a snapshot whose
 * identity changes only when the list does).
 */
import type { Comparison } from './comparison';
import type { Observation } from './observations';

/** What a lesson widget saw (e.g. the pagination grid's four counts), in one sentence. */
export interface WidgetObservation {
  kind: 'widget';
  widget: string;
  summary: string;
}

export type Observed = Observation | Comparison | WidgetObservation;

/** Enough to remember a lesson's story; few enough to fit in a prompt URL. */
export const OBSERVATIONS_KEPT = 6;

const NONE: readonly Observed[] = [];

export class ObservationLog {
  #byLesson = new Map<string, readonly Observed[]>();
  readonly #listeners = new Set<() => void>();

  constructor(readonly kept: number = OBSERVATIONS_KEPT) {}

  add(lesson: string, observed: Observed): void {
    this.#byLesson.set(lesson, [...this.list(lesson), observed].slice(-this.kept));
    for (const listener of [...this.#listeners]) listener();
  }

  clear(lesson: string): void {
    this.#byLesson.delete(lesson);
    for (const listener of [...this.#listeners]) listener();
  }

  /** Oldest first, the same array until the lesson's list changes. */
  list(lesson: string): readonly Observed[] {
    return this.#byLesson.get(lesson) ?? NONE;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };
}
