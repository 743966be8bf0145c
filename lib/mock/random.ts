/**
 * A tiny seeded pseudo-random generator (mulberry32), so the mock dataset is
 * the same on every machine and every run: same seed, same numbers.
 * Not for anything secret; `Math.random` is never used by the mock's data.
 */

export type Random = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** One element of a non-empty array. */
  pick<Item>(items: readonly Item[]): Item;
  /** True with probability `p` (0..1). */
  chance(p: number): boolean;
  /** A shuffled copy; the input is left as it is. */
  shuffle<Item>(items: readonly Item[]): Item[];
};

/**
 * One step of mulberry32 (32 bits of state, good spread, a handful of integer
 * ops): the number and the state after it. Stateless, so the state can live in
 * plain data (a workspace's fault counters) between requests.
 */
export function randomStep(state: number): { value: number; state: number } {
  const nextState = (state + 0x6d2b79f5) >>> 0;
  let t = nextState;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { value: ((t ^ (t >>> 14)) >>> 0) / 4294967296, state: nextState };
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;

  function next(): number {
    const step = randomStep(state);
    state = step.state;
    return step.value;
  }

  function int(min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`int(${min}, ${max}): need integers with min <= max`);
    }
    return min + Math.floor(next() * (max - min + 1));
  }

  function pick<Item>(items: readonly Item[]): Item {
    if (items.length === 0) throw new RangeError('pick() from an empty array');
    return items[int(0, items.length - 1)] as Item;
  }

  function chance(p: number): boolean {
    return next() < p;
  }

  function shuffle<Item>(items: readonly Item[]): Item[] {
    const copy = [...items];
    // Fisher–Yates, from the end.
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = int(0, i);
      [copy[i], copy[j]] = [copy[j] as Item, copy[i] as Item];
    }
    return copy;
  }

  return { next, int, pick, chance, shuffle };
}
