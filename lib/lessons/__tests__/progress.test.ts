import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProgressStore, EMPTY_PROGRESS, PROGRESS_KEY, type ProgressStorage } from '../progress';

/** localStorage's behaviour, backed by a Map. */
function memoryStorage(initial: Record<string, string> = {}): ProgressStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, String(value)),
    removeItem: (key) => void data.delete(key),
  };
}

afterEach(() => vi.restoreAllMocks());

describe('progress store', () => {
  it('starts empty', () => {
    expect(createProgressStore(memoryStorage()).get()).toEqual(EMPTY_PROGRESS);
  });

  it('saves completed lessons, last visited and checkpoint answers under a versioned key', () => {
    const storage = memoryStorage();
    const store = createProgressStore(storage);
    store.setCompleted('mock-that-lied', true);
    store.setCompleted('mock-that-lied', true); // twice: still once
    store.markVisited('mock-that-lied');
    store.saveAnswer('mock-that-lied', 0, 2);
    store.saveAnswer('mock-that-lied', 0, 1); // a new answer replaces the old one
    store.saveAnswer('mock-that-lied', 2, 0);

    expect(PROGRESS_KEY).toBe('mcp-dojo:progress:v1');
    expect(JSON.parse(storage.data.get(PROGRESS_KEY)!)).toEqual({
      completed: ['mock-that-lied'],
      lastVisited: 'mock-that-lied',
      answers: { 'mock-that-lied': { '0': 1, '2': 0 } },
    });
  });

  it('clears one checkpoint answer, and resets everything', () => {
    const storage = memoryStorage();
    const store = createProgressStore(storage);
    store.saveAnswer('pagination', 0, 1);
    store.saveAnswer('pagination', 1, 2);
    store.clearAnswer('pagination', 0);
    expect(store.get().answers).toEqual({ pagination: { '1': 2 } });
    store.clearAnswer('pagination', 1);
    expect(store.get().answers).toEqual({});

    store.setCompleted('pagination', true);
    store.markVisited('pagination');
    store.saveAnswer('fallback', 0, 0);
    store.reset();
    expect(createProgressStore(storage).get()).toEqual(EMPTY_PROGRESS);
  });

  it('reads what an earlier visit saved', () => {
    const storage = memoryStorage();
    createProgressStore(storage).setCompleted('pagination', true);
    expect(createProgressStore(storage).get().completed).toEqual(['pagination']);
  });

  it('un-completes a lesson', () => {
    const store = createProgressStore(memoryStorage());
    store.setCompleted('fallback', true);
    store.setCompleted('fallback', false);
    expect(store.get().completed).toEqual([]);
  });

  it('returns the same snapshot until something changes (useSyncExternalStore needs that)', () => {
    const store = createProgressStore(memoryStorage());
    const first = store.get();
    expect(store.get()).toBe(first);
    store.markVisited('security');
    expect(store.get()).not.toBe(first);
    expect(store.get()).toBe(store.get());
  });

  it('tells subscribers about changes, and stops after unsubscribing', () => {
    const store = createProgressStore(memoryStorage());
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.setCompleted('filtering', true);
    expect(listener).toHaveBeenCalledTimes(1);
    store.markVisited('filtering');
    store.markVisited('filtering'); // unchanged: no second notification
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    store.reset();
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('picks up changes made elsewhere (another tab) on refresh', () => {
    const storage = memoryStorage();
    const store = createProgressStore(storage);
    const listener = vi.fn();
    store.subscribe(listener);
    createProgressStore(storage).setCompleted('real-time', true);
    store.refresh();
    expect(store.get().completed).toEqual(['real-time']);
    expect(listener).toHaveBeenCalledTimes(1);
    store.refresh(); // nothing new
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['broken JSON', '{"completed": ['],
    ['the wrong shape', '{"completed": "all of them"}'],
    ['a negative answer', '{"completed": [], "answers": {"x": {"0": -1}}}'],
    ['null', 'null'],
  ])('resets %s with a warning instead of throwing', (_name, stored) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const storage = memoryStorage({ [PROGRESS_KEY]: stored });
    const store = createProgressStore(storage);
    expect(store.get()).toEqual(EMPTY_PROGRESS);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(PROGRESS_KEY));
    expect(storage.data.has(PROGRESS_KEY)).toBe(false);
    store.setCompleted('architecture', true); // and keeps working
    expect(store.get().completed).toEqual(['architecture']);
  });

  it('keeps working in memory when storage throws (disabled or full)', () => {
    const failing: ProgressStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {},
    };
    const store = createProgressStore(failing);
    expect(store.get()).toEqual(EMPTY_PROGRESS);
    store.setCompleted('multi-tenant', true);
    expect(store.get().completed).toEqual(['multi-tenant']);
  });

  it('works without any storage (server rendering)', () => {
    const store = createProgressStore(undefined);
    store.markVisited('configuration');
    expect(store.get().lastVisited).toBe('configuration');
  });
});
