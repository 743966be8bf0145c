/**
 * A memory store that hands out copies, as Redis does: what one caller got
 * is not what another caller holds. Two callers on this store behave like
 * two app instances sharing one Redis, so races that object identity would
 * hide in the plain memory store show up here, without a Redis server.
 */
import { MemoryStateStore } from '../memory-store';
import type { SetOptions, StateStore } from '../store';

export function copyingStore(inner = new MemoryStateStore({ idleMs: 60 * 60_000, maxEntries: 10_000, sweepEveryMs: 0 })): StateStore {
  const copy = <T>(value: T | undefined): T | undefined => (value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as T));
  return {
    get: async <T>(key: string) => copy(await inner.get<T>(key)),
    set: <T>(key: string, value: T, options?: SetOptions) => inner.set(key, copy(value), options),
    delete: (key: string) => inner.delete(key),
    take: async <T>(key: string) => copy(await inner.take<T>(key)),
    setIfAbsent: <T>(key: string, value: T, options?: SetOptions) => inner.setIfAbsent(key, copy(value), options),
  };
}
