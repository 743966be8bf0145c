/** Every scenario of the mock, observed through our own client. */
import { describe, expect, it, vi } from 'vitest';
import { TodoistClient } from '@/lib/todoist/client';
import {
  TodoistApiError,
  TodoistInvalidResponseError,
  TodoistNetworkError,
  TodoistTimeoutError,
} from '@/lib/todoist/errors';
import { PaginationError, collectAll } from '@/lib/todoist/pagination';
import { createMockBackend } from '../backend';
import { SCENARIO_NAMES, parseScenario, scenarioSettings, type ScenarioInput, type ScenarioName } from '../scenarios';

function setup(scenario: ScenarioName | ScenarioInput, options: { timeoutMs?: number; now?: () => Date } = {}) {
  const backend = createMockBackend({ size: 'small', seed: 3, scenario, now: options.now });
  const client = new TodoistClient({ transport: backend.transport, token: 'token', timeoutMs: options.timeoutMs ?? 2_000 });
  const readAll = () => collectAll((query) => client.listPage('tasks', query), {}, { limit: 50 });
  return { backend, client, readAll };
}

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

describe('mock scenarios', () => {
  it('naive: the canned 12 todos in one response, ignoring the token and every parameter', async () => {
    const { backend } = setup('naive');
    const noToken = await backend.transport(new Request('https://api.todoist.com/api/v1/tasks?project_id=nope&limit=2'));
    expect(noToken.status).toBe(200);
    const body = await noToken.json();
    expect(body.results).toHaveLength(12);
    expect(body.next_cursor).toBeNull();
    const filtered = await (await backend.transport(new Request('https://x/api/v1/tasks/filter?query=p1'))).json();
    expect(filtered.results).toHaveLength(12); // the filter is ignored, too
  });

  it('naive vs faithful: the same read returns 12 vs 180', async () => {
    expect((await setup('naive').readAll()).items).toHaveLength(12);
    expect((await setup('faithful').readAll()).items).toHaveLength(180);
  });

  it('rate-limited: 429 after N requests in the window, retry_after in body and header; the window resets', async () => {
    let now = new Date('2026-10-01T09:00:00Z').getTime();
    const { client, backend } = setup(
      { name: 'rate-limited', rateLimit: { requests: 3, windowMs: 10_000, retryAfterSeconds: 2 } },
      { now: () => new Date(now) },
    );
    for (let i = 0; i < 3; i++) await client.getUser();
    const limited = await outcome(client.getUser());
    const error = (limited.ok ? undefined : limited.error) as TodoistApiError;
    expect(error).toBeInstanceOf(TodoistApiError);
    expect(error.status).toBe(429);
    expect(error.body?.error_extra.retry_after).toBe(2);
    expect(error.retryAfterSeconds).toBe(10); // the header (window left) is larger than the body's 2
    expect(error.retryable).toBe(true);
    now += 10_000;
    await expect(client.getUser()).resolves.toBeTruthy();
    expect(backend.faultCounters.windowRequests).toBe(1);
  });

  it('flaky: a share of requests fail with 500/502/503, the same ones on every run', async () => {
    const run = async () => {
      const { client } = setup({ name: 'flaky', flaky: { failureRate: 0.5 } });
      const results: string[] = [];
      for (let i = 0; i < 40; i++) {
        const result = await outcome(client.getUser());
        results.push(result.ok ? 'ok' : String((result.error as TodoistApiError).status));
      }
      return results;
    };
    const first = await run();
    const failures = first.filter((result) => result !== 'ok');
    expect(failures.length).toBeGreaterThan(8);
    expect(failures.length).toBeLessThan(32);
    expect(new Set(failures).size).toBeGreaterThan(1);
    expect(failures.every((status) => ['500', '502', '503'].includes(status))).toBe(true);
    expect(await run()).toEqual(first);
  });

  // On fake timers, not the wall clock: the answer must wait for the delay's timer, however fast or busy the machine.
  it('slow: answers correctly, after the configured delay', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { client } = setup({ name: 'slow', slow: { delayMs: 150 } });
      let answered = false;
      const user = client.getUser().finally(() => (answered = true));
      await vi.advanceTimersByTimeAsync(149);
      expect(answered).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await expect(user).resolves.toMatchObject({ id: expect.any(String) });
      expect(answered).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  // No wall-clock bound: if the abort did not end the request, it would never settle and the test's timeout fails it.
  it('timeout: never answers, and the client’s abort ends the request', async () => {
    const { client } = setup('timeout', { timeoutMs: 100 });
    const result = await outcome(client.getUser());
    expect(result.ok ? undefined : result.error).toBeInstanceOf(TodoistTimeoutError);
  }, 10_000);

  it('down: a network error, as from fetch', async () => {
    const { client, backend } = setup('down');
    await expect(backend.transport(new Request('https://x/api/v1/user'))).rejects.toBeInstanceOf(TypeError);
    const result = await outcome(client.getUser());
    expect(result.ok ? undefined : result.error).toBeInstanceOf(TodoistNetworkError);
  });

  it('malformed/invalid-json: 200 with a body that is not JSON', async () => {
    const { client } = setup({ name: 'malformed', malformed: { variant: 'invalid-json' } });
    const result = await outcome(client.listPage('tasks'));
    const error = result.ok ? undefined : result.error;
    expect(error).toBeInstanceOf(TodoistInvalidResponseError);
    expect((error as Error).message).toContain('not JSON');
  });

  it('malformed/missing-field: schema drift names the missing field', async () => {
    const { client } = setup({ name: 'malformed', malformed: { variant: 'missing-field' } });
    const result = await outcome(client.listPage('tasks'));
    const error = (result.ok ? undefined : result.error) as TodoistInvalidResponseError;
    expect(error).toBeInstanceOf(TodoistInvalidResponseError);
    expect(error.issuePaths).toEqual(['results.2.priority']);
  });

  it('malformed/unknown-fields: extra fields are tolerated', async () => {
    const { client, backend } = setup({ name: 'malformed', malformed: { variant: 'unknown-fields' } });
    const raw = await (await backend.transport(new Request('https://x/api/v1/tasks', { headers: { Authorization: 'Bearer t' } }))).json();
    expect(raw.results[0].x_experiment_bucket).toBe('b');
    const page = await client.listPage('tasks');
    expect(page.results).toHaveLength(50);
  });

  it('page-fails: page 2 of a listing fails; the read stops loudly with what was read', async () => {
    const { readAll } = setup({ name: 'page-fails', pageFails: { page: 2 } });
    const result = await outcome(readAll());
    const error = (result.ok ? undefined : result.error) as PaginationError;
    expect(error).toBeInstanceOf(PaginationError);
    expect(error.report.items).toBe(50);
    expect((error.cause as TodoistApiError).status).toBe(500);
  });

  it('page-fails with times: 1 recovers on the next attempt', async () => {
    const { readAll, backend } = setup({ name: 'page-fails', pageFails: { page: 2, times: 1 } });
    await expect(readAll()).rejects.toBeInstanceOf(PaginationError);
    expect((await readAll()).items).toHaveLength(180);
    expect(backend.faultCounters.pageFailures).toBe(1);
  });

  it('unauthorized and forbidden-scope answer 401 and 403 with the documented tags', async () => {
    const unauthorized = await outcome(setup('unauthorized').client.getUser());
    expect((unauthorized.ok ? undefined : unauthorized.error) as TodoistApiError).toMatchObject({ status: 401, tag: 'UNAUTHORIZED' });
    const forbidden = await outcome(setup('forbidden-scope').client.listPage('tasks'));
    expect((forbidden.ok ? undefined : forbidden.error) as TodoistApiError).toMatchObject({
      status: 403,
      tag: 'AUTH_INSUFFICIENT_TOKEN_SCOPE',
    });
  });

  it('switches scenario at runtime, and back', async () => {
    const { client, backend } = setup('faithful');
    await client.getUser();
    backend.setScenario('down');
    await expect(client.getUser()).rejects.toBeInstanceOf(TodoistNetworkError);
    backend.setScenario('faithful');
    await expect(client.getUser()).resolves.toBeTruthy();
  });

  it('rejects an unknown scenario or a bad knob with a clear error', () => {
    const backend = createMockBackend({ size: 'tiny' });
    expect(() => backend.setScenario('chaos' as ScenarioName)).toThrow(/name/);
    expect(() => backend.setScenario({ name: 'flaky', flaky: { failureRate: 2 } })).toThrow(/failureRate/);
  });
});

describe('scenario options are bounded', () => {
  it.each([
    ['slow.delayMs', { name: 'slow', slow: { delayMs: 2_147_483_658 } }, 'must be a whole number of milliseconds from 0 to 60000'],
    ['slow.delayMs', { name: 'slow', slow: { delayMs: -1 } }, 'must be a whole number of milliseconds from 0 to 60000'],
    ['slow.delayMs', { name: 'slow', slow: { delayMs: 1.5 } }, 'must be a whole number of milliseconds from 0 to 60000'],
    ['slow.delayMs', { name: 'slow', slow: { delayMs: '100' } }, 'must be a whole number of milliseconds from 0 to 60000'],
    ['rateLimit.requests', { name: 'rate-limited', rateLimit: { requests: 1_001 } }, 'must be a whole number of requests from 0 to 1000'],
    ['rateLimit.windowMs', { name: 'rate-limited', rateLimit: { windowMs: 0 } }, 'must be a whole number of milliseconds from 1 to 3600000'],
    ['rateLimit.windowMs', { name: 'rate-limited', rateLimit: { windowMs: 3_600_001 } }, 'must be a whole number of milliseconds from 1 to 3600000'],
    ['rateLimit.retryAfterSeconds', { name: 'rate-limited', rateLimit: { retryAfterSeconds: 3_601 } }, 'must be a number of seconds from 0 to 3600'],
    ['rateLimit.retryAfterSeconds', { name: 'rate-limited', rateLimit: { retryAfterSeconds: -0.5 } }, 'must be a number of seconds from 0 to 3600'],
    ['flaky.failureRate', { name: 'flaky', flaky: { failureRate: 1.01 } }, 'must be a number from 0 to 1'],
    ['flaky.failureRate', { name: 'flaky', flaky: { failureRate: null } }, 'must be a number from 0 to 1'],
    ['pageFails.page', { name: 'page-fails', pageFails: { page: 0 } }, 'must be a whole number of pages from 1 to 1000'],
    ['pageFails.page', { name: 'page-fails', pageFails: { page: 1_001 } }, 'must be a whole number of pages from 1 to 1000'],
    ['pageFails.times', { name: 'page-fails', pageFails: { times: 0 } }, 'must be a whole number of times from 1 to 1000, or null (always)'],
    ['pageFails.times', { name: 'page-fails', pageFails: { times: 1e9 } }, 'must be a whole number of times from 1 to 1000, or null (always)'],
    ['malformed.variant', { name: 'malformed', malformed: { variant: 'zip' } }, 'must be one of: invalid-json, missing-field, unknown-fields'],
    ['name', { name: 'chaos' }, `must be one of: ${SCENARIO_NAMES.join(', ')}`],
  ])('%s: refuses %j, naming the option and its bounds', (option, input, rule) => {
    const parsed = parseScenario(input);
    expect(parsed).toEqual({ error: `Invalid scenario: ${option} ${rule}` });
    expect(() => scenarioSettings(input as ScenarioInput)).toThrow(`Invalid scenario: ${option} ${rule}`);
  });

  it('accepts every bound itself', () => {
    const edges = [
      { name: 'slow', slow: { delayMs: 0 } },
      { name: 'slow', slow: { delayMs: 60_000 } },
      { name: 'rate-limited', rateLimit: { requests: 0, windowMs: 1, retryAfterSeconds: 0 } },
      { name: 'rate-limited', rateLimit: { requests: 1_000, windowMs: 3_600_000, retryAfterSeconds: 3_600 } },
      { name: 'flaky', flaky: { failureRate: 0 } },
      { name: 'flaky', flaky: { failureRate: 1 } },
      { name: 'page-fails', pageFails: { page: 1, times: 1 } },
      { name: 'page-fails', pageFails: { page: 1_000, times: 1_000 } },
      { name: 'page-fails', pageFails: { times: null } },
    ];
    for (const input of edges) expect(parseScenario(input), JSON.stringify(input)).toEqual({ settings: scenarioSettings(input as ScenarioInput) });
  });

  it('names the first of several problems (in the order of the options), and says so when the body is no object', () => {
    expect(parseScenario({ name: 'slow', slow: { delayMs: -1 }, flaky: { failureRate: 2 } })).toEqual({
      error: 'Invalid scenario: flaky.failureRate must be a number from 0 to 1 (and 1 more problem)',
    });
    expect(parseScenario({ name: 'nope', slow: { delayMs: -1 }, flaky: { failureRate: 2 } })).toMatchObject({
      error: expect.stringMatching(/^Invalid scenario: name must be one of: .* \(and 2 more problems\)$/),
    });
    for (const input of ['slow', null, [], 3]) {
      expect(parseScenario(input)).toEqual({ error: 'Invalid scenario: must be an object such as {"name":"slow"}' });
    }
  });

  it('a slow scenario cannot be made to overflow the timer: 2147483658 ms is refused, not turned into 1 ms', () => {
    const backend = createMockBackend({ size: 'tiny' });
    expect(() => backend.setScenario({ name: 'slow', slow: { delayMs: 2_147_483_658 } })).toThrow(/slow\.delayMs/);
    expect(backend.scenario.name).toBe('faithful');
  });
});

describe('mock transport', () => {
  it('rejects at once when the request is already aborted', async () => {
    const backend = createMockBackend({ size: 'tiny' });
    const controller = new AbortController();
    controller.abort();
    await expect(backend.transport(new Request('https://x/api/v1/user', { signal: controller.signal }))).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});
