import { describe, expect, it } from 'vitest';
import { MemoryStateStore } from '../memory-store';
import { stateKey } from '../store';
import { describeStateStoreContract } from './store-contract';

function storeAt(clock: { now: number }, options: { idleMs?: number; maxEntries?: number } = {}) {
  return new MemoryStateStore({ idleMs: options.idleMs ?? 1_000, maxEntries: options.maxEntries ?? 10, now: () => clock.now, sweepEveryMs: 0 });
}

describe('MemoryStateStore', () => {
  it('hands back what was set, the same object, until deleted', async () => {
    const store = storeAt({ now: 0 });
    const value = { changes: [1] };
    await store.set('a', value);
    expect(await store.get('a')).toBe(value);
    await store.delete('a');
    expect(await store.get('a')).toBeUndefined();
  });

  it('takes an entry once: of several takes at the same instant exactly one gets it', async () => {
    const store = storeAt({ now: 0 });
    await store.set('code', { once: true });
    const taken = await Promise.all([store.take('code'), store.take('code'), store.take('code')]);
    expect(taken.filter(Boolean)).toEqual([{ once: true }]);
    expect(await store.get('code')).toBeUndefined();
  });

  it('drops an entry written with a TTL when the TTL is over, however often it is read', async () => {
    const clock = { now: 0 };
    const store = storeAt(clock, { idleMs: 1_000 });
    await store.set('code', 'one-time', { ttlMs: 2_500 });
    for (const at of [800, 1_600, 2_400]) {
      clock.now = at;
      expect(await store.get('code')).toBe('one-time');
    }
    clock.now = 2_500;
    expect(await store.get('code')).toBeUndefined();
    await store.set('long', 'refresh', { ttlMs: 10_000 });
    clock.now = 9_000; // idle far longer than idleMs, still inside its TTL
    store.sweep();
    expect(await store.get('long')).toBe('refresh');
  });

  it('drops an entry idle for longer than idleMs, and a read keeps it alive', async () => {
    const clock = { now: 0 };
    const store = storeAt(clock);
    await store.set('read', 1);
    await store.set('idle', 2);
    clock.now = 900;
    expect(await store.get('read')).toBe(1);
    clock.now = 1_500;
    expect(await store.get('read')).toBe(1);
    expect(await store.get('idle')).toBeUndefined();
  });

  it('sweeps idle entries without being asked for them, so memory returns', async () => {
    const clock = { now: 0 };
    const store = storeAt(clock);
    for (let i = 0; i < 5; i++) await store.set(`k${i}`, i);
    clock.now = 2_000;
    store.sweep();
    expect(store.size).toBe(0);
  });

  it('makes room at maxEntries by dropping the least recently used', async () => {
    const store = storeAt({ now: 0 }, { maxEntries: 2 });
    await store.set('a', 1);
    await store.set('b', 2);
    await store.get('a'); // now b is the least recently used
    await store.set('c', 3);
    expect(store.size).toBe(2);
    expect(await store.get('b')).toBeUndefined();
    expect(await store.get('a')).toBe(1);
  });
});

describe('stateKey', () => {
  it('joins tenant, workspace and kind, and refuses parts that could collide', () => {
    expect(stateKey('learner-x', 'default', 'mock-small-1')).toBe('learner-x/default/mock-small-1');
    expect(() => stateKey('learner-x/other', 'default', 'mock')).toThrow(/invalid key part/);
    expect(() => stateKey('', 'default', 'mock')).toThrow(/invalid key part/);
  });
});

describeStateStoreContract('MemoryStateStore', ({ idleMs }) => new MemoryStateStore({ idleMs, maxEntries: 1_000, sweepEveryMs: 0 }));
