/**
 * A circuit breaker per backend: closed → open → half-open.
 *
 * After `failureThreshold` consecutive infrastructure failures it opens and
 * answers at once, for `cooldownMs`, without calling a dead upstream — so a
 * dead upstream costs milliseconds, not a timeout per call. Then one probe is
 * let through (half-open): success closes it, failure opens it again.
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

export class CircuitBreaker {
  #state: BreakerState = 'closed';
  #consecutiveFailures = 0;
  #openedAt = 0;
  #probeInFlight = false;
  readonly #now: () => number;

  constructor(private readonly options: BreakerOptions) {
    this.#now = options.now ?? Date.now;
  }

  get state(): BreakerState {
    if (this.#state === 'open' && this.#now() - this.#openedAt >= this.options.cooldownMs) this.#move('half-open');
    return this.#state;
  }

  /** Throws BreakerOpenError when the call must not go out. */
  beforeRequest(): void {
    const state = this.state;
    if (state === 'open') throw new BreakerOpenError(this.options.cooldownMs - (this.#now() - this.#openedAt));
    if (state === 'half-open') {
      if (this.#probeInFlight) throw new BreakerOpenError(0);
      this.#probeInFlight = true;
    }
  }

  recordSuccess(): void {
    this.#consecutiveFailures = 0;
    this.#probeInFlight = false;
    if (this.#state !== 'closed') this.#move('closed');
  }

  recordFailure(): void {
    this.#probeInFlight = false;
    this.#consecutiveFailures += 1;
    if (this.#state === 'half-open' || this.#consecutiveFailures >= this.options.failureThreshold) {
      this.#openedAt = this.#now();
      if (this.#state !== 'open') this.#move('open');
    }
  }

  #move(to: BreakerState): void {
    const from = this.#state;
    this.#state = to;
    this.options.onStateChange?.(from, to);
  }
}
