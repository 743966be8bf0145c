import { describe, expect, it } from 'vitest';
import { MemoryStateStore } from '../memory-store';
import { acquireLock, LockTimeoutError } from '../lock';
import { copyingStore } from './copying-store';

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
