import { describe, expect, it, vi } from 'vitest';
import { TodoistClient, buildUrl } from '../client';
import {
  TodoistApiError,
  TodoistInvalidIdError,
  TodoistInvalidResponseError,
  TodoistNetworkError,
  TodoistTimeoutError,
} from '../errors';
import { parseRetryAfterHeader } from '../retry-after';
import { json, projectFixture, scriptedTransport, taskFixture } from './fixtures';

const TOKEN = 'secret-token-value-0123456789';

function clientWith(answer: Parameters<typeof scriptedTransport>[0], timeoutMs = 1_000) {
  const { transport, requests } = scriptedTransport(answer);
  return { client: new TodoistClient({ transport, token: TOKEN, timeoutMs }), requests };
}

function errorBody(status: number, tag: string, extra: Record<string, unknown> = {}) {
  return { error: `Error ${tag}`, error_code: status, error_extra: extra, error_tag: tag, http_code: status };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('TodoistClient', () => {
  it('defaults to the production base URL and sends the bearer token', async () => {
    const { client, requests } = clientWith(() => json(taskFixture()));
    expect(client.baseUrl).toBe('https://api.todoist.com/api/v1');
    await client.getTask('6XR4GqQQCW6Gv9h4');
    expect(requests[0]?.url).toBe('https://api.todoist.com/api/v1/tasks/6XR4GqQQCW6Gv9h4');
    expect(requests[0]?.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
  });

  it('clamps limit to 200 and never sends more', async () => {
    const { client, requests } = clientWith(() => json({ results: [], next_cursor: null }));
    await client.listPage('tasks', { limit: 5000, project_id: 'p1' });
    expect(new URL(requests[0]!.url).searchParams.get('limit')).toBe('200');
    expect(new URL(requests[0]!.url).searchParams.get('project_id')).toBe('p1');
  });

  it('leaves undefined query values out of the URL', () => {
    expect(buildUrl('http://x/api/v1', 'tasks', { a: undefined, b: 2 })).toBe('http://x/api/v1/tasks?b=2');
  });

  it('turns an error status with a Todoist body into TodoistApiError', async () => {
    const { client } = clientWith(() => json(errorBody(404, 'NOT_FOUND'), { status: 404 }));
    const error = await failure(client.getTask('nope'));
    expect(error).toBeInstanceOf(TodoistApiError);
    const apiError = error as TodoistApiError;
    expect(apiError.status).toBe(404);
    expect(apiError.tag).toBe('NOT_FOUND');
    expect(apiError.retryable).toBe(false);
    expect(apiError.message).toContain('GET tasks/nope failed with 404');
  });

  it.each([
    ['body only', { retry_after: 3 }, undefined, 3],
    ['header only', {}, '5', 5],
    ['both: the larger wins', { retry_after: 7 }, '2', 7],
    ['both: header larger', { retry_after: 1 }, '4', 4],
  ])('reads retryAfterSeconds from %s', async (_name, extra, header, expected) => {
    const { client } = clientWith(() =>
      json(errorBody(429, 'TOO_MANY_REQUESTS', extra), {
        status: 429,
        headers: header ? { 'Retry-After': header } : {},
      }),
    );
    const error = (await failure(client.getUser())) as TodoistApiError;
    expect(error.retryable).toBe(true);
    expect(error.retryAfterSeconds).toBe(expected);
  });

  it('reads retry_after on a 503 too (it may appear on any error)', async () => {
    const { client } = clientWith(() => json(errorBody(503, 'SERVICE_UNAVAILABLE', { retry_after: 2 }), { status: 503 }));
    const error = (await failure(client.getUser())) as TodoistApiError;
    expect(error.retryable).toBe(true);
    expect(error.retryAfterSeconds).toBe(2);
  });

  it('parses an HTTP-date Retry-After header', () => {
    const now = Date.parse('2026-10-01T00:00:00Z');
    expect(parseRetryAfterHeader('Thu, 01 Oct 2026 00:00:10 GMT', now)).toBe(10);
    expect(parseRetryAfterHeader('soon', now)).toBeUndefined();
  });

  it('keeps an error status without a JSON body as an API error', async () => {
    const { client } = clientWith(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    const error = (await failure(client.getUser())) as TodoistApiError;
    expect(error).toBeInstanceOf(TodoistApiError);
    expect(error.body).toBeUndefined();
    expect(error.message).toContain('HTTP 502');
  });

  it('turns a thrown fetch TypeError into TodoistNetworkError', async () => {
    const { client } = clientWith(() => {
      throw new TypeError('fetch failed');
    });
    const error = await failure(client.getUser());
    expect(error).toBeInstanceOf(TodoistNetworkError);
    expect((error as TodoistNetworkError).retryable).toBe(true);
  });

  // On fake timers: the call must end when its own timeout fires (50 ms of the client's clock), not by the wall clock.
  it('aborts and reports a timeout when the transport never answers', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { client, requests } = clientWith(
        (request) =>
          new Promise<Response>((_resolve, reject) => {
            request.signal.addEventListener('abort', () => reject(request.signal.reason));
          }),
        50,
      );
      let settled = false;
      const error = failure(client.getUser()).finally(() => (settled = true));
      await vi.advanceTimersByTimeAsync(49);
      expect(settled).toBe(false);
      expect(requests[0]?.signal.aborted).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(await error).toBeInstanceOf(TodoistTimeoutError);
      expect(requests[0]?.signal.aborted).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('passes a caller abort through as an abort, not a timeout', async () => {
    const { client } = clientWith(
      (request) =>
        new Promise<Response>((_resolve, reject) => {
          request.signal.addEventListener('abort', () => reject(request.signal.reason));
        }),
      5_000,
    );
    const controller = new AbortController();
    const pending = failure(client.getUser(controller.signal));
    controller.abort();
    const error = await pending;
    expect(error).not.toBeInstanceOf(TodoistTimeoutError);
    expect((error as Error).name).toBe('AbortError');
  });

  it('rejects a 200 whose body is not JSON', async () => {
    const { client } = clientWith(() => new Response('{"results": [', { status: 200 }));
    const error = (await failure(client.listPage('tasks'))) as TodoistInvalidResponseError;
    expect(error).toBeInstanceOf(TodoistInvalidResponseError);
    expect(error.message).toContain('not JSON');
  });

  it('rejects a 200 with a missing required field, naming the field', async () => {
    const { priority: _p, ...broken } = taskFixture();
    const { client } = clientWith(() => json({ results: [taskFixture(), broken], next_cursor: null }));
    const error = (await failure(client.listPage('tasks'))) as TodoistInvalidResponseError;
    expect(error).toBeInstanceOf(TodoistInvalidResponseError);
    expect(error.issuePaths).toEqual(['results.1.priority']);
    expect(error.message).toContain('results.1.priority');
  });

  it('accepts 204 for close, reopen and delete', async () => {
    const { client, requests } = clientWith(() => new Response(null, { status: 204 }));
    await expect(client.closeTask('a')).resolves.toBeUndefined();
    await client.reopenTask('a');
    await client.deleteTask('a');
    expect(requests.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual([
      'POST /api/v1/tasks/a/close',
      'POST /api/v1/tasks/a/reopen',
      'DELETE /api/v1/tasks/a',
    ]);
  });

  describe('never builds a path from an id that is not a Todoist id', () => {
    const calls = {
      getTask: { send: (client: TodoistClient, id: string) => client.getTask(id), endpoint: 'GET tasks/{id}' },
      getProject: { send: (client: TodoistClient, id: string) => client.getProject(id), endpoint: 'GET projects/{id}' },
      updateTask: { send: (client: TodoistClient, id: string) => client.updateTask(id, { content: 'x' }), endpoint: 'POST tasks/{id}' },
      closeTask: { send: (client: TodoistClient, id: string) => client.closeTask(id), endpoint: 'POST tasks/{id}/close' },
      reopenTask: { send: (client: TodoistClient, id: string) => client.reopenTask(id), endpoint: 'POST tasks/{id}/reopen' },
      deleteTask: { send: (client: TodoistClient, id: string) => client.deleteTask(id), endpoint: 'DELETE tasks/{id}' },
    };
    const hostile = ['..', '.', '', 'a/b', '../user', 'a?limit=1', 'a\ud800', '😀'.repeat(1_000)];

    it.each(Object.keys(calls) as (keyof typeof calls)[])('%s sends nothing and says why, without echoing the id', async (name) => {
      const { client, requests } = clientWith(() => json(taskFixture()));
      for (const id of hostile) {
        const error = (await failure(calls[name].send(client, id))) as TodoistInvalidIdError;
        expect(error, JSON.stringify(id)).toBeInstanceOf(TodoistInvalidIdError);
        expect(`${error.method} ${error.path}`).toBe(calls[name].endpoint);
        expect(error.retryable).toBe(false);
        expect(error.kind).toBe('invalid-id');
        expect(error.message).toMatch(/was not sent: the id is not a Todoist id: 1 to 64 letters, digits, "_" or "-" \(got \d+ characters\)/);
        expect(error.message.length).toBeLessThan(300);
      }
      expect(requests).toEqual([]);
    });

    it('names the endpoint and the length it was given', async () => {
      const { client } = clientWith(() => json(taskFixture()));
      const error = (await failure(client.closeTask('..'))) as TodoistInvalidIdError;
      expect(error.method).toBe('POST');
      expect(error.path).toBe('tasks/{id}/close');
      expect(error.message).toBe(
        'POST tasks/{id}/close was not sent: the id is not a Todoist id: 1 to 64 letters, digits, "_" or "-" (got 2 characters).',
      );
    });

    it('puts a valid id into the path as it is', async () => {
      const { client, requests } = clientWith(() => json(projectFixture()));
      await client.getProject('no-such_project-2995104339');
      expect(new URL(requests[0]!.url).pathname).toBe('/api/v1/projects/no-such_project-2995104339');
    });
  });

  it('sends JSON bodies for writes', async () => {
    const { client, requests } = clientWith(() => json(taskFixture({ content: 'New' })));
    await client.createTask({ content: 'New', priority: 4 });
    expect(requests[0]?.headers.get('content-type')).toBe('application/json');
    expect(await requests[0]?.json()).toEqual({ content: 'New', priority: 4 });
  });

  it('never puts the token in an error message', async () => {
    const answers = [
      () => json(errorBody(401, 'UNAUTHORIZED'), { status: 401 }),
      () => {
        throw new TypeError('fetch failed');
      },
      () => new Response('nope', { status: 200 }),
    ];
    for (const answer of answers) {
      const { client } = clientWith(answer);
      const error = (await failure(client.getUser())) as Error;
      expect(error.message).not.toContain(TOKEN);
      expect(JSON.stringify(client)).not.toContain(TOKEN);
    }
  });
});
