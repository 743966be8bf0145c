/**
 * MemoryStateStore at its edges, on a hand-turned clock: the exact idle and TTL boundaries, the LRU order that
 * a read refreshes (issue 14's planted bug "the LRU cache no longer refreshing on read"), take on an expired
 * entry, and the sweep timer's period.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryStateStore } from '../memory-store';
import { stateKey } from '../store';

const storeAt = (clock: { now: number }, idleMs = 1_000, maxEntries = 10) =>
  new MemoryStateStore({ idleMs, maxEntries, now: () => clock.now, sweepEveryMs: 0 });

afterEach(() => vi.useRealTimers());

describe('MemoryStateStore edges', () => {
  it('idle: alive at exactly idleMs, gone a millisecond later', async () => {
    const clock = { now: 0 };
    const store = storeAt(clock);
    await store.set('a', 1);
    await store.set('b', 2);
    clock.now = 1_000;
    store.sweep();
    expect(store.size).toBe(2);
    expect(await store.get('a')).toBe(1);
    clock.now = 1_001;
    store.sweep();
    expect(store.size).toBe(1); // b idled out; a was read at 1 000
    expect(await store.get('b')).toBeUndefined();
  });

  it('TTL: gone at exactly the TTL', async () => {
    const clock = { now: 0 };
    const store = storeAt(clock, 10_000);
    await store.set('code', 'x', { ttlMs: 500 });
    clock.now = 499;
    expect(await store.get('code')).toBe('x');
    clock.now = 500;
    expect(await store.get('code')).toBeUndefined();
    expect(store.size).toBe(0); // dropped on access, not only hidden
  });

  it('a TTL of 0 is a TTL (gone at once), not "no TTL"', async () => {
    const store = storeAt({ now: 0 }, 10_000);
    await store.set('code', 'x', { ttlMs: 0 });
    expect(await store.get('code')).toBeUndefined();
  });

  it('an expired entry read is removed, and a sweep removes only what is gone', async () => {
    const clock = { now: 0 };
    const store = storeAt(clock);
    await store.set('idle', 1);
    clock.now = 900;
    await store.set('fresh', 2);
    clock.now = 1_500;
    expect(await store.get('idle')).toBeUndefined();
    expect(store.size).toBe(1);
    store.sweep();
    expect(store.size).toBe(1);
    expect(await store.get('fresh')).toBe(2);
  });

  it('take: an expired entry is not handed out, and is gone either way', async () => {
    const clock = { now: 0 };
    const store = storeAt(clock);
    await store.set('code', 'x', { ttlMs: 100 });
    clock.now = 100;
    expect(await store.take('code')).toBeUndefined();
    expect(store.size).toBe(0);
    expect(await store.take('never')).toBeUndefined();
  });

  it('setIfAbsent: an expired holder counts as absent, and a refused write leaves the holder as it was', async () => {
    const clock = { now: 0 };
    const store = storeAt(clock, 1_000, 2);
    expect(await store.setIfAbsent('claim', 'first', { ttlMs: 100 })).toBe(true);
    clock.now = 99;
    expect(await store.setIfAbsent('claim', 'late', { ttlMs: 10_000 })).toBe(false);
    clock.now = 100; // gone at exactly its TTL, which the refused write did not extend
    expect(await store.setIfAbsent('claim', 'after', { ttlMs: 10_000 })).toBe(true);
    expect(await store.get('claim')).toBe('after');

    await store.set('other', 1); // LRU order: claim, other
    expect(await store.setIfAbsent('claim', 'again')).toBe(false); // refused: claim stays the least recently used
    await store.set('newest', 2);
    expect(await store.get('claim')).toBeUndefined();
    expect(store.size).toBe(2);
  });

  it('setIfAbsent makes room at maxEntries like set', async () => {
    const store = storeAt({ now: 0 }, 1_000, 2);
    await store.setIfAbsent('a', 1);
    await store.setIfAbsent('b', 2);
    await store.setIfAbsent('c', 3);
    expect(store.size).toBe(2);
    expect(await store.get('a')).toBeUndefined();
  });

  // Planted bug: "the LRU cache no longer refreshing on read".
  it('a read makes an entry the most recently used: at maxEntries the least recently used goes', async () => {
    const store = storeAt({ now: 0 }, 1_000, 3);
    await store.set('a', 1);
    await store.set('b', 2);
    await store.set('c', 3);
    await store.get('a'); // order now b, c, a
    await store.set('d', 4);
    expect(await store.get('b')).toBeUndefined();
    expect(store.size).toBe(3);
    expect(await store.get('c')).toBe(3); // order now a, d, c
    await store.set('e', 5);
    expect(await store.get('a')).toBeUndefined();
    expect([await store.get('c'), await store.get('d'), await store.get('e')]).toEqual([3, 4, 5]);
  });

  it('setting a key again keeps one entry and makes it the most recent', async () => {
    const store = storeAt({ now: 0 }, 1_000, 2);
    await store.set('a', 1);
    await store.set('b', 2);
    await store.set('a', 3);
    expect(store.size).toBe(2);
    await store.set('c', 4);
    expect(await store.get('b')).toBeUndefined();
    expect(await store.get('a')).toBe(3);
  });

  it('sweeps every min(idleMs, 60 s) by default, and close() stops the timer', async () => {
    vi.useFakeTimers({ now: 0 });
    const short = new MemoryStateStore({ idleMs: 500, maxEntries: 10 });
    await short.set('a', 1);
    vi.advanceTimersByTime(1_000); // the sweep at 1 000 ms finds it idle for longer than 500 ms
    expect(short.size).toBe(0);
    short.close();

    const long = new MemoryStateStore({ idleMs: 120_000, maxEntries: 10 });
    await long.set('a', 1);
    vi.setSystemTime(0);
    vi.advanceTimersByTime(59_999);
    expect(vi.getTimerCount()).toBe(1);
    long.close();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('the sweep runs at its own period when one is given, and not at all with 0', async () => {
    vi.useFakeTimers({ now: 0 });
    const every = new MemoryStateStore({ idleMs: 100, maxEntries: 10, sweepEveryMs: 5_000 });
    await every.set('a', 1);
    vi.advanceTimersByTime(4_999);
    expect(every.size).toBe(1);
    vi.advanceTimersByTime(1);
    expect(every.size).toBe(0);
    every.close();

    const none = new MemoryStateStore({ idleMs: 100, maxEntries: 10, sweepEveryMs: 0 });
    expect(vi.getTimerCount()).toBe(0);
    none.close();
  });

  it('the sweep timer never keeps the process alive', () => {
    const unref = vi.fn();
    const setInterval = vi.spyOn(globalThis, 'setInterval').mockReturnValue({ unref } as unknown as ReturnType<typeof globalThis.setInterval>);
    new MemoryStateStore({ idleMs: 100, maxEntries: 10 });
    expect(setInterval).toHaveBeenCalledWith(expect.any(Function), 100);
    expect(unref).toHaveBeenCalledTimes(1);
    setInterval.mockRestore();
  });

  it('uses the real clock by default', async () => {
    vi.useFakeTimers({ now: 0 });
    const store = new MemoryStateStore({ idleMs: 1_000, maxEntries: 10, sweepEveryMs: 0 });
    await store.set('a', 1);
    vi.setSystemTime(1_001);
    expect(await store.get('a')).toBeUndefined();
  });
});

describe('stateKey', () => {
  it.each([
    ['', 'w', 'k'],
    ['t', '', 'k'],
    ['t', 'w', ''],
    ['t', 'w/x', 'k'],
    ['t', 'w', 'k/x'],
  ])('refuses %j / %j / %j, naming the part', (tenant, workspace, kind) => {
    const bad = [tenant, workspace, kind].find((part) => !part || part.includes('/'));
    expect(() => stateKey(tenant, workspace, kind)).toThrow(`stateKey: invalid key part "${bad}"`);
  });
});
