/**
 * The circuit breaker's state machine, pinned step by step (issue 14's planted bugs: a breaker that never
 * recovers after a failed probe, and one stuck when the probe gets a 4xx), with a clock the test turns by hand.
 */
import { describe, expect, it } from 'vitest';
import { BreakerOpenError, CircuitBreaker, newBreakerRecord } from '../breaker';
import { executeResiliently, type ExecuteOptions, type FailureClass } from '../execute';
import { Timeline } from '../timeline';

class Failure extends Error {
  constructor(readonly kind: FailureClass) {
    super('failure');
  }
}
const outage = () => new Failure({ retryable: true, outage: true });
const notFound = () => new Failure({ retryable: false, outage: false });

function breakerAt(clock: { now: number }, failureThreshold = 2, cooldownMs = 1_000) {
  const changes: string[] = [];
  const breaker = new CircuitBreaker({ failureThreshold, cooldownMs, now: () => clock.now, onStateChange: (from, to) => changes.push(`${from}→${to}`) });
  return { breaker, changes };
}

/** One call through executeResiliently, one attempt, no real waiting. */
function once(breaker: CircuitBreaker, outcome: () => Promise<string>, timeline = new Timeline(() => 0)) {
  const options: ExecuteOptions = {
    label: 'GET tasks',
    retry: { maxAttempts: 1, baseMs: 1, capMs: 1 },
    classify: (error) => (error as Failure).kind,
    breaker,
    timeline,
    sleep: async () => undefined,
  };
  return executeResiliently(outcome, options);
}

describe('circuit breaker states', () => {
  it('starts closed with nothing counted', () => {
    expect(newBreakerRecord()).toEqual({ state: 'closed', consecutiveFailures: 0, openedAt: 0, probeInFlight: false });
    const { breaker } = breakerAt({ now: 0 });
    expect(breaker.state).toBe('closed');
    expect(() => breaker.beforeRequest()).not.toThrow();
    expect(breaker.record.probeInFlight).toBe(false); // closed: requests are not probes
  });

  it('opens exactly at the threshold of consecutive failures; a success in between starts the count again', () => {
    const clock = { now: 0 };
    const { breaker, changes } = breakerAt(clock, 3);
    breaker.recordFailure();
    breaker.recordFailure();
    expect(breaker.state).toBe('closed');
    breaker.recordSuccess();
    expect(breaker.record.consecutiveFailures).toBe(0);
    breaker.recordFailure();
    breaker.recordFailure();
    expect(breaker.state).toBe('closed');
    clock.now = 42;
    breaker.recordFailure();
    expect(breaker.state).toBe('open');
    expect(breaker.record.openedAt).toBe(42);
    expect(changes).toEqual(['closed→open']); // a success while closed is no state change
  });

  it('while open, refuses with the time left, in whole seconds in the message', () => {
    const clock = { now: 0 };
    const { breaker } = breakerAt(clock, 1, 5_000);
    breaker.recordFailure();
    clock.now = 1_200;
    const error = (() => {
      try {
        breaker.beforeRequest();
      } catch (caught) {
        return caught;
      }
    })() as BreakerOpenError;
    expect(error).toBeInstanceOf(BreakerOpenError);
    expect(error.name).toBe('BreakerOpenError');
    expect(error.retryInMs).toBe(3_800);
    expect(error.message).toBe(
      'The circuit breaker is open after repeated failures: the upstream was not called. It will be tried again in 4 s.',
    );
  });

  it('half-opens exactly when the cooldown is over, not a millisecond before', () => {
    const clock = { now: 100 };
    const { breaker, changes } = breakerAt(clock, 1, 1_000);
    breaker.recordFailure();
    clock.now = 1_099;
    expect(breaker.state).toBe('open');
    clock.now = 1_100;
    expect(breaker.state).toBe('half-open');
    expect(changes).toEqual(['closed→open', 'open→half-open']);
  });

  it('half-open: the first request is the probe, a second is refused at once (retry in 0 s)', () => {
    const clock = { now: 0 };
    const { breaker } = breakerAt(clock, 1, 10);
    breaker.recordFailure();
    clock.now = 10;
    breaker.beforeRequest();
    expect(breaker.record.probeInFlight).toBe(true);
    expect(() => breaker.beforeRequest()).toThrow(expect.objectContaining({ retryInMs: 0 }));
  });

  it('a successful probe closes it and clears the probe', () => {
    const clock = { now: 0 };
    const { breaker, changes } = breakerAt(clock, 1, 10);
    breaker.recordFailure();
    clock.now = 10;
    breaker.beforeRequest();
    breaker.recordSuccess();
    expect(breaker.record).toMatchObject({ state: 'closed', consecutiveFailures: 0, probeInFlight: false });
    expect(changes).toEqual(['closed→open', 'open→half-open', 'half-open→closed']);
  });

  // Planted bug: "the breaker never recovering after a failed half-open probe".
  it('recovers after a failed probe: open again for a full cooldown, then a new probe goes out and can close it', async () => {
    const clock = { now: 0 };
    const { breaker, changes } = breakerAt(clock, 1, 1_000);
    await once(breaker, async () => Promise.reject(outage())).catch(() => undefined);
    clock.now = 1_000;
    await expect(once(breaker, async () => Promise.reject(outage()))).rejects.toBeInstanceOf(Failure); // the probe fails
    expect(breaker.record).toMatchObject({ state: 'open', openedAt: 1_000, probeInFlight: false });
    clock.now = 1_999;
    await expect(once(breaker, async () => 'ok')).rejects.toBeInstanceOf(BreakerOpenError); // a full new cooldown
    clock.now = 2_000;
    await expect(once(breaker, async () => 'ok')).resolves.toBe('ok'); // the next probe goes out
    expect(breaker.state).toBe('closed');
    expect(changes).toEqual(['closed→open', 'open→half-open', 'half-open→open', 'open→half-open', 'half-open→closed']);
  });

  // Planted bug: "a 4xx during the probe leaving the breaker stuck".
  it('a 4xx answer to the probe closes it: the upstream is up and answering', async () => {
    const clock = { now: 0 };
    const { breaker } = breakerAt(clock, 1, 1_000);
    await once(breaker, async () => Promise.reject(outage())).catch(() => undefined);
    clock.now = 1_000;
    await expect(once(breaker, async () => Promise.reject(notFound()))).rejects.toBeInstanceOf(Failure);
    expect(breaker.record).toMatchObject({ state: 'closed', probeInFlight: false, consecutiveFailures: 0 });
    await expect(once(breaker, async () => 'ok')).resolves.toBe('ok'); // not stuck refusing
  });

  it('a 4xx while closed resets the count of consecutive outages', async () => {
    const { breaker } = breakerAt({ now: 0 }, 2);
    await once(breaker, async () => Promise.reject(outage())).catch(() => undefined);
    expect(breaker.record.consecutiveFailures).toBe(1);
    await once(breaker, async () => Promise.reject(notFound())).catch(() => undefined);
    expect(breaker.record.consecutiveFailures).toBe(0);
    await once(breaker, async () => Promise.reject(outage())).catch(() => undefined);
    expect(breaker.state).toBe('closed');
  });

  it('a failure while already open keeps it open from the later time, without a state change', () => {
    const clock = { now: 0 };
    const { breaker, changes } = breakerAt(clock, 1, 1_000);
    breaker.recordFailure();
    clock.now = 500;
    breaker.recordFailure(); // e.g. a request that was already in flight when it opened
    expect(breaker.record.openedAt).toBe(500);
    expect(changes).toEqual(['closed→open']);
    clock.now = 1_499;
    expect(breaker.state).toBe('open');
  });

  it('works without a state-change listener', () => {
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 1_000 });
    breaker.recordFailure();
    expect(breaker.state).toBe('open');
  });
});

describe('circuit breaker records', () => {
  it('refuses with the time left from when it opened, not from time zero', () => {
    const clock = { now: 10_000 };
    const { breaker } = breakerAt(clock, 1, 5_000);
    breaker.recordFailure();
    clock.now = 11_000;
    expect(() => breaker.beforeRequest()).toThrow(expect.objectContaining({ retryInMs: 4_000 }));
  });

  it('a failed probe opens it again whatever the failure count the record holds (e.g. a record kept under another threshold)', () => {
    const clock = { now: 0 };
    const record = { state: 'half-open' as const, consecutiveFailures: 0, openedAt: 0, probeInFlight: true };
    const breaker = new CircuitBreaker({ failureThreshold: 5, cooldownMs: 1_000, now: () => clock.now }, record);
    clock.now = 3_000;
    breaker.recordFailure();
    expect(record).toMatchObject({ state: 'open', openedAt: 3_000, probeInFlight: false, consecutiveFailures: 1 });
  });
});
