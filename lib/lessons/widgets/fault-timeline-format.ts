/**
 * What resilience did during one call, in words: the events a tool result
 * carries in `_meta["dojo/timeline"]`, turned into rows a person can follow —
 * "+250 ms · wait · waited 2000 ms: retry_after 2 s".
 */
import { TIMELINE_META_KEY, type Provenance } from '@/lib/mcp/provenance';
import type { TimelineEvent } from '@/lib/resilience/timeline';

export type TimelineKind = TimelineEvent['type'];

export interface TimelineRow {
  /** Milliseconds since the first event of the call. */
  offsetMs: number;
  /** "+0 ms", "+250 ms", "+4.3 s". */
  offset: string;
  kind: TimelineKind;
  /** A glyph for the eye; the label carries the meaning for everyone. */
  icon: string;
  label: string;
  text: string;
  event: TimelineEvent;
}

const KINDS: Record<TimelineKind, { icon: string; label: string }> = {
  attempt: { icon: '→', label: 'attempt' },
  success: { icon: '✓', label: 'ok' },
  failure: { icon: '✗', label: 'failed' },
  wait: { icon: '◷', label: 'wait' },
  'give-up': { icon: '■', label: 'give up' },
  breaker: { icon: '⚡', label: 'breaker' },
  'breaker-rejected': { icon: '⊘', label: 'not sent' },
  cache: { icon: '◆', label: 'cache' },
};

/** The timeline from a result's `_meta`; anything that is not an event is left out. */
export function timelineOf(meta: Record<string, unknown> | undefined): TimelineEvent[] {
  const value = meta?.[TIMELINE_META_KEY];
  if (!Array.isArray(value)) return [];
  return value.filter(
    (event): event is TimelineEvent =>
      typeof event === 'object' && event !== null && typeof event.at === 'number' && typeof event.type === 'string' && event.type in KINDS,
  );
}

export function timelineRows(events: readonly TimelineEvent[]): TimelineRow[] {
  const start = events[0]?.at ?? 0;
  return events.map((event) => {
    const offsetMs = Math.max(0, event.at - start);
    return { offsetMs, offset: formatOffset(offsetMs), kind: event.type, ...KINDS[event.type], text: describeEvent(event), event };
  });
}

/** Milliseconds below a second (that is where backoff lives), seconds with one decimal above. */
export function formatOffset(ms: number): string {
  return ms < 1_000 ? `+${Math.round(ms)} ms` : `+${(ms / 1_000).toFixed(1)} s`;
}

export function describeEvent(event: TimelineEvent): string {
  switch (event.type) {
    case 'attempt':
      return `${event.label}, attempt ${event.attempt}`;
    case 'success':
      return `${event.label} answered in ${Math.round(event.ms)} ms`;
    case 'failure':
      return `${failureText(event)} — ${event.retryable ? 'worth retrying' : 'not worth retrying'}`;
    case 'wait':
      return `waited ${Math.round(event.ms)} ms: ${waitReason(event)}`;
    case 'give-up':
      return `gave up on ${event.label}: ${GIVE_UP_REASONS[event.reason]}`;
    case 'breaker':
      return `breaker ${event.from} → ${event.to}: ${BREAKER_MOVES[event.to]}`;
    case 'breaker-rejected':
      return `${event.label} not sent: the breaker is open${event.retryInMs > 0 ? ` (next probe in ${Math.ceil(event.retryInMs / 1_000)} s)` : ''}`;
    case 'cache':
      return describeCache(event);
  }
}

type FailureEvent = Extract<TimelineEvent, { type: 'failure' }>;

/**
 * The error's first sentence — what failed; the advice that follows is in the answer's note.
 * The client's errors start with the request ("GET projects failed with 429: …"): no need to say it twice.
 */
function failureText(event: FailureEvent): string {
  const ms = Math.round(event.ms);
  const error = event.error.match(/^.+?[.!?](?=\s|$)/)?.[0] ?? event.error;
  return error.startsWith(event.label) ? `${error} (after ${ms} ms)` : `${event.label} failed after ${ms} ms: ${error}`;
}

type WaitEvent = Extract<TimelineEvent, { type: 'wait' }>;

function waitReason(event: WaitEvent): string {
  if (event.reason === 'retry-after') return `retry_after ${event.retryAfterSeconds ?? '?'} s (the server's advice)`;
  // The random backoff came out longer than the server's advice: the larger wait wins.
  if (event.retryAfterSeconds !== undefined) return `backoff with full jitter (longer than retry_after ${event.retryAfterSeconds} s)`;
  return 'backoff with full jitter';
}

const GIVE_UP_REASONS: Record<Extract<TimelineEvent, { type: 'give-up' }>['reason'], string> = {
  'not-retryable': 'not retryable — it would fail the same way again',
  attempts: 'every attempt used',
  deadline: "the call's deadline would pass",
  'breaker-open': 'this failure opened the circuit breaker: no point waiting to be refused',
};

const BREAKER_MOVES: Record<Extract<TimelineEvent, { type: 'breaker' }>['to'], string> = {
  open: 'repeated outages, calls are now answered without asking the upstream',
  'half-open': 'cooldown over, one probe may go',
  closed: 'the upstream answered, calls go through again',
};

function describeCache(event: Extract<TimelineEvent, { type: 'cache' }>): string {
  if (event.outcome === 'stored') return 'answer stored as the last good one';
  if (event.outcome === 'served-stale') return `served from cache, ${event.ageSeconds ?? '?'} s old`;
  return 'cache miss: no earlier answer to fall back on';
}

/** Where the answer came from, in three words: "live", "cache, 12 s old", or the naive server's "canned todos". */
export function describeSource(provenance: Provenance): string {
  if (provenance.scenario === 'canned') return 'canned todos';
  return provenance.source === 'cache' ? `cache, ${provenance.staleSeconds ?? '?'} s old` : 'live';
}

/** The naive fallback's canned todos: its request counts are to the canned mock, not to Todoist. */
export function isCanned(provenance: Provenance): boolean {
  return provenance.scenario === 'canned';
}

/**
 * What the model reads first: the first line, and a glimpse of what follows.
 * Compact text: the next lines. Raw JSON (the naive server): its task titles,
 * since "[" and "{" say nothing about what a model will believe.
 */
export function glimpseOf(text: string, more = 3): { first: string; next: string[] } {
  const [first = '', ...rest] = text.split('\n');
  const titles = rest.filter((line) => /^\s*"content":/.test(line)).map((line) => line.trim());
  return { first, next: (titles.length > 0 ? titles : rest).slice(0, more) };
}
