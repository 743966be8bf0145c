import { describe, expect, it } from 'vitest';
import { TIMELINE_META_KEY, type Provenance } from '@/lib/mcp/provenance';
import type { TimelineEvent } from '@/lib/resilience/timeline';
import { describeEvent, describeSource, glimpseOf, isCanned, formatOffset, timelineOf, timelineRows } from '../widgets/fault-timeline-format';

const label = 'GET tasks/filter';

describe('fault timeline formatting', () => {
  it('puts each event at its time since the first one', () => {
    const rows = timelineRows([
      { type: 'attempt', at: 1_000, label, attempt: 1 },
      { type: 'failure', at: 1_003, label, attempt: 1, ms: 3, error: 'network error', retryable: true },
      { type: 'wait', at: 1_003, label, ms: 247, reason: 'backoff' },
      { type: 'attempt', at: 1_250, label, attempt: 2 },
      { type: 'success', at: 5_520, label, attempt: 2, ms: 4_270 },
    ]);
    expect(rows.map((row) => row.offset)).toEqual(['+0 ms', '+3 ms', '+3 ms', '+250 ms', '+4.5 s']);
    expect(rows.map((row) => row.label)).toEqual(['attempt', 'failed', 'wait', 'attempt', 'ok']);
    expect(rows[0]!.text).toBe('GET tasks/filter, attempt 1');
    expect(rows[4]!.text).toBe('GET tasks/filter answered in 4270 ms');
  });

  it('says why it waited: the server’s retry_after, or backoff', () => {
    expect(describeEvent({ type: 'wait', at: 0, label, ms: 2_000, reason: 'retry-after', retryAfterSeconds: 2 })).toBe(
      "waited 2000 ms: retry_after 2 s (the server's advice)",
    );
    expect(describeEvent({ type: 'wait', at: 0, label, ms: 312.4, reason: 'backoff' })).toBe('waited 312 ms: backoff with full jitter');
    expect(describeEvent({ type: 'wait', at: 0, label, ms: 900, reason: 'backoff', retryAfterSeconds: 0.5 })).toContain('longer than retry_after 0.5 s');
  });

  it('names breaker moves, refusals, the cache and give-ups', () => {
    expect(describeEvent({ type: 'breaker', at: 0, from: 'closed', to: 'open' })).toMatch(/^breaker closed → open: repeated outages/);
    expect(describeEvent({ type: 'breaker-rejected', at: 0, label, retryInMs: 17_200 })).toBe(
      'GET tasks/filter not sent: the breaker is open (next probe in 18 s)',
    );
    expect(describeEvent({ type: 'cache', at: 0, outcome: 'served-stale', ageSeconds: 12 })).toBe('served from cache, 12 s old');
    expect(describeEvent({ type: 'cache', at: 0, outcome: 'miss' })).toMatch(/^cache miss/);
    expect(describeEvent({ type: 'cache', at: 0, outcome: 'stored' })).toBe('answer stored as the last good one');
    expect(describeEvent({ type: 'give-up', at: 0, label, reason: 'not-retryable' })).toBe(
      'gave up on GET tasks/filter: not retryable — it would fail the same way again',
    );
    expect(describeEvent({ type: 'give-up', at: 0, label, reason: 'deadline' })).toContain('deadline');
    expect(describeEvent({ type: 'failure', at: 0, label, attempt: 1, ms: 2, error: 'HTTP 404', retryable: false })).toBe(
      'GET tasks/filter failed after 2 ms: HTTP 404 — not worth retrying',
    );
    expect(
      describeEvent({
        type: 'failure',
        at: 0,
        label,
        attempt: 1,
        ms: 2.4,
        error: 'GET tasks/filter failed with 429: Too many requests (TOO_MANY_REQUESTS). Rate limited: wait before retrying.',
        retryable: true,
      }),
    ).toBe('GET tasks/filter failed with 429: Too many requests (TOO_MANY_REQUESTS). (after 2 ms) — worth retrying');
    expect(
      describeEvent({ type: 'failure', at: 0, label, attempt: 1, ms: 1, error: 'GET tasks/filter returned an invalid response: field "results.2.priority" is required. Report it.', retryable: false }),
    ).toContain('"results.2.priority" is required. (after 1 ms)');
  });

  it('reads the timeline from _meta and ignores what is not an event', () => {
    const event: TimelineEvent = { type: 'cache', at: 5, outcome: 'stored' };
    expect(timelineOf({ [TIMELINE_META_KEY]: [event, { type: 'bogus', at: 1 }, null, 'x'] })).toEqual([event]);
    expect(timelineOf({ [TIMELINE_META_KEY]: 'nope' })).toEqual([]);
    expect(timelineOf(undefined)).toEqual([]);
    expect(timelineRows([])).toEqual([]);
  });

  it('formats offsets, sources and the first lines', () => {
    expect(formatOffset(0)).toBe('+0 ms');
    expect(formatOffset(999.6)).toBe('+1000 ms');
    expect(formatOffset(15_049)).toBe('+15.0 s');
    const base: Provenance = { backend: 'mock', source: 'live', pages: 1, requests: 1, retries: 0, durationMs: 3, degraded: false };
    expect(describeSource(base)).toBe('live');
    expect(describeSource({ ...base, source: 'cache', staleSeconds: 12 })).toBe('cache, 12 s old');
    expect(describeSource({ ...base, scenario: 'canned', degraded: true })).toBe('canned todos');
    expect(isCanned({ ...base, scenario: 'canned' })).toBe(true);
    expect(isCanned(base)).toBe(false);
    expect(glimpseOf('Source: MOCK\nOverview:\nOverdue (2):\n- a\n- b', 2)).toEqual({ first: 'Source: MOCK', next: ['Overview:', 'Overdue (2):'] });
    const raw = JSON.stringify([{ id: '1', content: 'Buy milk' }, { id: '2', content: 'Call mom' }], null, 2);
    expect(glimpseOf(raw)).toEqual({ first: '[', next: ['"content": "Buy milk"', '"content": "Call mom"'] });
    expect(glimpseOf('')).toEqual({ first: '', next: [] });
  });
});
