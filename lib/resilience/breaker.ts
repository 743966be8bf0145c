/**
 * A circuit breaker per backend: closed → open → half-open.
 *
 * After `failureThreshold` consecutive infrastructure failures it opens and
 * answers at once, for `cooldownMs`, without calling a dead upstream — so a
 * dead upstream costs milliseconds, not a timeout per call. Then one probe is
 * let through (half-open): success closes it, failure opens it again.
 *
 * Its state is a plain record, so it can live in a StateStore between
 * requests (one breaker per tenant and backend, not per process).
 */
import type { BreakerState } from './timeline';

export interface BreakerOptions {
  failureThreshold: number;
  cooldownMs: number;
  now?: () => number;
  onStateChange?: (from: BreakerState, to: BreakerState) => void;
}

export class BreakerOpenError extends Error {
  override name = 'BreakerOpenError';
  constructor(readonly retryInMs: number) {
    super(
      `The circuit breaker is open after repeated failures: the upstream was not called. ` +
        `It will be tried again in ${Math.ceil(retryInMs / 1000)} s.`,
    );
  }
}

/** Everything a breaker remembers: plain data, changed in place. */
export interface BreakerRecord {
  state: BreakerState;
  consecutiveFailures: number;
  openedAt: number;
  probeInFlight: boolean;
}

export function newBreakerRecord(): BreakerRecord {
  return { state: 'closed', consecutiveFailures: 0, openedAt: 0, probeInFlight: false };
}

export class CircuitBreaker {
  readonly #now: () => number;

  constructor(
    private readonly options: BreakerOptions,
    readonly record: BreakerRecord = newBreakerRecord(),
  ) {
    this.#now = options.now ?? Date.now;
  }

  get state(): BreakerState {
    const record = this.record;
    if (record.state === 'open' && this.#now() - record.openedAt >= this.options.cooldownMs) this.#move('half-open');
    return record.state;
  }

  /** Throws BreakerOpenError when the call must not go out. */
  beforeRequest(): void {
    const state = this.state;
    if (state === 'open') throw new BreakerOpenError(this.options.cooldownMs - (this.#now() - this.record.openedAt));
    if (state === 'half-open') {
      if (this.record.probeInFlight) throw new BreakerOpenError(0);
      this.record.probeInFlight = true;
    }
  }

  recordSuccess(): void {
    this.record.consecutiveFailures = 0;
    this.record.probeInFlight = false;
    if (this.record.state !== 'closed') this.#move('closed');
  }

  recordFailure(): void {
    const record = this.record;
    record.probeInFlight = false;
    record.consecutiveFailures += 1;
    if (record.state === 'half-open' || record.consecutiveFailures >= this.options.failureThreshold) {
      record.openedAt = this.#now();
      if (record.state !== 'open') this.#move('open');
    }
  }

  #move(to: BreakerState): void {
    const from = this.record.state;
    this.record.state = to;
    this.options.onStateChange?.(from, to);
  }
}
