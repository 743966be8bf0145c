/**
 * The production (`resilient`) fallback through the SDK client: retries,
 * retry_after, the circuit breaker, stale-but-labelled cache, and never mock
 * data in real mode.
 */
import { describe, expect, it, vi } from 'vitest';
import { createMockBackend } from '@/lib/mock/backend';
import { startStandin } from '@/lib/mock/standin';
import type { TimelineEvent } from '@/lib/resilience/timeline';
import { TIMELINE_META_KEY } from '../provenance';
import type { DojoServerOptions } from '../server';
import { connect, provenanceOf, textOf } from './helpers';

const FAST: DojoServerOptions['resilience'] = {
  requestTimeoutMs: 300,
  deadlineMs: 5_000,
  retry: { maxAttempts: 4, baseMs: 10, capMs: 40 },
  breaker: { failureThreshold: 3, cooldownMs: 60_000 },
};

const timelineOf = (result: { _meta?: Record<string, unknown> }) => (result._meta?.[TIMELINE_META_KEY] ?? []) as TimelineEvent[];

describe('resilient fallback (production)', () => {
  it('retries transient 5xx and answers live, counting the retries', async () => {
    // The flaky scenario's randomness is seeded: the same requests fail on every run.
    const backend = createMockBackend({ size: 'small', seed: 3, scenario: { name: 'flaky', flaky: { failureRate: 0.5 } } });
    const patientBreaker = { ...FAST, breaker: { failureThreshold: 20, cooldownMs: 60_000 } };
    const { call, close } = await connect({ mock: { backend }, resilience: patientBreaker });
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await call('list_projects'));
    // A call whose four attempts all fail is answered from the cache (see below): look at the live ones.
    expect(results.every((result) => !result.isError)).toBe(true);
    const retried = results.filter((result) => provenanceOf(result).retries > 0 && provenanceOf(result).source === 'live');
    expect(retried.length).toBeGreaterThan(0);
    for (const result of retried) {
      const provenance = provenanceOf(result);
      expect(provenance.requests).toBe(provenance.retries + provenance.pages);
      expect(timelineOf(result).some((event) => event.type === 'wait' && event.reason === 'backoff')).toBe(true);
    }
    await close();
  });

  it('honours retry_after: the wait is at least what the server asked', async () => {
    const backend = createMockBackend({
      size: 'small',
      scenario: { name: 'rate-limited', rateLimit: { requests: 1, windowMs: 600, retryAfterSeconds: 0.5 } },
    });
    const { call, close } = await connect({ mock: { backend }, resilience: FAST });
    const result = await call('list_tasks'); // tasks page, then projects page: the second is rate limited
    expect(result.isError).toBeFalsy();
    const waits = timelineOf(result).filter((event) => event.type === 'wait');
    expect(waits.length).toBeGreaterThan(0);
    expect(waits.every((event) => event.type === 'wait' && event.reason === 'retry-after' && event.ms >= 500)).toBe(true);
    await close();
  });

  it('does not retry a 404', async () => {
    const { call, close } = await connect({ resilience: FAST });
    const result = await call('get_task', { task_id: 'doesNotExist' });
    expect(result.isError).toBe(true);
    expect(provenanceOf(result)).toMatchObject({ requests: 1, retries: 0 });
    await close();
  });

  it('when the upstream dies: the last good answer, labelled stale; once the breaker is open, without calling it', async () => {
    const backend = createMockBackend({ size: 'small' });
    const { call, close } = await connect({ mock: { backend }, resilience: FAST });
    const live = await call('get_overview');
    expect(provenanceOf(live).source).toBe('live');

    backend.setScenario('down');
    const first = await call('get_overview');
    expect(first.isError).toBeFalsy();
    expect(provenanceOf(first)).toMatchObject({ source: 'cache', degraded: true });
    expect(textOf(first).split('\n')[0]).toMatch(/^Source: MOCK DATA/); // mock backend: the scenario line still comes first
    expect(provenanceOf(first).note).toContain('the live call failed');
    expect(first.structuredContent).toEqual(live.structuredContent);
    expect(timelineOf(first).some((event) => event.type === 'breaker' && event.to === 'open')).toBe(true);

    // No request went out: the breaker answered (counted by the call itself, not timed on the wall clock).
    const fast = await call('get_overview');
    expect(provenanceOf(fast)).toMatchObject({ source: 'cache', requests: 0 });
    expect(timelineOf(fast).some((event) => event.type === 'breaker-rejected')).toBe(true);
    await close();
  });

  it('with nothing cached, a dead upstream is a clear error — never mock data', async () => {
    const backend = createMockBackend({ size: 'small', token: 'real-token' });
    const standin = await startStandin({ backend });
    backend.setScenario('down');
    const { call, close } = await connect({
      backend: 'real',
      real: { loadConfig: async () => ({ token: 'real-token', baseUrl: standin.baseUrl, whereToSetToken: '' }) },
      resilience: FAST,
    });
    const result = await call('list_tasks');
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('could not be reached');
    expect(textOf(result)).not.toContain('Buy milk');
    expect(provenanceOf(result)).toMatchObject({ backend: 'real', degraded: true });
    await close();
    await standin.close();
  });

  it('labels a stale real answer as CACHED in its first line', async () => {
    const backend = createMockBackend({ size: 'small', token: 'real-token' });
    const standin = await startStandin({ backend });
    const { call, close } = await connect({
      backend: 'real',
      real: { loadConfig: async () => ({ token: 'real-token', baseUrl: standin.baseUrl, whereToSetToken: '' }) },
      resilience: FAST,
    });
    await call('list_projects');
    backend.setScenario('timeout');
    const stale = await call('list_projects');
    expect(textOf(stale).split('\n')[0]).toMatch(/^Source: CACHED Todoist data, \d+ s old/);
    expect(textOf(stale)).toContain('timed out');
    await close();
    await standin.close();
  });

  it('retries a failing page, then says how many pages were read — no partial list', async () => {
    const backend = createMockBackend({ size: 'large', scenario: { name: 'page-fails', pageFails: { page: 3 } } });
    const breaker = { failureThreshold: 10, cooldownMs: 1 };
    const { call, close } = await connect({ mock: { backend }, strategies: { fullRead: 'pages' }, resilience: { ...FAST, breaker } });
    const result = await call('list_tasks');
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/stopped at page 3.*2 page\(s\) with 400 item\(s\) were read/);
    expect(provenanceOf(result).retries).toBe(3);
    await close();
  });

  it('recovers when a failing page succeeds on retry', async () => {
    const backend = createMockBackend({ size: 'large', scenario: { name: 'page-fails', pageFails: { page: 3, times: 2 } } });
    const { call, close } = await connect({ mock: { backend }, strategies: { fullRead: 'pages' }, resilience: FAST });
    const result = await call('list_tasks');
    expect(result.structuredContent?.count).toBe(backend.store.activeTasks().length);
    expect(provenanceOf(result).retries).toBe(2);
    await close();
  });
});

describe('writes under the resilient fallback', () => {
  it('never retries an ambiguous write failure and never serves a write from the cache', async () => {
    const backend = createMockBackend({ size: 'small' });
    const { call, close } = await connect({ mock: { backend }, resilience: FAST });
    expect((await call('create_task', { content: 'first' })).isError).toBeFalsy();
    backend.setScenario({ name: 'flaky', flaky: { failureRate: 1 } });
    const before = backend.store.activeTasks().length;
    const failed = await call('create_task', { content: 'first' });
    expect(failed.isError).toBe(true); // not a cached "Created" answer
    expect(provenanceOf(failed)).toMatchObject({ requests: 1, retries: 0 }); // a 5xx on POST may have been applied
    expect(backend.store.activeTasks().length).toBe(before);
    await close();
  });

  it('retries a write refused with 429 (nothing was done), after the advised wait', async () => {
    const backend = createMockBackend({
      size: 'small',
      scenario: { name: 'rate-limited', rateLimit: { requests: 1, windowMs: 300, retryAfterSeconds: 0.3 } },
    });
    const { call, close } = await connect({ mock: { backend }, resilience: FAST });
    await call('list_projects'); // uses the window's one request
    const created = await call('create_task', { content: 'after the wait' });
    expect(created.isError).toBeFalsy();
    expect(provenanceOf(created).retries).toBe(1);
    expect(timelineOf(created).some((event) => event.type === 'wait' && event.reason === 'retry-after')).toBe(true);
    expect(backend.store.activeTasks().filter((task) => task.content === 'after the wait')).toHaveLength(1);
    await close();
  });
});

describe('last good answers under a burst', () => {
  it('are stored on the first good call, kept for a second, then refreshed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const { call, close } = await connect();
      const stored = async () => timelineOf(await call('list_projects')).some((event) => event.type === 'cache' && event.outcome === 'stored');
      expect(await stored()).toBe(true);
      expect(await stored()).toBe(false);
      vi.advanceTimersByTime(1_000);
      expect(await stored()).toBe(true);
      await close();
    } finally {
      vi.useRealTimers();
    }
  });
});
