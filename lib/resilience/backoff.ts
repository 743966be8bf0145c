/**
 * Exponential backoff with full jitter: wait a random time between 0 and
 * min(cap, base × 2^attempt). The randomness spreads retries of many clients
 * apart, so they do not hit a recovering server all at the same moment.
 */
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}

export function fullJitterDelay(retry: number, options: BackoffOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** retry);
  return Math.round(random() * ceiling);
}

/** The server's advice wins when it asks for more: never retry sooner than told. */
export function retryDelay(jitteredMs: number, retryAfterSeconds: number | undefined): { ms: number; reason: 'backoff' | 'retry-after' } {
  // Stryker disable next-line ConditionalExpression: equivalent — undefined × 1000 is NaN, and NaN > x is false, so no advice loses to the backoff either way
  const advisedMs = retryAfterSeconds === undefined ? 0 : retryAfterSeconds * 1000;
  return advisedMs > jitteredMs ? { ms: advisedMs, reason: 'retry-after' } : { ms: jitteredMs, reason: 'backoff' };
}
