/**
 * The last good answer per key, kept to be served — labelled stale, with its
 * age — when the upstream fails. Never a substitute for data we never had.
 */
export interface StaleHit<Value> {
  value: Value;
  ageSeconds: number;
  ageMs: number;
}

/** The cache's entries as a plain record (changed in place), so it can live in a StateStore. */
export type CacheRecord<Value> = Record<string, { value: Value; storedAt: number }>;

export class LastGoodCache<Value> {
  constructor(
    private readonly maxEntries = 100,
    private readonly now: () => number = Date.now,
    readonly entries: CacheRecord<Value> = {},
  ) {}

  set(key: string, value: Value): void {
    // Re-insert: an object keeps string keys in insertion order, which is our LRU order.
    delete this.entries[key];
    this.entries[key] = { value, storedAt: this.now() };
    const keys = Object.keys(this.entries);
    for (const oldest of keys.slice(0, Math.max(0, keys.length - this.maxEntries))) delete this.entries[oldest];
  }

  get(key: string): StaleHit<Value> | undefined {
    const entry = Object.hasOwn(this.entries, key) ? this.entries[key] : undefined;
    if (!entry) return undefined;
    const ageMs = this.now() - entry.storedAt;
    return { value: entry.value, ageSeconds: Math.round(ageMs / 1000), ageMs };
  }
}
