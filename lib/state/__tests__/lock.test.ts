import { describe, expect, it } from 'vitest';
import { MemoryStateStore } from '../memory-store';
import { acquireLock, LockTimeoutError } from '../lock';
import type { StateStore } from '../store';
import { copyingStore, delegateTo } from './copying-store';

const memory = () => new MemoryStateStore({ idleMs: 60_000, maxEntries: 100, sweepEveryMs: 0 });

describe('acquireLock', () => {
  it('one holder at a time: 20 read-change-write sections, from two "instances", lose no write', async () => {
    const shared = memory();
    const instances = [copyingStore(shared), copyingStore(shared)]; // copies, as two instances on one Redis see
    await shared.set('counter', 0);
    await Promise.all(
      Array.from({ length: 20 }, async (_, index) => {
        const store = instances[index % 2]!;
        const lock = await acquireLock(store, 'counter-lock');
        try {
          const count = (await store.get<number>('counter'))!;
          await new Promise((resolve) => setTimeout(resolve, 1)); // another request would interleave here
          await store.set('counter', count + 1);
        } finally {
          await lock.release();
        }
      }),
    );
    expect(await shared.get('counter')).toBe(20);
  });

  it('gives up after waitMs with an error that says what to do', async () => {
    const store = memory();
    await acquireLock(store, 'busy');
    await expect(acquireLock(store, 'busy', { waitMs: 40 })).rejects.toThrow(LockTimeoutError);
    await expect(acquireLock(store, 'busy', { waitMs: 40 })).rejects.toThrow(/Try again in a moment/);
  });

  it('a holder whose lock ran out does not free the next holder’s', async () => {
    let now = 0;
    const store = new MemoryStateStore({ idleMs: 60_000, maxEntries: 100, sweepEveryMs: 0, now: () => now });
    const stale = await acquireLock(store, 'lock', { ttlMs: 100 });
    now = 200; // the first holder stalled past its TTL
    const next = await acquireLock(store, 'lock', { ttlMs: 100 });
    await stale.release();
    await expect(acquireLock(store, 'lock', { waitMs: 0 })).rejects.toThrow(LockTimeoutError); // still the next holder's
    await next.release();
    await (await acquireLock(store, 'lock', { waitMs: 0 })).release();
  });
});

/** The error a lock attempt was refused with (a test failure if it was granted). */
const refusal = (attempt: Promise<unknown>): Promise<Error> =>
  attempt.then(
    () => {
      throw new Error('the lock was granted, but a refusal was expected');
    },
    (error: unknown) => error as Error,
  );

describe('acquireLock, the details', () => {
  it('with waitMs 0 it tries once; its error is a LockTimeoutError naming the wait and the lock’s lifetime in seconds', async () => {
    const store = memory();
    await acquireLock(store, 'busy');
    let tries = 0;
    const counting: StateStore = { ...delegateTo(store), setIfAbsent: (key, value, options) => (tries++, store.setIfAbsent(key, value, options)) };
    const refused = await refusal(acquireLock(counting, 'busy', { waitMs: 0 }));
    expect(tries).toBe(1);
    expect(refused.name).toBe('LockTimeoutError');
    const slow = await refusal(acquireLock(store, 'busy', { waitMs: 600, ttlMs: 3_000 }));
    expect(slow.message).toContain('for over 1 s');
    expect(slow.message).toContain('frees itself within 3 s');
  });

  it('releasing twice is harmless: the second release does not free the next holder’s lock', async () => {
    const store = memory();
    const first = await acquireLock(store, 'lock');
    await first.release();
    const second = await acquireLock(store, 'lock', { waitMs: 0 });
    await first.release();
    await expect(acquireLock(store, 'lock', { waitMs: 0 })).rejects.toThrow(LockTimeoutError);
    await second.release();
  });
});
