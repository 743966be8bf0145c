/**
 * The last few things a learner observed, per lesson. Small and synchronous,
 * shaped for React's useSyncExternalStore (subscribe + a snapshot whose
 * identity changes only when the list does).
 *
 * Given a storage (the browser's localStorage), each lesson's list survives a
 * reload, like the progress does; without one it lives as long as the tab.
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

/** Versioned, like the progress: a new shape gets a new key instead of misreading old lists. */
export const observationsKey = (lesson: string) => `mcp-dojo:observed:v1:${lesson}`;

export type ObservationStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const KINDS: ReadonlySet<unknown> = new Set<Observed['kind']>(['run', 'comparison', 'widget']);

/**
 * Checks what the list and the prompt read of a saved observation (its kind and sentence); anything else in
 * storage is not ours to show. By hand, not with zod: this runs on every lesson page, where zod would weigh most.
 */
function isSavedObservation(value: unknown): value is Observed {
  if (typeof value !== 'object' || value === null) return false;
  const { kind, summary } = value as Record<string, unknown>;
  return KINDS.has(kind) && typeof summary === 'string';
}

export class ObservationLog {
  #byLesson = new Map<string, readonly Observed[]>();
  readonly #listeners = new Set<() => void>();

  constructor(
    readonly kept: number = OBSERVATIONS_KEPT,
    private readonly storage?: ObservationStorage,
  ) {}

  add(lesson: string, observed: Observed): void {
    const next = [...this.list(lesson), observed].slice(-this.kept);
    this.#byLesson.set(lesson, next);
    this.#save(lesson, next);
    for (const listener of [...this.#listeners]) listener();
  }

  clear(lesson: string): void {
    this.#byLesson.set(lesson, NONE);
    this.#save(lesson, NONE);
    for (const listener of [...this.#listeners]) listener();
  }

  /** Oldest first, the same array until the lesson's list changes. */
  list(lesson: string): readonly Observed[] {
    let observed = this.#byLesson.get(lesson);
    if (!observed) {
      observed = this.#load(lesson);
      this.#byLesson.set(lesson, observed);
    }
    return observed;
  }

  #load(lesson: string): readonly Observed[] {
    try {
      const text = this.storage?.getItem(observationsKey(lesson));
      if (!text) return NONE;
      const saved: unknown = JSON.parse(text);
      if (!Array.isArray(saved) || saved.length === 0 || !saved.every(isSavedObservation)) return NONE;
      return saved.slice(-this.kept);
    } catch {
      return NONE; // storage disabled, or not JSON: start with an empty list
    }
  }

  #save(lesson: string, observed: readonly Observed[]): void {
    try {
      if (observed.length) this.storage?.setItem(observationsKey(lesson), JSON.stringify(observed));
      else this.storage?.removeItem(observationsKey(lesson));
    } catch {
      // Storage full or disabled: the list still lives in memory for this tab.
    }
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };
}
