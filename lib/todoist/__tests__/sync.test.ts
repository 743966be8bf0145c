/**
 * The Sync client: what it sends (form-encoded, the token in the header
 * only), what it accepts (the Sync contract, checked by the official SDK on
 * the same fixtures), and every failure as the REST client's typed errors.
 */
import { TodoistApi } from '@doist/todoist-sdk';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TodoistApiError, TodoistInvalidResponseError, TodoistNetworkError, TodoistTimeoutError } from '../errors';
import { isInvalidSyncTokenError, syncRead, MAX_SYNC_COMMANDS, type SyncConnection } from '../sync';
import { FULL_SYNC_TOKEN, type SyncCommand } from '../sync-schemas';
import type { Transport } from '../transport';
import { scriptedTransport, taskFixture } from './fixtures';
import { sdkFetch } from './sdk-fetch';
import { completedDelta, errorAnswer, fullSyncAnswer, INBOX_ID } from './sync-fixtures';

const TOKEN = 'secret-token-123';
const BASE = 'https://api.todoist.com/api/v1';

function connection(transport: Transport, more: Partial<SyncConnection> = {}): SyncConnection {
  return { transport, token: TOKEN, baseUrl: BASE, ...more };
}

function json(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), { status: 200, ...init, headers: { 'Content-Type': 'application/json', ...init.headers } });
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof Error)) throw new Error('expected the sync to fail');
  expect(error.message).not.toContain(TOKEN);
  return error;
}

afterEach(() => vi.useRealTimers());

describe('syncRead: the request', () => {
  it('posts the token and resource types form-encoded to {base}/sync, the API token in the header only', async () => {
    const { transport, requests } = scriptedTransport(() => json(fullSyncAnswer()));
    await syncRead(connection(transport), { syncToken: FULL_SYNC_TOKEN, resourceTypes: ['items', 'projects'] });
    const [request] = requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe(`${BASE}/sync`);
    expect(request?.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(request?.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    const form = new URLSearchParams(await request!.text());
    expect(Object.fromEntries(form)).toEqual({ sync_token: '*', resource_types: '["items","projects"]' });
  });

  it('sends commands as a JSON array when there are some', async () => {
    const { transport, requests } = scriptedTransport(() => json({ ...completedDelta(), sync_status: { 'u-1': 'ok' } }));
    const command: SyncCommand = { type: 'item_close', uuid: 'u-1', args: { id: 'task-today' } };
    const { response } = await syncRead(connection(transport), { syncToken: 'token-1', resourceTypes: ['items'], commands: [command] });
    expect(JSON.parse(new URLSearchParams(await requests[0]!.text()).get('commands')!)).toEqual([command]);
    expect(response.sync_status).toEqual({ 'u-1': 'ok' });
  });

  it(`refuses more than ${MAX_SYNC_COMMANDS} commands before sending anything`, async () => {
    const { transport, requests } = scriptedTransport(() => json(completedDelta()));
    const commands = Array.from({ length: MAX_SYNC_COMMANDS + 1 }, (_, index): SyncCommand => ({ type: 'item_close', uuid: `u-${index}`, args: {} }));
    await expect(syncRead(connection(transport), { syncToken: '*', resourceTypes: ['items'], commands })).rejects.toThrow(/at most 100 commands/);
    expect(requests).toHaveLength(0);
  });

  it('runs through the executor it is given (retry, breaker), labelled like the REST calls', async () => {
    const { transport } = scriptedTransport(() => json(fullSyncAnswer()));
    const labels: string[] = [];
    await syncRead(connection(transport, { execute: (label, attempt) => (labels.push(label), attempt()) }), { syncToken: '*', resourceTypes: ['items'] });
    expect(labels).toEqual(['POST sync']);
  });
});

describe('syncRead: the answer', () => {
  it('parses a full sync, drops fields it does not know, and says how many bytes it cost', async () => {
    const body = JSON.stringify(fullSyncAnswer());
    const { transport } = scriptedTransport(() => new Response(body));
    const { response, bytes } = await syncRead(connection(transport), { syncToken: '*', resourceTypes: ['items', 'projects'] });
    expect(response.full_sync).toBe(true);
    expect(response.sync_token).toBe('token-1');
    expect(response.items?.map((item) => item.id)).toEqual(['task-today', 'task-later']);
    expect(response.items?.[0]).not.toHaveProperty('v2_id');
    expect(response.projects?.map((project) => project.id)).toEqual([INBOX_ID, expect.any(String)]);
    expect(bytes).toBe(new TextEncoder().encode(body).byteLength);
  });

  it('takes a delta with a completed task, a deleted one in full, and a bare tombstone', async () => {
    const delta = {
      ...completedDelta(),
      items: [...completedDelta().items, taskFixture({ id: 'gone-in-full', is_deleted: true }), { id: 'gone-bare', is_deleted: true }],
      labels: [{ id: 'l1', name: 'old', color: 'red', order: 1, is_favorite: false, is_deleted: true }],
    };
    const { transport } = scriptedTransport(() => json(delta));
    const { response } = await syncRead(connection(transport), { syncToken: 'token-1', resourceTypes: ['items', 'labels'] });
    expect(response.full_sync).toBe(false);
    expect(response.items).toMatchObject([{ id: 'task-today', checked: true }, { id: 'gone-in-full', is_deleted: true, project_id: expect.any(String) }, { id: 'gone-bare', is_deleted: true }]);
    expect(response.labels).toMatchObject([{ id: 'l1', is_deleted: true }]);
  });

  it('reads who the account is and its timezone from `user`, and nothing else of it', async () => {
    const user = { id: '2671355', email: 'alice@example.com', tz_info: { timezone: 'Europe/Berlin', gmt_string: '+02:00' }, features: { beta: 0 } };
    const { transport } = scriptedTransport(() => json({ ...fullSyncAnswer(), user }));
    const { response } = await syncRead(connection(transport), { syncToken: '*', resourceTypes: ['items', 'user'] });
    expect(response.user).toEqual({ id: '2671355', tz_info: { timezone: 'Europe/Berlin' } });
  });

  it('uses fixtures the official SDK accepts (the contract oracle)', async () => {
    for (const answer of [fullSyncAnswer(), completedDelta()]) {
      const { transport } = scriptedTransport(() => json(answer));
      const api = new TodoistApi(TOKEN, { baseUrl: 'https://api.todoist.com', customFetch: sdkFetch(transport) });
      const parsed = await api.sync({ syncToken: '*', resourceTypes: ['items', 'projects'] });
      expect(parsed.items?.map((item) => item.id)).toEqual(answer.items.map((item) => item.id));
      expect(parsed.syncToken).toBe(answer.sync_token);
    }
  });
});

describe('syncRead: failures, as the REST client reports them', () => {
  it('401: a TodoistApiError that says to fix the token, without the token', async () => {
    const { transport } = scriptedTransport(() => json(errorAnswer(401, 'AUTH_INVALID_TOKEN'), { status: 401 }));
    const error = await failure(syncRead(connection(transport), { syncToken: '*', resourceTypes: ['items'] }));
    expect(error).toBeInstanceOf(TodoistApiError);
    expect(error).toMatchObject({ status: 401, retryable: false, method: 'POST', path: 'sync' });
    expect(error.message).toMatch(/POST sync failed with 401.*TODOIST_API_TOKEN/);
  });

  it('403 for a missing scope', async () => {
    const { transport } = scriptedTransport(() => json(errorAnswer(403, 'AUTH_INSUFFICIENT_TOKEN_SCOPE'), { status: 403 }));
    const error = await failure(syncRead(connection(transport), { syncToken: '*', resourceTypes: ['items'] }));
    expect(error).toMatchObject({ status: 403, tag: 'AUTH_INSUFFICIENT_TOKEN_SCOPE' });
    expect(error.message).toMatch(/lacks the scope/);
  });

  it('429: retryable, with the larger of the body’s retry_after and the Retry-After header', async () => {
    const { transport } = scriptedTransport(() => json(errorAnswer(429, 'TOO_MANY_REQUESTS', { retry_after: 7 }), { status: 429, headers: { 'Retry-After': '3' } }));
    const error = await failure(syncRead(connection(transport), { syncToken: 'token-1', resourceTypes: ['items'] }));
    expect(error).toMatchObject({ status: 429, retryable: true, retryAfterSeconds: 7 });
  });

  it('5xx, with or without Todoist’s error body: retryable', async () => {
    for (const status of [500, 502, 503, 504]) {
      const { transport } = scriptedTransport(() => new Response('<html>Bad Gateway</html>', { status }));
      const error = await failure(syncRead(connection(transport), { syncToken: '*', resourceTypes: ['items'] }));
      expect(error).toMatchObject({ status, retryable: true, body: undefined });
    }
  });

  it('a 200 that is not JSON, or not the Sync shape: TodoistInvalidResponseError naming the field', async () => {
    const notJson = scriptedTransport(() => new Response('{"sync_token": "tok'));
    const error = await failure(syncRead(connection(notJson.transport), { syncToken: '*', resourceTypes: ['items'] }));
    expect(error).toBeInstanceOf(TodoistInvalidResponseError);
    expect(error.message).toMatch(/not JSON/);

    const wrong = { ...fullSyncAnswer(), items: [taskFixture({ priority: 9 })] };
    const badShape = scriptedTransport(() => json(wrong));
    const shapeError = await failure(syncRead(connection(badShape.transport), { syncToken: '*', resourceTypes: ['items'] }));
    expect(shapeError).toBeInstanceOf(TodoistInvalidResponseError);
    expect(shapeError.message).toMatch(/field "items\.0/);

    const noToken = scriptedTransport(() => json({ full_sync: true, items: [] }));
    expect((await failure(syncRead(connection(noToken.transport), { syncToken: '*', resourceTypes: ['items'] }))).message).toMatch(/"sync_token"/);
  });

  it('a refused sync token is recognisable, so the caller can start over; other 400s are not', async () => {
    const refused = scriptedTransport(() => json(errorAnswer(400, 'INVALID_ARGUMENT_VALUE', { argument: 'sync_token' }, 'Invalid argument value'), { status: 400 }));
    const error = await failure(syncRead(connection(refused.transport), { syncToken: 'made-up', resourceTypes: ['items'] }));
    expect(isInvalidSyncTokenError(error)).toBe(true);
    expect(isInvalidSyncTokenError(new TodoistApiError('POST', 'sync', 400, errorAnswer(400, 'INVALID_SYNC_TOKEN'), undefined))).toBe(true);

    const otherArgument = new TodoistApiError('POST', 'sync', 400, errorAnswer(400, 'INVALID_ARGUMENT_VALUE', { argument: 'resource_types' }), undefined);
    expect(isInvalidSyncTokenError(otherArgument)).toBe(false);
    expect(isInvalidSyncTokenError(new TodoistApiError('POST', 'sync', 401, errorAnswer(401, 'INVALID_SYNC_TOKEN'), undefined))).toBe(false);
    expect(isInvalidSyncTokenError(new Error('sync_token'))).toBe(false);
  });

  it('no answer at all: TodoistNetworkError', async () => {
    const transport: Transport = async () => {
      throw new TypeError('fetch failed');
    };
    const error = await failure(syncRead(connection(transport), { syncToken: '*', resourceTypes: ['items'] }));
    expect(error).toBeInstanceOf(TodoistNetworkError);
    expect(error.message).toMatch(/could not be reached \(fetch failed\)/);
  });

  it('no answer in time: TodoistTimeoutError at its own timeout, not before', async () => {
    vi.useFakeTimers();
    const transport: Transport = (request) =>
      new Promise((_resolve, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason)));
    const pending = failure(syncRead(connection(transport, { timeoutMs: 50 }), { syncToken: '*', resourceTypes: ['items'] }));
    let settled = false;
    void pending.finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(49);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await pending;
    expect(error).toBeInstanceOf(TodoistTimeoutError);
    expect(error.message).toMatch(/POST sync timed out after 50 ms/);
  });

  it('the caller’s abort is the caller’s, not a timeout', async () => {
    const transport: Transport = (request) =>
      new Promise((_resolve, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason)));
    const controller = new AbortController();
    const pending = syncRead(connection(transport), { syncToken: '*', resourceTypes: ['items'], signal: controller.signal });
    controller.abort(new Error('caller gave up'));
    await expect(pending).rejects.toThrow('caller gave up');
  });
});
