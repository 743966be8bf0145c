/**
 * A small, bounded, append-only log that React reads with
 * useSyncExternalStore: entries numbered from 1 (the numbering keeps going
 * across clear()), the oldest dropped past `maxEntries`, and a new array on
 * every change so snapshots compare by identity. The protocol trace and the
 * HTTP exchange log are both one of these.
 */
export type LogListener = () => void;

export class SequencedLog<Entry extends { seq: number }> {
  #entries: readonly Entry[] = [];
  #nextSeq = 1;
  readonly #listeners = new Set<LogListener>();
  readonly #maxEntries: number;

  /** `maxEntries` bounds memory in a long-lived page: the oldest entries are dropped. */
  constructor(options: { maxEntries?: number }, defaultMaxEntries: number) {
    this.#maxEntries = options.maxEntries ?? defaultMaxEntries;
  }

  /** The entries in order; the same array until the next change (stable identity for React). */
  get entries(): readonly Entry[] {
    return this.#entries;
  }

  append(entry: Omit<Entry, 'seq'>): Entry {
    const full = { seq: this.#nextSeq++, ...entry } as Entry;
    this.#entries = [...this.#entries, full].slice(-this.#maxEntries);
    this.#emit();
    return full;
  }

  clear(): void {
    this.#entries = [];
    this.#emit();
  }

  /** Returns the unsubscribe function, as useSyncExternalStore expects. */
  subscribe = (listener: LogListener): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  snapshot = (): readonly Entry[] => this.#entries;

  #emit(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}
