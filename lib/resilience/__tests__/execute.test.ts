/**
 * executeResiliently's timeline, waits and give-ups pinned event by event; the deadline, the cache and the
 * abortable sleep on their own. Clocks are injected or faked: nothing here waits for real.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fullJitterDelay, retryDelay } from '../backoff';
import { CircuitBreaker } from '../breaker';
import { LastGoodCache } from '../cache';
import { Deadline, DeadlineExceededError } from '../deadline';
import { abortableSleep, executeResiliently, type ExecuteOptions, type FailureClass } from '../execute';
import { Timeline } from '../timeline';

class Failure extends Error {
  constructor(
    readonly kind: FailureClass,
    message = 'boom',
  ) {
    super(message);
  }
}
const outage = (retryAfterSeconds?: number) => new Failure({ retryable: true, outage: true, retryAfterSeconds }, 'upstream 503');
const rateLimited = (retryAfterSeconds: number) => new Failure({ retryable: true, outage: false, retryAfterSeconds }, 'upstream 429');

/** A run that throws the given errors in turn, then succeeds. */
function script(...failures: unknown[]) {
  let calls = 0;
  return vi.fn(async (_signal?: AbortSignal) => {
    const failure = failures[calls++];
    if (failure !== undefined) throw failure;
    return 'ok';
  });
}

/** Options on a hand-turned clock; sleeping moves the clock and records the wait. */
function setup(overrides: Partial<ExecuteOptions> = {}) {
  const clock = { now: 0 };
  const slept: number[] = [];
  const timeline = new Timeline(() => clock.now);
  const options: ExecuteOptions = {
    label: 'GET tasks',
    retry: { maxAttempts: 3, baseMs: 100, capMs: 1_000 },
    classify: (error) => (error as Failure).kind,
    timeline,
    random: () => 1,
    now: () => clock.now,
    sleep: async (ms) => {
      slept.push(ms);
      clock.now += ms;
    },
    ...overrides,
  };
  return { clock, slept, timeline, options };
}

afterEach(() => vi.useRealTimers());

describe('executeResiliently, event by event', () => {
  it('a first-time success: one attempt and one success with its duration, nothing else', async () => {
    const { clock, timeline, options } = setup();
    const run = vi.fn(async () => {
      clock.now += 35;
      return 42;
    });
    await expect(executeResiliently(run, options)).resolves.toBe(42);
    expect(timeline.events).toEqual([
      { type: 'attempt', at: 0, label: 'GET tasks', attempt: 1 },
      { type: 'success', at: 35, label: 'GET tasks', attempt: 1, ms: 35 },
    ]);
  });

  it('a retried call: failure (with its message and duration), wait (backoff), attempt 2, success', async () => {
    const { clock, timeline, options, slept } = setup();
    let calls = 0;
    const onRetry = vi.fn();
    const run = async () => {
      clock.now += 10;
      if (calls++ === 0) throw outage();
      return 'ok';
    };
    await expect(executeResiliently(run, { ...options, onRetry })).resolves.toBe('ok');
    expect(slept).toEqual([100]);
    expect(onRetry).toHaveBeenCalledTimes(1);
    expect(timeline.events).toEqual([
      { type: 'attempt', at: 0, label: 'GET tasks', attempt: 1 },
      { type: 'failure', at: 10, label: 'GET tasks', attempt: 1, ms: 10, error: 'upstream 503', retryable: true },
      { type: 'wait', at: 10, label: 'GET tasks', ms: 100, reason: 'backoff', retryAfterSeconds: undefined },
      { type: 'attempt', at: 110, label: 'GET tasks', attempt: 2 },
      { type: 'success', at: 120, label: 'GET tasks', attempt: 2, ms: 10 },
    ]);
  });

  it('backs off exponentially between attempts: 100, 200 (attempt − 1 is the exponent)', async () => {
    const { options, slept } = setup({ retry: { maxAttempts: 3, baseMs: 100, capMs: 1_000 } });
    await expect(executeResiliently(script(outage(), outage()), options)).resolves.toBe('ok');
    expect(slept).toEqual([100, 200]);
  });

  it('uses the injected randomness for the jitter', async () => {
    const { options, slept } = setup({ random: () => 0.25 });
    await executeResiliently(script(outage()), options);
    expect(slept).toEqual([25]);
  });

  it('a wait the server advised says so, with its seconds', async () => {
    const { options, timeline, slept } = setup();
    await executeResiliently(script(rateLimited(2)), options);
    expect(slept).toEqual([2_000]);
    expect(timeline.events.find((event) => event.type === 'wait')).toEqual({
      type: 'wait',
      at: 0,
      label: 'GET tasks',
      ms: 2_000,
      reason: 'retry-after',
      retryAfterSeconds: 2,
    });
  });

  it('gives up after maxAttempts, rethrowing the very last error, with reason "attempts"', async () => {
    const { options, timeline } = setup({ retry: { maxAttempts: 2, baseMs: 1, capMs: 1 } });
    const last = outage();
    const run = script(outage(), last, outage());
    await expect(executeResiliently(run, options)).rejects.toBe(last);
    expect(run).toHaveBeenCalledTimes(2);
    expect(timeline.events.at(-1)).toEqual({ type: 'give-up', at: 1, label: 'GET tasks', reason: 'attempts' });
  });

  it('a non-retryable failure: no wait, no retry, reason "not-retryable", the same error object', async () => {
    const { options, timeline, slept } = setup();
    const error = new Failure({ retryable: false, outage: false });
    await expect(executeResiliently(script(error), options)).rejects.toBe(error);
    expect(slept).toEqual([]);
    expect(timeline.events.map((event) => event.type)).toEqual(['attempt', 'failure', 'give-up']);
    expect(timeline.events[1]).toMatchObject({ retryable: false });
    expect(timeline.events[2]).toMatchObject({ reason: 'not-retryable' });
  });

  it('describes a thrown non-Error by its string', async () => {
    const { options, timeline } = setup({ classify: () => ({ retryable: false, outage: false }) });
    await expect(executeResiliently(script('plain text'), options)).rejects.toBe('plain text');
    expect(timeline.events[1]).toMatchObject({ type: 'failure', error: 'plain text' });
  });

  it('works without a timeline, breaker or deadline (defaults for sleep and clock)', async () => {
    vi.useFakeTimers({ now: 0 });
    const run = script(outage());
    const result = executeResiliently(run, { label: 'x', retry: { maxAttempts: 2, baseMs: 50, capMs: 50 }, classify: (e) => (e as Failure).kind, random: () => 1 });
    await vi.advanceTimersByTimeAsync(49);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toBe('ok');
  });
});

describe('executeResiliently with a breaker', () => {
  it('an open breaker refuses before the call: "breaker-rejected" with the time left, the refusal thrown', async () => {
    const clock = { now: 0 };
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 1_000, now: () => clock.now });
    breaker.recordFailure();
    clock.now = 400;
    const { options, timeline } = setup({ breaker, now: () => clock.now });
    const run = script();
    await expect(executeResiliently(run, options)).rejects.toThrow(/breaker is open/);
    expect(run).not.toHaveBeenCalled();
    expect(timeline.events).toEqual([{ type: 'breaker-rejected', at: 0, label: 'GET tasks', retryInMs: 600 }]);
  });

  it('records the breaker changes where they happen: half-open before the probe, closed after it', async () => {
    const clock = { now: 0 };
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 1_000, now: () => clock.now });
    breaker.recordFailure();
    clock.now = 1_000;
    const { options, timeline } = setup({ breaker });
    await executeResiliently(script(), options);
    expect(timeline.events.map((event) => (event.type === 'breaker' ? `${event.from}→${event.to}` : event.type))).toEqual([
      'open→half-open',
      'attempt',
      'half-open→closed',
      'success',
    ]);
  });

  it('a retry refused by the half-open breaker (another probe in flight) throws the real failure, not the refusal', async () => {
    const clock = { now: 0 };
    const breaker = new CircuitBreaker({ failureThreshold: 5, cooldownMs: 1_000, now: () => clock.now });
    const { options, timeline } = setup({ breaker });
    const failure = rateLimited(0);
    // After the first (non-outage) failure, someone else's probe is in flight: the retry is refused.
    const run = vi.fn(async () => {
      breaker.record.state = 'half-open';
      breaker.record.probeInFlight = true;
      throw failure;
    });
    const recordSuccess = breaker.recordSuccess.bind(breaker);
    breaker.recordSuccess = () => undefined; // keep the other probe in flight
    await expect(executeResiliently(run, options)).rejects.toBe(failure);
    breaker.recordSuccess = recordSuccess;
    expect(run).toHaveBeenCalledTimes(1);
    expect(timeline.events.at(-1)).toMatchObject({ type: 'breaker-rejected', retryInMs: 0 });
  });

  it('does not wait for a retry once its own failure opened the breaker ("breaker-open")', async () => {
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 60_000, now: () => 0 });
    const { options, timeline, slept } = setup({ breaker });
    const error = outage();
    await expect(executeResiliently(script(error), options)).rejects.toBe(error);
    expect(slept).toEqual([]);
    expect(timeline.events.at(-1)).toMatchObject({ type: 'give-up', reason: 'breaker-open' });
  });
});

describe('executeResiliently with a deadline', () => {
  it('does not start a wait as long as or longer than what is left ("deadline")', async () => {
    vi.useFakeTimers({ now: 0 });
    const deadline = new Deadline(1_000);
    const { options, timeline, slept } = setup({ deadline, now: Date.now });
    const error = rateLimited(1); // exactly the 1 000 ms left
    await expect(executeResiliently(script(error), options)).rejects.toBe(error);
    expect(slept).toEqual([]);
    expect(timeline.events.at(-1)).toMatchObject({ type: 'give-up', reason: 'deadline' });
    deadline.dispose();
  });

  it('starts a wait shorter than what is left', async () => {
    vi.useFakeTimers({ now: 0 });
    const deadline = new Deadline(1_000);
    const { options, slept } = setup({ deadline, now: Date.now, sleep: async (ms) => void slept.push(ms) });
    await expect(executeResiliently(script(rateLimited(0.999)), options)).resolves.toBe('ok');
    expect(slept).toEqual([999]);
    deadline.dispose();
  });

  it('passes the deadline signal to every attempt', async () => {
    vi.useFakeTimers({ now: 0 });
    const deadline = new Deadline(1_000);
    const { options } = setup({ deadline });
    const run = script();
    await executeResiliently(run, options);
    expect(run).toHaveBeenCalledWith(deadline.signal);
    deadline.dispose();
  });

  it('a failure after the deadline aborted becomes DeadlineExceededError, with reason "deadline"', async () => {
    vi.useFakeTimers({ now: 0 });
    const deadline = new Deadline(500);
    const { options, timeline } = setup({ deadline });
    const run = vi.fn((signal?: AbortSignal) => new Promise<string>((_resolve, reject) => signal?.addEventListener('abort', () => reject(new Error('aborted')))));
    const result = executeResiliently(run, options).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(500);
    const error = (await result) as DeadlineExceededError;
    expect(error).toBeInstanceOf(DeadlineExceededError);
    expect(error.budgetMs).toBe(500);
    expect(timeline.events.map((event) => event.type)).toEqual(['attempt', 'give-up']);
    expect(timeline.events.at(-1)).toMatchObject({ reason: 'deadline' });
  });

  it("a wait cut short by the deadline: the deadline's budget, and the wait was given its signal", async () => {
    vi.useFakeTimers({ now: 0 });
    const deadline = new Deadline(5_000);
    const signals: Array<AbortSignal | undefined> = [];
    const { options } = setup({
      deadline,
      now: Date.now,
      sleep: async (_ms, signal) => {
        signals.push(signal);
        throw new Error('aborted');
      },
    });
    const error = await executeResiliently(script(outage()), options).catch((caught: unknown) => caught);
    expect((error as DeadlineExceededError).budgetMs).toBe(5_000);
    expect(signals).toEqual([deadline.signal]);
    deadline.dispose();
  });

  it('a wait cut short by the deadline becomes DeadlineExceededError', async () => {
    const { options, timeline } = setup({
      sleep: async () => Promise.reject(new Error('aborted')),
    });
    const error = await executeResiliently(script(outage()), options).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DeadlineExceededError);
    expect((error as DeadlineExceededError).budgetMs).toBe(0); // no deadline given: a budget of 0
    expect(timeline.events.at(-1)).toMatchObject({ type: 'give-up', reason: 'deadline' });
  });
});

describe('Deadline', () => {
  it('counts down what is left, never below 0, and aborts its signal with DeadlineExceededError', async () => {
    vi.useFakeTimers({ now: 1_000 });
    const deadline = new Deadline(300);
    expect(deadline.budgetMs).toBe(300);
    expect(deadline.remainingMs()).toBe(300);
    vi.advanceTimersByTime(299);
    expect(deadline.remainingMs()).toBe(1);
    expect(deadline.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(deadline.signal.aborted).toBe(true);
    expect(deadline.signal.reason).toBeInstanceOf(DeadlineExceededError);
    expect(deadline.signal.reason.message).toBe('The call ran out of its 300 ms budget (requests, retries and waits together). Try again later.');
    expect(deadline.signal.reason.name).toBe('DeadlineExceededError');
    vi.advanceTimersByTime(1_000);
    expect(deadline.remainingMs()).toBe(0);
  });

  it('uses the injected clock', () => {
    let now = 5_000;
    const deadline = new Deadline(1_000, () => now);
    now = 5_400;
    expect(deadline.remainingMs()).toBe(600);
    deadline.dispose();
  });

  it('dispose stops the timer: the signal never aborts', () => {
    vi.useFakeTimers({ now: 0 });
    const deadline = new Deadline(100);
    deadline.dispose();
    vi.advanceTimersByTime(1_000);
    expect(deadline.signal.aborted).toBe(false);
  });
});

describe('abortableSleep', () => {
  it('resolves after the time, not before', async () => {
    vi.useFakeTimers({ now: 0 });
    let done = false;
    const sleeping = abortableSleep(100).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(99);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await sleeping;
    expect(done).toBe(true);
  });

  it('rejects with the reason when aborted mid-way, or at once when already aborted', async () => {
    vi.useFakeTimers({ now: 0 });
    const controller = new AbortController();
    const sleeping = abortableSleep(1_000, controller.signal);
    controller.abort('late');
    await expect(sleeping).rejects.toBe('late');
    await expect(abortableSleep(1_000, controller.signal)).rejects.toBe('late');
    expect(vi.getTimerCount()).toBe(0); // the timer went with the abort
  });

  it('stops listening for the abort once it resolved', async () => {
    vi.useFakeTimers({ now: 0 });
    const controller = new AbortController();
    const remove = vi.spyOn(controller.signal, 'removeEventListener');
    const sleeping = abortableSleep(10, controller.signal);
    await vi.advanceTimersByTimeAsync(10);
    await sleeping;
    expect(remove).toHaveBeenCalledWith('abort', expect.any(Function));
  });
});

describe('backoff', () => {
  it('rounds the jittered delay and caps the ceiling', () => {
    expect(fullJitterDelay(0, { baseMs: 100, capMs: 1_000 }, () => 0.333)).toBe(33);
    expect(fullJitterDelay(4, { baseMs: 100, capMs: 1_000 }, () => 1)).toBe(1_000);
  });

  it('advice equal to the backoff is still "backoff"; advice of 0 s never wins', () => {
    expect(retryDelay(1_000, 1)).toEqual({ ms: 1_000, reason: 'backoff' });
    expect(retryDelay(0, 0)).toEqual({ ms: 0, reason: 'backoff' });
  });
});

describe('LastGoodCache', () => {
  it('knows nothing it was not given, not even inherited keys', () => {
    const cache = new LastGoodCache<string>(10, () => 0);
    expect(cache.get('missing')).toBeUndefined();
    expect(cache.get('toString')).toBeUndefined();
  });

  it('rounds the age to whole seconds', () => {
    let now = 0;
    const cache = new LastGoodCache<string>(10, () => now);
    cache.set('a', 'A');
    now = 1_499;
    expect(cache.get('a')).toEqual({ value: 'A', ageSeconds: 1, ageMs: 1_499 });
    now = 1_500;
    expect(cache.get('a')?.ageSeconds).toBe(2);
  });

  it('setting a key again makes it the most recent: the oldest other key goes first', () => {
    const cache = new LastGoodCache<string>(2, () => 0);
    cache.set('a', 'A1');
    cache.set('b', 'B');
    cache.set('a', 'A2');
    cache.set('c', 'C');
    expect(Object.keys(cache.entries)).toEqual(['a', 'c']);
    expect(cache.get('a')?.value).toBe('A2');
  });

  it('keeps up to maxEntries (default 100)', () => {
    const cache = new LastGoodCache<number>();
    for (let i = 0; i < 101; i++) cache.set(`k${i}`, i);
    expect(Object.keys(cache.entries)).toHaveLength(100);
    expect(cache.get('k0')).toBeUndefined();
    expect(cache.get('k1')?.value).toBe(1);
  });
});

describe('Timeline', () => {
  it('stamps each event with the clock, keeping its own fields', () => {
    let now = 7;
    const timeline = new Timeline(() => now);
    timeline.add({ type: 'cache', outcome: 'stored' });
    now = 9;
    timeline.add({ type: 'breaker', from: 'closed', to: 'open' });
    expect(timeline.events).toEqual([
      { type: 'cache', outcome: 'stored', at: 7 },
      { type: 'breaker', from: 'closed', to: 'open', at: 9 },
    ]);
  });

  it('uses Date.now by default', () => {
    vi.useFakeTimers({ now: 1_234 });
    const timeline = new Timeline();
    timeline.add({ type: 'cache', outcome: 'miss' });
    expect(timeline.events[0]?.at).toBe(1_234);
  });
});

describe('executeResiliently without a timeline', () => {
  const bare = (overrides: Partial<ExecuteOptions> = {}): ExecuteOptions => ({
    label: 'GET tasks',
    retry: { maxAttempts: 2, baseMs: 1, capMs: 1 },
    classify: (error) => (error as Failure).kind,
    sleep: async () => undefined,
    ...overrides,
  });

  it('still refuses on an open breaker, gives up, and turns deadline failures into DeadlineExceededError', async () => {
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 60_000, now: () => 0 });
    const error = outage();
    await expect(executeResiliently(script(error), bare({ breaker }))).rejects.toBe(error); // opens it: give-up
    await expect(executeResiliently(script(), bare({ breaker }))).rejects.toThrow(/breaker is open/); // refused
    const failing = new Failure({ retryable: false, outage: false });
    await expect(executeResiliently(script(failing), bare())).rejects.toBe(failing);
    await expect(executeResiliently(script(outage()), bare({ sleep: async () => Promise.reject(new Error('aborted')) }))).rejects.toBeInstanceOf(
      DeadlineExceededError,
    );
    vi.useFakeTimers({ now: 0 });
    const deadline = new Deadline(100);
    const hanging = vi.fn((signal?: AbortSignal) => new Promise<string>((_resolve, reject) => signal?.addEventListener('abort', () => reject(new Error('aborted')))));
    const result = executeResiliently(hanging, bare({ deadline })).catch((caught: unknown) => caught);
    await vi.advanceTimersByTimeAsync(100);
    expect(await result).toBeInstanceOf(DeadlineExceededError);
  });

  it('records a breaker change without a timeline too (no crash when half-open closes)', async () => {
    const clock = { now: 0 };
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 10, now: () => clock.now });
    breaker.recordFailure();
    clock.now = 10;
    await expect(executeResiliently(script(), bare({ breaker }))).resolves.toBe('ok');
    expect(breaker.state).toBe('closed');
  });
});

describe('executeResiliently, more exactly', () => {
  it('a closed breaker that stays closed puts no breaker event on the timeline', async () => {
    const breaker = new CircuitBreaker({ failureThreshold: 5, cooldownMs: 1_000, now: () => 0 });
    const { options, timeline } = setup({ breaker });
    await executeResiliently(script(outage()), options);
    expect(timeline.events.map((event) => event.type)).toEqual(['attempt', 'failure', 'wait', 'attempt', 'success']);
  });

  it('measures each attempt from its own start', async () => {
    const { clock, timeline, options } = setup();
    clock.now = 1_000;
    const run = vi.fn(async () => {
      clock.now += 7;
      if (run.mock.calls.length === 1) throw outage();
      return 'ok';
    });
    await executeResiliently(run, options);
    expect(timeline.events.filter((event) => event.type === 'failure' || event.type === 'success').map((event) => (event as { ms: number }).ms)).toEqual([7, 7]);
  });
});
