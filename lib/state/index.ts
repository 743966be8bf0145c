/**
 * The process's state store. `REDIS_URL` set: Redis, shared by every
 * instance of the app. Not set: in this process's memory, the default
 * (`npm run dev` needs nothing else). On globalThis so `next dev` reloads
 * and every route share it.
 *
 * `getStateStore()` stays synchronous for its many callers: the Redis store
 * connects on its first command. `connectStateStore()` (called by
 * instrumentation.ts at start) connects at once, so a wrong or unreachable
 * REDIS_URL stops the start with a clear error instead of failing the first
 * learner's call.
 */
import { MemoryStateStore } from './memory-store';
import { DEFAULT_PREFIX, RedisStateStore } from './redis-store';
import type { StateStore } from './store';

export { stateKey, type SetOptions, type StateStore } from './store';
export { MemoryStateStore } from './memory-store';
export { RedisStateStore } from './redis-store';
export { StateStoreUnavailableError } from './redis-connection';
export { acquireLock, LockTimeoutError, type HeldLock } from './lock';

type Env = Record<string, string | undefined>;

/** A workspace holds a few keys (mock data, one resilience record per backend). */
const KEYS_PER_WORKSPACE = 3;

const globalForState = globalThis as typeof globalThis & { dojoStateStore?: StateStore };

export function getStateStore(env: Env = process.env): StateStore {
  globalForState.dojoStateStore ??= createStateStore(env);
  return globalForState.dojoStateStore;
}

/** A new store as the environment asks for it (getStateStore keeps one per process). */
export function createStateStore(env: Env = process.env): StateStore {
  const idleMs = positiveNumber(env.DOJO_WORKSPACE_IDLE_MS, 30 * 60_000);
  const redisUrl = env.REDIS_URL?.trim();
  if (redisUrl) {
    return new RedisStateStore({ url: redisUrl, source: 'REDIS_URL', idleMs, prefix: env.DOJO_REDIS_PREFIX || DEFAULT_PREFIX });
  }
  return new MemoryStateStore({
    idleMs,
    maxEntries: positiveNumber(env.DOJO_MAX_WORKSPACES, 5_000) * KEYS_PER_WORKSPACE,
  });
}

/** Connects the process's store now if it is Redis; rejects with a StateStoreUnavailableError that says what to do. */
export async function connectStateStore(env: Env = process.env): Promise<string> {
  const store = getStateStore(env);
  if (!(store instanceof RedisStateStore)) return 'State store: in this process (set REDIS_URL to share state between instances)';
  await store.connect();
  return `State store: Redis at ${store.where}`;
}

function positiveNumber(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}
