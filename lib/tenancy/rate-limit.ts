/**
 * A token bucket per tenant, so one noisy tenant cannot starve the others.
 *
 * Each tenant's bucket holds up to `burst` tokens and refills at
 * `perSecond`; a tool call takes one. An empty bucket answers "wait N
 * seconds" for that tenant only — every other tenant has a bucket of its own.
 * The bucket lives in the StateStore under the tenant's key, like every other
 * per-tenant state, so several app instances share it through one store;
 * a short per-tenant lock makes each take one step, on one instance or many.
 */
import { acquireLock, stateKey, type StateStore } from '@/lib/state';

export interface RateLimitSettings {
  /** How many calls a tenant may make at once after a quiet spell. */
  burst: number;
  /** How many calls per second a tenant may keep up. */
  perSecond: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitSettings = { burst: 60, perSecond: 20 };

interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date, in ms. */
  at: number;
}

export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  take(tenantKey: string): Promise<RateDecision>;
}

export function createRateLimiter(store: StateStore, settings: RateLimitSettings, now: () => number = Date.now): RateLimiter {
  // A full bucket and an absent one are the same: let idle buckets expire.
  const refillMs = Math.ceil((settings.burst / settings.perSecond) * 1000);
  return {
    async take(tenantKey) {
      const key = stateKey(tenantKey, 'limits', 'tool-calls');
      // Read, change, write: two instances taking at once would both spend the same token. One at a time per tenant.
      const lock = await acquireLock(store, stateKey(tenantKey, 'limits', 'tool-calls-lock'), { ttlMs: 5_000, waitMs: 5_000 });
      try {
        return await takeToken(key);
      } finally {
        await lock.release();
      }
    },
  };

  async function takeToken(key: string): Promise<RateDecision> {
    const at = now();
    const bucket = (await store.get<Bucket>(key)) ?? { tokens: settings.burst, at };
    bucket.tokens = Math.min(settings.burst, bucket.tokens + ((at - bucket.at) / 1000) * settings.perSecond);
    bucket.at = at;
    if (bucket.tokens < 1) {
      await store.set(key, bucket, { ttlMs: refillMs });
      return { allowed: false, retryAfterSeconds: Math.ceil((1 - bucket.tokens) / settings.perSecond) };
    }
    bucket.tokens -= 1;
    await store.set(key, bucket, { ttlMs: refillMs });
    return { allowed: true, remaining: Math.floor(bucket.tokens) };
  }
}

/** `DOJO_RATE_LIMIT_BURST` and `DOJO_RATE_LIMIT_PER_SECOND`, else the defaults. */
export function rateLimitFromEnv(env: Record<string, string | undefined> = process.env): RateLimitSettings {
  return {
    burst: positive(env.DOJO_RATE_LIMIT_BURST) ?? DEFAULT_RATE_LIMIT.burst,
    perSecond: positive(env.DOJO_RATE_LIMIT_PER_SECOND) ?? DEFAULT_RATE_LIMIT.perSecond,
  };
}

function positive(value: string | undefined): number | undefined {
  const parsed = Number(value);
  return value !== undefined && Number.isFinite(parsed) && parsed > 0 ? parsed : undefined;
}
