/**
 * A short lock in the StateStore, so two requests for one workspace —
 * served by one instance or two — change it one after the other. Without
 * it, both would read the same state, each add its write, and the second to
 * store would erase the first's ("lost update").
 *
 * Taken with `setIfAbsent` (Redis SET NX PX), so one caller wins; released
 * with `deleteIf` and the holder's own token, so a holder whose lock ran out
 * never frees the next holder's. The TTL is the safety net for an instance
 * that dies while holding it: the lock goes by itself.
 */
import { randomUUID } from 'node:crypto';
import type { StateStore } from './store';

export interface LockOptions {
  /** How long the lock lasts if never released (a crashed holder). */
  ttlMs?: number;
  /** How long to wait for it before giving up with a LockTimeoutError. */
  waitMs?: number;
  /** Between tries while another caller holds it. */
  retryMs?: number;
}

export interface HeldLock {
  /** Frees the lock if this caller still holds it; safe to call twice. */
  release(): Promise<void>;
}

export class LockTimeoutError extends Error {
  override name = 'LockTimeoutError';
}

export async function acquireLock(store: StateStore, key: string, { ttlMs = 30_000, waitMs = 20_000, retryMs = 15 }: LockOptions = {}): Promise<HeldLock> {
  const token = randomUUID();
  const giveUpAt = Date.now() + waitMs;
  while (!(await store.setIfAbsent(key, token, { ttlMs }))) {
    if (Date.now() >= giveUpAt) {
      throw new LockTimeoutError(
        `Another request has been changing this workspace for over ${Math.round(waitMs / 1000)} s. Try again in a moment; if it keeps happening, the request holding it is stuck (its lock frees itself within ${Math.round(ttlMs / 1000)} s).`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, retryMs));
  }
  // Safe to call twice: the second deleteIf finds another token (or none) and deletes nothing.
  return { release: () => store.deleteIf(key, token).then(() => undefined) };
}
