/**
 * The last good answer per key, kept to be served — labelled stale, with its
 * age — when the upstream fails. Never a substitute for data we never had.
 */
export interface StaleHit<Value> {
  value: Value;
  ageSeconds: number;
}

export class LastGoodCache<Value> {
  readonly #entries = new Map<string, { value: Value; storedAt: number }>();

  constructor(
    private readonly maxEntries = 100,
    private readonly now: () => number = Date.now,
  ) {}

  set(key: string, value: Value): void {
    this.#entries.delete(key); // re-insert: Map order is our LRU order
    this.#entries.set(key, { value, storedAt: this.now() });
    if (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }

  get(key: string): StaleHit<Value> | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    return { value: entry.value, ageSeconds: Math.round((this.now() - entry.storedAt) / 1000) };
  }
}
