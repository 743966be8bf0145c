/**
 * The stand-in over real HTTP, read with the *real* transport (plain fetch):
 * the path the app takes in real mode, exercised offline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TodoistClient } from '@/lib/todoist/client';
import { TodoistNetworkError, TodoistTimeoutError } from '@/lib/todoist/errors';
import { collectAll } from '@/lib/todoist/pagination';
import { createRealTransport } from '@/lib/todoist/transport';
import { createMockBackend } from '../backend';
import { startStandin, type RunningStandin } from '../standin';

const TOKEN = 'standin-token';
let standin: RunningStandin;
const backend = createMockBackend({ size: 'small', seed: 1, token: TOKEN });

beforeAll(async () => {
  standin = await startStandin({ backend });
});
afterAll(() => standin.close());

const client = (timeoutMs = 2_000) =>
  new TodoistClient({ transport: createRealTransport(), token: TOKEN, baseUrl: standin.baseUrl, timeoutMs });

const setScenario = (body: unknown) =>
  fetch(`${standin.origin}/__dojo/scenario`, { method: 'POST', body: JSON.stringify(body) });

describe('Todoist stand-in over HTTP', () => {
  it('serves the v1 envelope with a next_cursor to the right bearer token', async () => {
    const response = await fetch(`${standin.baseUrl}/tasks?limit=200`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.results).toHaveLength(180);
    expect(body.next_cursor).toBeNull();
    const paged = await (await fetch(`${standin.baseUrl}/tasks?limit=100`, { headers: { Authorization: `Bearer ${TOKEN}` } })).json();
    expect(paged.next_cursor).toEqual(expect.any(String));
  });

  it('answers 401 with the JSON error body without the header', async () => {
    const response = await fetch(`${standin.baseUrl}/tasks`);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toMatchObject({ error_tag: 'UNAUTHORIZED', http_code: 401 });
  });

  it('reads every page through the real transport', async () => {
    const api = client();
    const { items, report } = await collectAll((query) => api.listPage('tasks', query), {}, { limit: 50 });
    expect(items).toHaveLength(180);
    expect(report.requests).toBe(4);
  });

  it('drops the connection under "down" (a network error, not an HTTP answer)', async () => {
    await setScenario({ name: 'down' });
    try {
      await expect(client().getUser()).rejects.toBeInstanceOf(TodoistNetworkError);
    } finally {
      await setScenario({ name: 'faithful' });
    }
  });

  // No wall-clock bound: a request the give-up did not end would never settle, and the test's timeout fails it.
  it('ends a "timeout" request when the client gives up', async () => {
    await setScenario({ name: 'timeout' });
    try {
      await expect(client(150).getUser()).rejects.toBeInstanceOf(TodoistTimeoutError);
    } finally {
      await setScenario({ name: 'faithful' });
    }
    await expect(client().getUser()).resolves.toMatchObject({ inbox_project_id: expect.any(String) });
  });

  it('switches scenario and resets through the control routes, rejecting bad input', async () => {
    expect((await setScenario({ name: 'nope' })).status).toBe(400);
    const overflow = await setScenario({ name: 'slow', slow: { delayMs: 2_147_483_658 } });
    expect(overflow.status).toBe(400);
    expect((await overflow.json()).error).toBe('Invalid scenario: slow.delayMs must be a whole number of milliseconds from 0 to 60000');
    const bad = await fetch(`${standin.origin}/__dojo/scenario`, { method: 'POST', body: '{' });
    expect(bad.status).toBe(400);
    await client().createTask({ content: 'temp' });
    const reset = await (await fetch(`${standin.origin}/__dojo/reset`, { method: 'POST' })).json();
    expect(reset.tasks).toBe(180);
  });
});
