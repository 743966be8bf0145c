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
    deleteIf: <T>(key: string, value: T) => inner.deleteIf(key, value),
    mapSet: <T>(key: string, field: string, value: T, options: { ttlMs: number }) => inner.mapSet(key, field, copy(value), options),
    mapGetAll: async <T>(key: string) => copy(await inner.mapGetAll<T>(key))!,
    mapGet: async <T>(key: string, field: string) => copy(await inner.mapGet<T>(key, field)),
    mapDelete: (key: string, field: string) => inner.mapDelete(key, field),
  };
}

/** Every StateStore call forwarded to `inner`: spread it and override the call a test wants to fail or watch. */
export function delegateTo(inner: StateStore): StateStore {
  return {
    get: (key) => inner.get(key),
    set: (key, value, options) => inner.set(key, value, options),
    delete: (key) => inner.delete(key),
    take: (key) => inner.take(key),
    setIfAbsent: (key, value, options) => inner.setIfAbsent(key, value, options),
    deleteIf: (key, value) => inner.deleteIf(key, value),
    mapSet: (key, field, value, options) => inner.mapSet(key, field, value, options),
    mapGetAll: (key) => inner.mapGetAll(key),
    mapGet: (key, field) => inner.mapGet(key, field),
    mapDelete: (key, field) => inner.mapDelete(key, field),
  };
}
