/**
 * The strategy's full read on the large mock (5,000 tasks), through the real
 * SDK client: one full sync where the cursor loop makes 25 requests, the same
 * tasks, a filter that still pages, `read=pages` pinning the loop, honest
 * provenance, and the mock's faults handled on the sync path as on pages.
 */
import { describe, expect, it } from 'vitest';
import { createMockBackend, type MockBackend } from '@/lib/mock/backend';
import type { ScenarioInput } from '@/lib/mock/scenarios';
import type { TimelineEvent } from '@/lib/resilience/timeline';
import type { Transport } from '@/lib/todoist/transport';
import { parseSessionSettings } from '../http/session-settings';
import { TodoistApiError } from '@/lib/todoist/errors';
import { TIMELINE_META_KEY } from '../provenance';
import { classifyFailureOf } from '../resilience';
import type { DojoServerOptions } from '../server';
import { strategiesFor, type Strategies } from '../strategies';
import { connect, provenanceOf, textOf, type ToolResult } from './helpers';

const FAST: DojoServerOptions['resilience'] = {
  requestTimeoutMs: 2_000,
  deadlineMs: 10_000,
  retry: { maxAttempts: 4, baseMs: 10, capMs: 40 },
  breaker: { failureThreshold: 20, cooldownMs: 60_000 },
};

const BY_SYNC: Partial<Strategies> = { fullRead: 'sync' };
const BY_PAGES: Partial<Strategies> = { fullRead: 'pages' };
const LARGE_TASKS = 5_000;

const timelineOf = (result: ToolResult) => (result._meta?.[TIMELINE_META_KEY] ?? []) as TimelineEvent[];
const taskIds = (result: ToolResult) => (result.structuredContent?.tasks as Array<{ id: string }>).map((task) => task.id);

/**
 * A server whose Todoist is the mock backend's transport, each request logged
 * ("POST sync", "GET tasks"): what went over the wire, not what the tools think they did.
 */
async function overLoggedMock(backend: MockBackend, strategies: Partial<Strategies>) {
  const requests: string[] = [];
  const transport: Transport = (request) => {
    requests.push(`${request.method} ${new URL(request.url).pathname.replace(/^\/api\/v1\//, '')}`);
    return backend.transport(request);
  };
  const real = { loadConfig: async () => ({ token: 'mock-token', baseUrl: 'https://mock.test/api/v1', whereToSetToken: '-' }), transport };
  const connection = await connect({ backend: 'real', real, strategies, resilience: FAST });
  return { ...connection, requests, count: (line: string) => requests.filter((each) => each === line).length };
}

describe("list_tasks on the large mock: fullRead 'sync' against the cursor loop", () => {
  it('one POST sync where pages take 25 requests, for the same 5,000 task ids and about the same bytes', async () => {
    const backend = createMockBackend({ size: 'large' });
    const synced = await overLoggedMock(backend, BY_SYNC);
    const bySync = await synced.call('list_tasks');
    expect(synced.count('POST sync')).toBe(1);
    expect(synced.count('GET tasks')).toBe(0);

    const paged = await overLoggedMock(backend, BY_PAGES);
    const byPages = await paged.call('list_tasks');
    expect(paged.count('GET tasks')).toBe(Math.ceil(LARGE_TASKS / 200));
    expect(paged.count('POST sync')).toBe(0);

    expect(bySync.structuredContent?.count).toBe(LARGE_TASKS);
    expect(new Set(taskIds(bySync))).toEqual(new Set(taskIds(byPages)));
    // The same task objects either way: the bytes differ by the envelopes and cursors only.
    const [syncBytes, pageBytes] = [provenanceOf(bySync).bytes ?? 0, provenanceOf(byPages).bytes ?? 0];
    expect(syncBytes / pageBytes).toBeGreaterThan(0.9);
    expect(syncBytes / pageBytes).toBeLessThan(1.1);
    await Promise.all([synced.close(), paged.close()]);
  });

  it('production reads it that way: one full sync, unless the request pins read=pages', async () => {
    const backend = createMockBackend({ size: 'large' });
    const byDefault = await overLoggedMock(backend, strategiesFor({ strategy: 'production' }));
    await byDefault.call('list_tasks');
    expect(byDefault.requests).toEqual(['POST sync', 'GET projects']);
    const pinned = await overLoggedMock(backend, strategiesFor({ strategy: 'production', read: 'pages' }));
    await pinned.call('list_tasks');
    expect(pinned.count('GET tasks')).toBe(25);
    await Promise.all([byDefault.close(), pinned.close()]);
  });

  it("the story's naive mock answers a sync as it answers everything: its canned todos", async () => {
    const { call, close } = await connect({ mock: { backend: createMockBackend({ size: 'tiny', scenario: 'naive' }) } });
    const result = await call('list_tasks');
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent?.count).toBe(12);
    await close();
  });

  it('provenance says what happened: 1 sync, no task pages, a note that is not a warning', async () => {
    const { call, close } = await connect({ mock: { backend: createMockBackend({ size: 'large' }) }, strategies: BY_SYNC, resilience: FAST });
    const result = await call('list_tasks');
    const provenance = provenanceOf(result);
    // The projects for the task lines are one page; the tasks were no page at all.
    expect(provenance).toMatchObject({ source: 'live', requests: 2, pages: 1, retries: 0, degraded: false });
    expect(provenance.note).toBe(`tasks: read by one full sync (Sync API, ${LARGE_TASKS} active), not paged`);
    expect(timelineOf(result).filter((event) => event.type === 'attempt').map((event) => event.type === 'attempt' && event.label)).toEqual([
      'POST sync',
      'GET projects',
    ]);
    // Not degraded, so the model's text carries no Note line: the data boundary follows the Source line.
    expect(textOf(result).split('\n')[1]).toMatch(/^Below is the user's Todoist data/);
    await close();
  });

  it('a filtered read pages even so: Sync cannot filter, a full sync for one project would fetch everything', async () => {
    const backend = createMockBackend({ size: 'large' });
    const projectId = backend.store.activeTasks()[0]!.project_id;
    const { call, close, requests } = await overLoggedMock(backend, BY_SYNC);
    const result = await call('list_tasks', { project_id: projectId });
    expect(requests.filter((line) => line !== 'GET projects')).toEqual(
      Array.from({ length: Math.ceil((result.structuredContent?.count as number) / 200) }, () => 'GET tasks'),
    );
    expect(provenanceOf(result).note).toBeUndefined();
    await close();
  });

  it('read=pages pins the cursor loop on the production strategy, one progress notification per page', async () => {
    const settings = parseSessionSettings(new URL('http://dojo.test/api/mcp?strategy=production&read=pages'));
    if (!('settings' in settings)) throw new Error(settings.error);
    const strategies = strategiesFor(settings.settings);
    expect(strategies.fullRead).toBe('pages');

    const { client, close } = await connect({ mock: { backend: createMockBackend({ size: 'large' }) }, strategies, resilience: FAST });
    const progress: string[] = [];
    const result = await client.callTool({ name: 'list_tasks', arguments: {} }, { onprogress: (update) => progress.push(update.message ?? '') });
    expect(progress.filter((message) => message.startsWith('tasks: page'))).toHaveLength(25);
    expect(provenanceOf(result)).toMatchObject({ pages: 26, requests: 26 });
    await close();
  });

  it('the naive strategy reads its one page whatever read says: a full sync would quietly fix the bug lesson 3 shows', async () => {
    const backend = createMockBackend({ size: 'large' });
    const { call, close, requests } = await overLoggedMock(backend, strategiesFor({ strategy: 'naive', read: 'sync' }));
    const result = await call('list_tasks');
    expect(requests).toEqual(['GET tasks']);
    expect(provenanceOf(result)).toMatchObject({ pages: 1, requests: 1 });
    await close();
  });
});

describe('faults on the sync path, handled as on pages', () => {
  async function listTasksUnder(scenario: ScenarioInput, strategies: Partial<Strategies>, resilience = FAST) {
    const backend = createMockBackend({ size: 'small', scenario });
    const { call, close } = await connect({ mock: { backend }, strategies: { ...strategies, output: 'raw' }, resilience });
    return { backend, call, close };
  }

  it('rate-limited: waits what retry_after says, then answers live, on the sync as on a page', async () => {
    const rateLimited: ScenarioInput = { name: 'rate-limited', rateLimit: { requests: 1, windowMs: 600, retryAfterSeconds: 0.5 } };
    for (const [strategies, label] of [[BY_SYNC, 'POST sync'], [BY_PAGES, 'GET tasks']] as const) {
      const { call, close } = await listTasksUnder(rateLimited, strategies);
      await call('list_tasks'); // the window's one request
      const result = await call('list_tasks');
      expect(result.isError, label).toBeFalsy();
      expect(provenanceOf(result), label).toMatchObject({ source: 'live', retries: 1 });
      const waits = timelineOf(result).filter((event) => event.type === 'wait');
      expect(waits, label).toEqual([expect.objectContaining({ label, reason: 'retry-after' })]);
      expect(waits.every((event) => event.type === 'wait' && event.ms >= 500)).toBe(true);
      await close();
    }
  });

  it('a 5xx on POST sync may be sent again, as on a GET: a read, or commands applied once per uuid; other writes may not', () => {
    const unavailable = new TodoistApiError('POST', 'sync', 503, undefined, undefined);
    expect(classifyFailureOf('POST sync')(unavailable).retryable).toBe(true);
    expect(classifyFailureOf('GET tasks')(unavailable).retryable).toBe(true);
    expect(classifyFailureOf('POST tasks')(unavailable).retryable).toBe(false);
  });

  it('flaky: 5xx answers are retried with backoff until one succeeds', async () => {
    // Seeded: the same requests fail on every run. A quarter fail, so four attempts get through.
    const flaky: ScenarioInput = { name: 'flaky', flaky: { failureRate: 0.25 } };
    const { call, close } = await listTasksUnder(flaky, BY_SYNC);
    const results: ToolResult[] = [];
    for (let i = 0; i < 8; i++) results.push(await call('list_tasks'));
    expect(results.every((result) => !result.isError && provenanceOf(result).source === 'live')).toBe(true);
    const retried = results.filter((result) => provenanceOf(result).retries > 0);
    expect(retried.length).toBeGreaterThan(0);
    for (const result of retried) {
      expect(timelineOf(result).some((event) => event.type === 'failure' && event.label === 'POST sync' && event.retryable)).toBe(true);
      expect(timelineOf(result).some((event) => event.type === 'wait' && event.reason === 'backoff')).toBe(true);
    }
    await close();
  });

  it('always failing: the breaker opens on the sync as on pages, and the answer says what failed', async () => {
    const { call, close } = await listTasksUnder({ name: 'flaky', flaky: { failureRate: 1 } }, BY_SYNC, {
      ...FAST,
      breaker: { failureThreshold: 3, cooldownMs: 60_000 },
    });
    const failed = await call('list_tasks');
    expect(failed.isError).toBe(true);
    expect(textOf(failed)).toMatch(/POST sync failed with 5\d\d/);
    const next = await call('list_tasks');
    expect(next.isError).toBe(true);
    expect(timelineOf(next)).toEqual([expect.objectContaining({ type: 'breaker-rejected', label: 'POST sync' }), expect.anything()]);
    expect(provenanceOf(next).requests).toBe(0);
    await close();
  });

  it.each([
    ['invalid-json', /POST sync returned an invalid response: the body is not JSON/],
    ['missing-field', /POST sync returned an invalid response: field "items\.2(\.priority)?"/],
  ] as const)('malformed (%s): an error naming what was wrong, never a short list', async (variant, message) => {
    const { call, close } = await listTasksUnder({ name: 'malformed', malformed: { variant } }, BY_SYNC);
    const result = await call('list_tasks');
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
    expect(provenanceOf(result).retries).toBe(0); // a wrong body is not retried: it would come back the same
    await close();
  });

  it('malformed (unknown-fields): extra fields are dropped, the tasks are all there', async () => {
    const { backend, call, close } = await listTasksUnder({ name: 'malformed', malformed: { variant: 'unknown-fields' } }, BY_SYNC);
    const result = await call('list_tasks');
    expect(result.structuredContent?.count).toBe(backend.store.activeTasks().length);
    await close();
  });

  it('page-fails is a fault of pages: the sync reads through it, which is why lesson 3 pins read=pages', async () => {
    const pageFails: ScenarioInput = { name: 'page-fails', pageFails: { page: 1 } };
    const bySync = await listTasksUnder(pageFails, BY_SYNC);
    expect((await bySync.call('list_tasks')).isError).toBeFalsy();
    const byPages = await listTasksUnder(pageFails, { ...BY_PAGES, fallback: 'honest' });
    expect((await byPages.call('list_tasks')).isError).toBe(true);
    await Promise.all([bySync.close(), byPages.close()]);
  });
});
