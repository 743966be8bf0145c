/**
 * The process's state store: in memory by default (`npm run dev` needs
 * nothing else). On globalThis so `next dev` reloads and every route share it.
 */
import { MemoryStateStore } from './memory-store';
import type { StateStore } from './store';

export { stateKey, type SetOptions, type StateStore } from './store';
export { MemoryStateStore } from './memory-store';

/** A workspace holds a few keys (mock data, one resilience record per backend). */
const KEYS_PER_WORKSPACE = 3;

const globalForState = globalThis as typeof globalThis & { dojoStateStore?: StateStore };

export function getStateStore(env: Record<string, string | undefined> = process.env): StateStore {
  globalForState.dojoStateStore ??= new MemoryStateStore({
    idleMs: positiveNumber(env.DOJO_WORKSPACE_IDLE_MS, 30 * 60_000),
    maxEntries: positiveNumber(env.DOJO_MAX_WORKSPACES, 5_000) * KEYS_PER_WORKSPACE,
  });
  return globalForState.dojoStateStore;
}

function positiveNumber(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}
