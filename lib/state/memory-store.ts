/**
 * The in-memory StateStore: bounded, so abandoned workspaces cannot pile up.
 *
 * An entry idle for longer than `idleMs` (or past the TTL it was written with) is dropped (on access and by a
 * periodic sweep, so memory returns even when nobody calls), and at
 * `maxEntries` the least recently used entry makes room. A Map keeps
 * insertion order: re-inserting on every touch makes its first key the LRU.
 */
import type { SetOptions, StateStore } from './store';

export interface MemoryStoreOptions {
  idleMs: number;
  maxEntries: number;
  now?: () => number;
  /** How often to sweep idle entries; 0 turns the timer off (tests sweep by hand). */
  sweepEveryMs?: number;
}

interface Entry {
  value: unknown;
  lastSeen: number;
  /** Set by a write with a TTL: the entry is gone at this time, however often it is read. */
  expiresAt?: number;
}

export class MemoryStateStore implements StateStore {
  readonly #entries = new Map<string, Entry>();
  readonly #now: () => number;
  readonly #timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly options: MemoryStoreOptions) {
    this.#now = options.now ?? Date.now;
    const every = options.sweepEveryMs ?? Math.min(options.idleMs, 60_000);
    if (every > 0) {
      this.#timer = setInterval(() => this.sweep(), every);
      // The sweep must never keep a process (a test, the stdio server) alive.
      // Stryker disable next-line OptionalChaining: equivalent on Node, whose timers all have unref
      this.#timer.unref?.();
    }
  }

  get size(): number {
    return this.#entries.size;
  }

  async get<T>(key: string): Promise<T | undefined> {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (this.#isGone(entry)) {
      this.#entries.delete(key);
      return undefined;
    }
    this.#touch(key, entry);
    return entry.value as T;
  }

  async set<T>(key: string, value: T, options: SetOptions = {}): Promise<void> {
    this.#write(key, value, options);
  }

  /**
   * Atomic for the same reason as `take`: the check and the write run with
   * no await between them. A refused write leaves the holder as it was, its
   * expiry and its place in the LRU order included (Redis `SET NX` does too).
   */
  async setIfAbsent<T>(key: string, value: T, options: SetOptions = {}): Promise<boolean> {
    const entry = this.#entries.get(key);
    if (entry && !this.#isGone(entry)) return false;
    this.#write(key, value, options);
    return true;
  }

  async delete(key: string): Promise<void> {
    this.#entries.delete(key);
  }

  /**
   * Atomic because nothing awaits between the read and the delete, so no
   * other call can run in between (an `await this.get()` here would open
   * exactly that gap).
   */
  async take<T>(key: string): Promise<T | undefined> {
    const entry = this.#entries.get(key);
    this.#entries.delete(key);
    return entry && !this.#isGone(entry) ? (entry.value as T) : undefined;
  }

  /** Atomic: the comparison and the delete run with no await between them. */
  async deleteIf<T>(key: string, value: T): Promise<boolean> {
    const entry = this.#entries.get(key);
    if (!entry || this.#isGone(entry) || JSON.stringify(entry.value) !== JSON.stringify(value)) return false;
    this.#entries.delete(key);
    return true;
  }

  /** The map is a plain object in one entry; each call is atomic because nothing awaits inside it. */
  async mapSet<T>(key: string, field: string, value: T, options: { ttlMs: number }): Promise<void> {
    const map = { ...this.#liveMap(key), [field]: value };
    this.#write(key, map, options);
  }

  async mapGetAll<T>(key: string): Promise<Record<string, T>> {
    return { ...(this.#liveMap(key) as Record<string, T>) };
  }

  async mapGet<T>(key: string, field: string): Promise<T | undefined> {
    return this.#liveMap(key)[field] as T | undefined;
  }

  async mapDelete(key: string, field: string): Promise<void> {
    const entry = this.#entries.get(key);
    if (!entry) return; // (an expired map may lose a field too: it reads as empty either way)
    // The expiry stays as it was (Redis HDEL leaves the key's TTL alone).
    const { [field]: _removed, ...rest } = entry.value as Record<string, unknown>;
    entry.value = rest;
  }

  /** Drops every idle entry. */
  sweep(): void {
    for (const [key, entry] of this.#entries) {
      if (this.#isGone(entry)) this.#entries.delete(key);
    }
  }

  close(): void {
    // Stryker disable next-line ConditionalExpression: equivalent — clearInterval(undefined) does nothing
    if (this.#timer) clearInterval(this.#timer);
  }

  #write(key: string, value: unknown, options: SetOptions): void {
    const expiresAt = options.ttlMs === undefined ? undefined : this.#now() + options.ttlMs;
    this.#touch(key, { value, lastSeen: 0, expiresAt });
    while (this.#entries.size > this.options.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      // Stryker disable next-line ConditionalExpression: equivalent — above maxEntries (≥ 0) the map has a first key
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  /** The map under `key`, or an empty one when there is none (or it expired). Does not refresh its expiry. */
  #liveMap(key: string): Record<string, unknown> {
    const entry = this.#entries.get(key);
    if (!entry || this.#isGone(entry)) return {};
    return entry.value as Record<string, unknown>;
  }

  #touch(key: string, entry: Entry): void {
    entry.lastSeen = this.#now();
    this.#entries.delete(key);
    this.#entries.set(key, entry);
  }

  #isGone(entry: Entry): boolean {
    if (entry.expiresAt !== undefined) return this.#now() >= entry.expiresAt;
    return this.#now() - entry.lastSeen > this.options.idleMs;
  }
}
