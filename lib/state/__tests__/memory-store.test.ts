import { describe, expect, it } from 'vitest';
import { MemoryStateStore } from '../memory-store';
import { stateKey } from '../store';

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
