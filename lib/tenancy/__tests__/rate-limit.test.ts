import { describe, expect, it } from 'vitest';
import { MemoryStateStore, type StateStore } from '@/lib/state';
import { copyingStore, delegateTo } from '@/lib/state/__tests__/copying-store';
import { createRateLimiter, rateLimitFromEnv } from '../rate-limit';

function limiterAt(clock: { now: number }, settings = { burst: 3, perSecond: 1 }) {
  const store = new MemoryStateStore({ idleMs: 60_000, maxEntries: 100, sweepEveryMs: 0, now: () => clock.now });
  return createRateLimiter(store, settings, () => clock.now);
}

describe('per-tenant rate limit (token bucket)', () => {
  it('lets a burst through, then refuses with the wait until the next token', async () => {
    const clock = { now: 0 };
    const limiter = limiterAt(clock);
    const decisions = [];
    for (let i = 0; i < 4; i += 1) decisions.push(await limiter.take('user-standin-bob'));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(decisions[3]).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('refills at the stated rate, never above the burst', async () => {
    const clock = { now: 0 };
    const limiter = limiterAt(clock);
    for (let i = 0; i < 3; i += 1) await limiter.take('t');
    clock.now = 2_000; // two tokens back
    expect(await limiter.take('t')).toEqual({ allowed: true, remaining: 1 });
    expect(await limiter.take('t')).toEqual({ allowed: true, remaining: 0 });
    expect((await limiter.take('t')).allowed).toBe(false);
    clock.now = 1_000_000; // a long quiet spell fills the bucket to the burst, not beyond
    expect(await limiter.take('t')).toEqual({ allowed: true, remaining: 2 });
  });

  it('keeps one bucket per tenant: a noisy tenant does not slow the others', async () => {
    const clock = { now: 0 };
    const limiter = limiterAt(clock);
    for (let i = 0; i < 10; i += 1) await limiter.take('user-standin-bob');
    expect((await limiter.take('user-standin-bob')).allowed).toBe(false);
    expect(await limiter.take('user-standin-alice')).toEqual({ allowed: true, remaining: 2 });
  });

  it('reads its settings from the environment, ignoring nonsense', () => {
    expect(rateLimitFromEnv({ DOJO_RATE_LIMIT_BURST: '5', DOJO_RATE_LIMIT_PER_SECOND: '0.5' })).toEqual({ burst: 5, perSecond: 0.5 });
    expect(rateLimitFromEnv({ DOJO_RATE_LIMIT_BURST: '-1', DOJO_RATE_LIMIT_PER_SECOND: 'fast' })).toEqual({ burst: 60, perSecond: 20 });
  });
});

describe('per-tenant rate limit on two instances', () => {
  it('20 calls at once through two instances sharing one store, burst 5: exactly 5 get through', async () => {
    const shared = new MemoryStateStore({ idleMs: 60_000, maxEntries: 100, sweepEveryMs: 0 });
    const pause = () => new Promise((resolve) => setTimeout(resolve, 2)); // a store round trip, as to Redis
    const slow = (store: StateStore): StateStore => ({
      ...delegateTo(store),
      get: async (key) => (await pause(), store.get(key)),
      set: async (key, value, options) => (await pause(), store.set(key, value, options)),
    });
    const frozen = () => 1_000; // no refill during the test
    const limiters = [createRateLimiter(slow(copyingStore(shared)), { burst: 5, perSecond: 1 }, frozen), createRateLimiter(slow(copyingStore(shared)), { burst: 5, perSecond: 1 }, frozen)];
    const decisions = await Promise.all(Array.from({ length: 20 }, (_, index) => limiters[index % 2]!.take('learner-noisy')));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(5);
  });
});
