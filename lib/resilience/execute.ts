/**
 * One logical request under the resilience rules:
 *   breaker check → attempt → on a retryable failure, wait (full jitter, or
 *   longer if the server asked) and try again — within the attempt limit and
 *   the call's deadline. Everything that happens goes on the timeline.
 *
 * It knows nothing about Todoist: `classify` says what an error means.
 */
import { fullJitterDelay, retryDelay, type BackoffOptions } from './backoff';
import type { CircuitBreaker } from './breaker';
import { DeadlineExceededError, type Deadline } from './deadline';
import type { Timeline, TimelineEvent } from './timeline';

export interface FailureClass {
  /** Trying again may succeed (429, 5xx, network, timeout) — never other 4xx. */
  retryable: boolean;
  /** The upstream itself is failing (network, timeout, 5xx): counts towards opening the breaker. */
  outage: boolean;
  /** The server's backoff advice, in seconds. */
  retryAfterSeconds?: number;
}

type GiveUpReason = Extract<TimelineEvent, { type: 'give-up' }>['reason'];

export interface RetryPolicy extends BackoffOptions {
  /** Attempts in all, the first included. */
  maxAttempts: number;
}

export interface ExecuteOptions {
  label: string;
  retry: RetryPolicy;
  classify: (error: unknown) => FailureClass;
  breaker?: CircuitBreaker;
  deadline?: Deadline;
  timeline?: Timeline;
  onRetry?: () => void;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

export async function executeResiliently<T>(run: (signal?: AbortSignal) => Promise<T>, options: ExecuteOptions): Promise<T> {
  const { label, retry, breaker, deadline, timeline } = options;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  let lastFailure: unknown;
  for (let attempt = 1; ; attempt += 1) {
    try {
      watchBreaker(() => breaker?.beforeRequest()); // may move open → half-open after the cooldown
    } catch (error) {
      timeline?.add({ type: 'breaker-rejected', label, retryInMs: (error as { retryInMs?: number }).retryInMs ?? 0 });
      // If our own retries just opened it, the real cause is the last failure, not the breaker.
      throw lastFailure ?? error;
    }
    if (attempt > 1) options.onRetry?.(); // counted when the retry actually goes out
    timeline?.add({ type: 'attempt', label, attempt });
    const started = now();
    try {
      const value = await run(deadline?.signal);
      watchBreaker(() => breaker?.recordSuccess());
      timeline?.add({ type: 'success', label, attempt, ms: now() - started });
      return value;
    } catch (error) {
      if (deadline?.signal.aborted) {
        timeline?.add({ type: 'give-up', label, reason: 'deadline' });
        throw new DeadlineExceededError(deadline.budgetMs);
      }
      lastFailure = error;
      const failure = options.classify(error);
      // Only a failing upstream trips the breaker; a 4xx means it is up and answering.
      timeline?.add({ type: 'failure', label, attempt, ms: now() - started, error: errorText(error), retryable: failure.retryable });
      watchBreaker(() => (failure.outage ? breaker?.recordFailure() : breaker?.recordSuccess()));
      if (!failure.retryable) return giveUp('not-retryable', error);
      if (attempt >= retry.maxAttempts) return giveUp('attempts', error);
      // This failure opened the breaker: waiting would only end in a refusal.
      if (breaker?.state === 'open') return giveUp('breaker-open', error);

      const wait = retryDelay(fullJitterDelay(attempt - 1, retry, options.random), failure.retryAfterSeconds);
      if (deadline && wait.ms >= deadline.remainingMs()) return giveUp('deadline', error);
      timeline?.add({ type: 'wait', label, ms: wait.ms, reason: wait.reason, retryAfterSeconds: failure.retryAfterSeconds });
      try {
        await sleep(wait.ms, deadline?.signal);
      } catch {
        timeline?.add({ type: 'give-up', label, reason: 'deadline' });
        throw new DeadlineExceededError(deadline?.budgetMs ?? 0);
      }
    }
  }

  /** Runs a breaker operation and puts any state change on the timeline, where it happened. */
  function watchBreaker(operation: () => void): void {
    // The record, not the `state` getter: reading `state` would itself move open → half-open, off the timeline.
    const before = breaker?.record.state;
    operation();
    const after = breaker?.state;
    // Stryker disable next-line ConditionalExpression: equivalent — with a breaker both states are set, without one neither is
    if (before && after && before !== after) timeline?.add({ type: 'breaker', from: before, to: after });
  }

  function giveUp(reason: GiveUpReason, error: unknown): never {
    timeline?.add({ type: 'give-up', label, reason });
    throw error;
  }
}

/** Resolves after `ms`; rejects at once if the signal aborts (the deadline passed). */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      // Stryker disable next-line OptionalChaining: equivalent — onAbort is only ever added to a signal
      reject(signal?.reason);
    };
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: equivalent — a signal aborts once, and the timer removes the listener
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
