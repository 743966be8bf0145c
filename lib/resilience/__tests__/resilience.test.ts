import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fullJitterDelay, retryDelay } from '../backoff';
import { BreakerOpenError, CircuitBreaker } from '../breaker';
import { LastGoodCache } from '../cache';
import { Deadline, DeadlineExceededError } from '../deadline';
import { executeResiliently, type ExecuteOptions, type FailureClass } from '../execute';
import { Timeline } from '../timeline';

class Failure extends Error {
  constructor(readonly kind: FailureClass) {
    super(`failure ${JSON.stringify(kind)}`);
  }
}
const outage = (retryAfterSeconds?: number) => new Failure({ retryable: true, outage: true, retryAfterSeconds });
const rateLimited = (retryAfterSeconds: number) => new Failure({ retryable: true, outage: false, retryAfterSeconds });
const notFound = () => new Failure({ retryable: false, outage: false });

const RETRY = { maxAttempts: 4, baseMs: 100, capMs: 2_000 };

function options(overrides: Partial<ExecuteOptions> = {}): ExecuteOptions & { timeline: Timeline } {
  return {
    label: 'GET tasks',
    retry: RETRY,
    classify: (error) => (error as Failure).kind,
    timeline: new Timeline(() => Date.now()),
    random: () => 1, // the top of the jitter range, so waits are predictable
    ...overrides,
  } as ExecuteOptions & { timeline: Timeline };
}

/** A run that fails with the given errors, then succeeds. */
function script(...failures: Error[]) {
  let calls = 0;
  const run = vi.fn(async () => {
    const failure = failures[calls++];
    if (failure) throw failure;
    return 'ok';
  });
  return run;
}

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

describe('backoff', () => {
  it('grows exponentially, capped, with full jitter between 0 and the ceiling', () => {
    expect([0, 1, 2, 3, 10].map((retry) => fullJitterDelay(retry, RETRY, () => 1))).toEqual([100, 200, 400, 800, 2000]);
    expect(fullJitterDelay(3, RETRY, () => 0)).toBe(0);
    expect(fullJitterDelay(3, RETRY, () => 0.5)).toBe(400);
  });

  it('honours the server’s retry-after when it is longer', () => {
    expect(retryDelay(300, 2)).toEqual({ ms: 2000, reason: 'retry-after' });
    expect(retryDelay(300, undefined)).toEqual({ ms: 300, reason: 'backoff' });
    expect(retryDelay(3000, 1)).toEqual({ ms: 3000, reason: 'backoff' });
  });
});

describe('executeResiliently', () => {
  it('retries a retryable failure with backoff and succeeds', async () => {
    const run = script(outage(), outage());
    const opts = options();
    const result = executeResiliently(run, opts);
    await vi.advanceTimersByTimeAsync(100); // first wait: 100 ms
    await vi.advanceTimersByTimeAsync(200); // second wait: 200 ms
    await expect(result).resolves.toBe('ok');
    expect(run).toHaveBeenCalledTimes(3);
    expect(opts.timeline.events.filter((e) => e.type === 'wait').map((e) => (e as { ms: number }).ms)).toEqual([100, 200]);
  });

  it('never retries other 4xx', async () => {
    const run = script(notFound());
    const opts = options();
    await expect(executeResiliently(run, opts)).rejects.toThrow('failure');
    expect(run).toHaveBeenCalledTimes(1);
    expect(opts.timeline.events.at(-1)).toMatchObject({ type: 'give-up', reason: 'not-retryable' });
  });

  it('waits as long as retry_after asks (the larger of advice and backoff)', async () => {
    const run = script(rateLimited(3));
    const opts = options();
    const result = executeResiliently(run, opts);
    await vi.advanceTimersByTimeAsync(2_999);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toBe('ok');
    expect(opts.timeline.events.find((e) => e.type === 'wait')).toMatchObject({ ms: 3000, reason: 'retry-after', retryAfterSeconds: 3 });
  });

  it('stops after maxAttempts with the last error', async () => {
    const run = script(outage(), outage(), outage(), outage(), outage());
    const opts = options();
    const result = executeResiliently(run, opts).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await result).toBeInstanceOf(Failure);
    expect(run).toHaveBeenCalledTimes(4);
    expect(opts.timeline.events.at(-1)).toMatchObject({ type: 'give-up', reason: 'attempts' });
  });

  it('does not start a wait the deadline cannot afford', async () => {
    const deadline = new Deadline(1_000);
    const run = script(rateLimited(5));
    const opts = options({ deadline });
    await expect(executeResiliently(run, opts)).rejects.toBeInstanceOf(Failure);
    expect(run).toHaveBeenCalledTimes(1);
    expect(opts.timeline.events.at(-1)).toMatchObject({ type: 'give-up', reason: 'deadline' });
    deadline.dispose();
  });

  it('aborts a request in flight when the deadline passes', async () => {
    const deadline = new Deadline(500);
    const run = vi.fn(
      (signal?: AbortSignal) => new Promise<string>((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason))),
    );
    const result = executeResiliently(run, options({ deadline })).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(500);
    expect(await result).toBeInstanceOf(DeadlineExceededError);
  });
});

describe('circuit breaker', () => {
  it('opens after consecutive outages, answers at once while open, half-opens after the cooldown', async () => {
    const changes: string[] = [];
    const breaker = new CircuitBreaker({
      failureThreshold: 2,
      cooldownMs: 5_000,
      onStateChange: (from, to) => changes.push(`${from}→${to}`),
    });
    const failing = vi.fn(async () => {
      throw outage();
    });
    const opts = options({ breaker, retry: { ...RETRY, maxAttempts: 1 } });
    await expect(executeResiliently(failing, opts)).rejects.toBeInstanceOf(Failure);
    await expect(executeResiliently(failing, opts)).rejects.toBeInstanceOf(Failure);
    expect(breaker.state).toBe('open');

    // Open: the upstream is not called at all.
    await expect(executeResiliently(failing, opts)).rejects.toBeInstanceOf(BreakerOpenError);
    expect(failing).toHaveBeenCalledTimes(2);
    expect(opts.timeline.events.at(-1)).toMatchObject({ type: 'breaker-rejected', retryInMs: 5_000 });

    vi.advanceTimersByTime(5_000);
    expect(breaker.state).toBe('half-open');
    // One probe; it succeeds and closes the breaker.
    await expect(executeResiliently(async () => 'ok', opts)).resolves.toBe('ok');
    expect(breaker.state).toBe('closed');
    expect(changes).toEqual(['closed→open', 'open→half-open', 'half-open→closed']);
  });

  it('a failed probe opens it again; 4xx and 429 never open it', async () => {
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 1_000 });
    const opts = options({ breaker, retry: { ...RETRY, maxAttempts: 1 } });
    await executeResiliently(script(notFound()), opts).catch(() => undefined);
    await executeResiliently(script(rateLimited(0)), opts).catch(() => undefined);
    expect(breaker.state).toBe('closed');
    await executeResiliently(script(outage()), opts).catch(() => undefined);
    expect(breaker.state).toBe('open');
    vi.advanceTimersByTime(1_000);
    await executeResiliently(script(outage()), opts).catch(() => undefined);
    expect(breaker.state).toBe('open');
  });

  it('lets only one probe through while half-open', () => {
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 10 });
    breaker.recordFailure();
    vi.advanceTimersByTime(10);
    breaker.beforeRequest();
    expect(() => breaker.beforeRequest()).toThrow(BreakerOpenError);
  });
});

describe('last-good cache', () => {
  it('returns the last value with its age, and forgets the least recently set beyond its size', () => {
    const cache = new LastGoodCache<string>(2);
    cache.set('a', 'A');
    vi.advanceTimersByTime(93_000);
    expect(cache.get('a')).toEqual({ value: 'A', ageSeconds: 93, ageMs: 93_000 });
    cache.set('b', 'B');
    cache.set('c', 'C');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')?.value).toBe('C');
  });
});

describe('breaker and retries together', () => {
  it('stops retrying at once when its own failure opens the breaker, and records the change where it happened', async () => {
    const breaker = new CircuitBreaker({ failureThreshold: 2, cooldownMs: 10_000 });
    let retries = 0;
    const opts = options({ breaker, onRetry: () => (retries += 1) });
    const run = script(outage(), outage(), outage());
    const result = executeResiliently(run, opts).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(100); // the one wait before the second attempt
    expect(await result).toBeInstanceOf(Failure);
    expect(run).toHaveBeenCalledTimes(2);
    expect(retries).toBe(1); // one retry went out
    const types = opts.timeline.events.map((event) => event.type);
    expect(types).toEqual(['attempt', 'failure', 'wait', 'attempt', 'failure', 'breaker', 'give-up']);
    expect(opts.timeline.events.at(-1)).toMatchObject({ reason: 'breaker-open' });
  });
});

describe('breaker and cache records', () => {
  it('a breaker built later over the same record carries on: still open, then half-open after the cooldown', async () => {
    const { CircuitBreaker, newBreakerRecord } = await import('../breaker');
    let now = 0;
    const record = newBreakerRecord();
    const first = new CircuitBreaker({ failureThreshold: 2, cooldownMs: 1_000, now: () => now }, record);
    first.recordFailure();
    first.recordFailure();
    const second = new CircuitBreaker({ failureThreshold: 2, cooldownMs: 1_000, now: () => now }, record);
    expect(second.state).toBe('open');
    expect(() => second.beforeRequest()).toThrow(/breaker is open/);
    now = 1_000;
    expect(second.state).toBe('half-open');
    expect(JSON.parse(JSON.stringify(record))).toEqual(record);
  });

  it('a cache built over the same entries serves what the first stored, and stays bounded', async () => {
    const { LastGoodCache } = await import('../cache');
    const entries = {};
    new LastGoodCache<string>(2, () => 0, entries).set('a', 'first');
    const later = new LastGoodCache<string>(2, () => 5_000, entries);
    expect(later.get('a')).toEqual({ value: 'first', ageSeconds: 5, ageMs: 5_000 });
    later.set('b', 'second');
    later.set('c', 'third');
    expect(Object.keys(entries)).toEqual(['b', 'c']);
  });
});
