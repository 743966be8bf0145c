/**
 * The production fallback: how this server survives a misbehaving Todoist.
 *
 * Per tenant and backend: one circuit breaker and a last-good cache, kept as
 * plain records in the StateStore between requests.
 * Per call: a deadline and a timeline. Per request: retries with full-jitter
 * backoff that honour Todoist's retry_after. What counts as retryable is
 * decided here, from the client's typed errors.
 */
import type { RequestExecutor } from '@/lib/todoist/client';
import { TodoistApiError, TodoistError } from '@/lib/todoist/errors';
import { CircuitBreaker, Deadline, LastGoodCache, executeResiliently, type FailureClass, type RetryPolicy } from '@/lib/resilience';
import { newBreakerRecord, type BreakerRecord } from '@/lib/resilience/breaker';
import type { CacheRecord } from '@/lib/resilience/cache';
import type { CallRecorder } from './provenance';

export interface ResilienceSettings {
  /** Per HTTP request. */
  requestTimeoutMs: number;
  /** For a whole tool call: requests, retries and waits together. */
  deadlineMs: number;
  retry: RetryPolicy;
  breaker: { failureThreshold: number; cooldownMs: number };
}

export const DEFAULT_RESILIENCE: ResilienceSettings = {
  requestTimeoutMs: 5_000,
  deadlineMs: 15_000,
  retry: { maxAttempts: 4, baseMs: 250, capMs: 4_000 },
  breaker: { failureThreshold: 3, cooldownMs: 20_000 },
};

/**
 * A write (POST, DELETE) that timed out or hit a 5xx may have been applied:
 * retrying could create a second task or close a recurring one twice. Only a
 * 429 — refused before any work — is safe to send again. `POST sync` is the
 * exception: a read, or commands Todoist applies once per `uuid`.
 */
export function classifyFailureOf(label: string): (error: unknown) => FailureClass {
  const [method, path] = label.split(' ');
  const idempotent = method === 'GET' || path === 'sync';
  return (error) => {
    const failure = classifyTodoistFailure(error);
    const safeToRepeat = idempotent || (error instanceof TodoistApiError && error.status === 429);
    return safeToRepeat ? failure : { ...failure, retryable: false };
  };
}

/** What a Todoist failure means for retrying and for the breaker. */
export function classifyTodoistFailure(error: unknown): FailureClass {
  if (error instanceof TodoistApiError) {
    return { retryable: error.retryable, outage: error.status >= 500, retryAfterSeconds: error.retryAfterSeconds };
  }
  if (error instanceof TodoistError) return { retryable: error.retryable, outage: error.retryable };
  return { retryable: false, outage: false };
}

export interface BackendResilience {
  settings: ResilienceSettings;
  breaker: CircuitBreaker;
  cache: LastGoodCache<unknown>;
}

/** What a backend's resilience remembers between requests: plain data for the StateStore. */
export interface ResilienceRecord {
  breaker: BreakerRecord;
  cache: CacheRecord<unknown>;
}

export function newResilienceRecord(): ResilienceRecord {
  return { breaker: newBreakerRecord(), cache: {} };
}

/** Breaker and cache over a record: what they learn lands in the record, for the next request. */
export function createBackendResilience(
  settings: ResilienceSettings = DEFAULT_RESILIENCE,
  record: ResilienceRecord = newResilienceRecord(),
): BackendResilience {
  return {
    settings,
    breaker: new CircuitBreaker(settings.breaker, record.breaker),
    cache: new LastGoodCache(100, Date.now, record.cache),
  };
}

/** The executor for one call: every request of the call shares its deadline and timeline. */
export function resilientExecutor(resilience: BackendResilience, recorder: CallRecorder, deadline: Deadline): RequestExecutor {
  return (label, attempt) =>
    executeResiliently(attempt, {
      label,
      retry: resilience.settings.retry,
      classify: classifyFailureOf(label),
      breaker: resilience.breaker,
      deadline,
      timeline: recorder.timeline,
      onRetry: () => {
        recorder.retries += 1;
      },
    });
}
