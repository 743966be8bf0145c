/**
 * TodoistClient.listAllTasksBySync: every active task in one full sync, sent
 * like every other request of the client (its transport, token, executor),
 * and never a partial list passed off as the whole.
 */
import { describe, expect, it } from 'vitest';
import { TodoistClient, type RequestExecutor } from '../client';
import { TodoistApiError, TodoistInvalidResponseError } from '../errors';
import { json, scriptedTransport, taskFixture } from './fixtures';
import { errorAnswer, fullSyncAnswer } from './sync-fixtures';

const TOKEN = 'secret-token-value-0123456789';
const BASE = 'https://todoist.test/api/v1';

function clientWith(answer: Parameters<typeof scriptedTransport>[0], execute?: RequestExecutor) {
  const { transport, requests } = scriptedTransport(answer);
  return { client: new TodoistClient({ transport, token: TOKEN, baseUrl: BASE, execute }), requests };
}

describe('TodoistClient.listAllTasksBySync', () => {
  it('is one POST {base}/sync: sync_token=* and items only, the token in the header alone', async () => {
    const { client, requests } = clientWith(() => json(fullSyncAnswer()));
    const tasks = await client.listAllTasksBySync();
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(`${request?.method} ${request?.url}`).toBe(`POST ${BASE}/sync`);
    expect(request?.headers.get('authorization')).toBe(`Bearer ${TOKEN}`);
    expect(Object.fromEntries(new URLSearchParams(await request!.text()))).toEqual({ sync_token: '*', resource_types: '["items"]' });
    expect(tasks.map((task) => task.id)).toEqual(['task-today', 'task-later']);
  });

  it('keeps active tasks only: completed, deleted and bare tombstones are left out', async () => {
    const items = [
      taskFixture({ id: 'active' }),
      taskFixture({ id: 'completed', checked: true, completed_at: '2026-10-01T12:00:00.000000Z' }),
      taskFixture({ id: 'deleted', is_deleted: true }),
      { id: 'tombstone', is_deleted: true },
    ];
    const { client } = clientWith(() => json({ ...fullSyncAnswer(), items }));
    expect((await client.listAllTasksBySync()).map((task) => task.id)).toEqual(['active']);
  });

  it('refuses an answer that is not the whole list, rather than return a short one', async () => {
    const delta = clientWith(() => json({ ...fullSyncAnswer(), full_sync: false }));
    await expect(delta.client.listAllTasksBySync()).rejects.toThrow(TodoistInvalidResponseError);
    await expect(delta.client.listAllTasksBySync()).rejects.toThrow('full_sync is false (a delta, not the whole list)');
    await expect(delta.client.listAllTasksBySync()).rejects.toThrow(/POST sync/); // the error names the request

    const { items: _items, ...withoutItems } = fullSyncAnswer();
    const missing = clientWith(() => json(withoutItems));
    await expect(missing.client.listAllTasksBySync()).rejects.toThrow(TodoistInvalidResponseError);
    await expect(missing.client.listAllTasksBySync()).rejects.toThrow('field "items" is missing');
  });

  it('runs through the client’s executor, as pages do: a retry there retries the sync', async () => {
    const labels: string[] = [];
    const retryOnce: RequestExecutor = async (label, attempt) => {
      labels.push(label);
      try {
        return await attempt();
      } catch {
        labels.push(`${label} again`);
        return attempt();
      }
    };
    const { client, requests } = clientWith(
      (_request, index) => (index === 0 ? json(errorAnswer(503, 'SERVICE_UNAVAILABLE'), { status: 503 }) : json(fullSyncAnswer())),
      retryOnce,
    );
    expect(await client.listAllTasksBySync()).toHaveLength(2);
    expect(labels).toEqual(['POST sync', 'POST sync again']);
    expect(requests).toHaveLength(2);
  });

  it('a refusal is the typed error pages give: 429 retryable, with its retry_after', async () => {
    const { client } = clientWith(() => json(errorAnswer(429, 'TOO_MANY_REQUESTS', { retry_after: 4 }), { status: 429 }));
    const error = await client.listAllTasksBySync().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TodoistApiError);
    expect(error).toMatchObject({ status: 429, retryable: true, retryAfterSeconds: 4 });
    expect(String(error)).not.toContain(TOKEN);
  });
});
