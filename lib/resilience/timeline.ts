/**
 * A timeline of what resilience did during one call — attempts, waits and
 * why, breaker changes, cache use — so a lesson can show it step by step and
 * a tool result can carry it in `_meta`.
 */
export type TimelineEvent =
  | { type: 'attempt'; at: number; label: string; attempt: number }
  | { type: 'success'; at: number; label: string; attempt: number; ms: number }
  | { type: 'failure'; at: number; label: string; attempt: number; ms: number; error: string; retryable: boolean }
  | { type: 'wait'; at: number; label: string; ms: number; reason: 'backoff' | 'retry-after'; retryAfterSeconds?: number }
  | { type: 'give-up'; at: number; label: string; reason: 'not-retryable' | 'attempts' | 'deadline' | 'breaker-open' }
  | { type: 'breaker'; at: number; from: BreakerState; to: BreakerState }
  | { type: 'breaker-rejected'; at: number; label: string; retryInMs: number }
  | { type: 'cache'; at: number; outcome: 'stored' | 'served-stale' | 'miss'; ageSeconds?: number };

export type BreakerState = 'closed' | 'open' | 'half-open';

/** Distributes `Omit` over the union, so each event keeps its own fields. */
type WithoutTime<Event> = Event extends unknown ? Omit<Event, 'at'> : never;
export type TimelineInput = WithoutTime<TimelineEvent>;

export class Timeline {
  readonly events: TimelineEvent[] = [];
  constructor(private readonly now: () => number = Date.now) {}

  add(event: TimelineInput): void {
    this.events.push({ ...event, at: this.now() } as TimelineEvent);
  }
}
