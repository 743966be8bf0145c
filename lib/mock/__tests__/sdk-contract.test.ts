/**
 * Contract test: Doist's official SDK is the oracle of the mock's fidelity.
 * It parses every response with zod schemas Doist keeps in line with the real
 * API, so any schema error here is a bug in our mock. Run in process (through
 * the transport seam) and over HTTP against the stand-in, for every size.
 */
import { createCommand, TodoistApi, TodoistRequestError } from '@doist/todoist-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkFetch } from '@/lib/todoist/__tests__/sdk-fetch';
import { createMockBackend, type MockBackend } from '../backend';
import type { DatasetSize } from '../dataset';
import { startStandin, type RunningStandin } from '../standin';
import { MOCK_SYNC_RESOURCES, TODOIST_SYNC_RESOURCE_TYPES } from '../sync-resources';

const TOKEN = 'contract-token';
const SIZES: DatasetSize[] = ['tiny', 'small', 'large'];

function commentedTask(backend: MockBackend): string {
  const comment = backend.store.data.comments.find((each) => each.item_id);
  if (!comment?.item_id) throw new Error('the dataset has no task comment');
  return comment.item_id;
}

async function everyPage<T>(read: (cursor: string | null) => Promise<{ results: T[]; nextCursor: string | null }>) {
  const all: T[] = [];
  let cursor: string | null = null;
  do {
    const page = await read(cursor);
    all.push(...page.results);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

async function exerciseSdk(api: TodoistApi, expected: { tasks: number; projects: number; commentedTaskId: string }) {
  const tasks = await everyPage((cursor) => api.getTasks({ cursor, limit: 200 }));
  expect(tasks).toHaveLength(expected.tasks);
  const filtered = await everyPage((cursor) => api.getTasksByFilter({ query: 'p1 | p2 | no date', cursor, limit: 200 }));
  expect(filtered.length).toBeGreaterThan(0);
  expect(await api.getTask(tasks[0]!.id)).toMatchObject({ id: tasks[0]!.id });
  const projects = await everyPage((cursor) => api.getProjects({ cursor, limit: 200 }));
  expect(projects).toHaveLength(expected.projects);
  await everyPage((cursor) => api.getSections({ projectId: null, cursor, limit: 200 }));
  await everyPage((cursor) => api.getLabels({ cursor, limit: 200 }));
  const comments = await everyPage((cursor) => api.getComments({ taskId: expected.commentedTaskId, cursor, limit: 200 }));
  expect(comments.length).toBeGreaterThan(0);
  const user = await api.getUser();
  expect(user.inboxProjectId).toBe(projects.find((project) => 'inboxProject' in project && project.inboxProject)?.id);
  const added = await api.addTask({ content: 'Contract check ✅', priority: 4, dueString: 'tomorrow' });
  expect(added.content).toBe('Contract check ✅');
  expect(await api.closeTask(added.id)).toBe(true);
}

describe.each(SIZES)('official SDK reads the mock (%s)', (size) => {
  it('in process, through the transport seam', async () => {
    const backend = createMockBackend({ size, seed: 11, token: TOKEN });
    const api = new TodoistApi(TOKEN, { baseUrl: 'https://api.todoist.com', customFetch: sdkFetch(backend.transport) });
    await exerciseSdk(api, {
      tasks: backend.store.activeTasks().length,
      projects: backend.store.data.projects.length,
      commentedTaskId: commentedTask(backend),
    });
  });

  describe('over HTTP against the stand-in', () => {
    let standin: RunningStandin;
    const backend = createMockBackend({ size, seed: 12, token: TOKEN });
    beforeAll(async () => {
      standin = await startStandin({ backend });
    });
    afterAll(() => standin.close());

    it('with the SDK’s own fetch', async () => {
      const api = new TodoistApi(TOKEN, { baseUrl: standin.origin });
      await exerciseSdk(api, {
        tasks: backend.store.activeTasks().length,
        projects: backend.store.data.projects.length,
        commentedTaskId: commentedTask(backend),
      });
    });
  });
});

/**
 * Sync through the SDK's own `sync()`: it sends JSON (not the documented form)
 * and parses every answer with Doist's SyncResponseSchema — full, incremental,
 * commands — and turns a 400 into a TodoistRequestError.
 */
describe.each(SIZES)('official SDK syncs with the mock (%s)', (size) => {
  it('full sync, commands with a temp id, an incremental sync, and a refused token', async () => {
    const backend = createMockBackend({ size, seed: 13, token: TOKEN });
    const api = new TodoistApi(TOKEN, { baseUrl: 'https://api.todoist.com', customFetch: sdkFetch(backend.transport) });

    const full = await api.sync({ syncToken: '*', resourceTypes: [...MOCK_SYNC_RESOURCES] });
    expect(full.fullSync).toBe(true);
    expect(full.items).toHaveLength(backend.store.activeTasks().length);
    expect(full.projects!.length).toBeGreaterThan(0);
    expect(full.sections!.length).toBeGreaterThan(0);
    expect(full.labels!.length).toBeGreaterThan(0);
    expect(full.notes!.length).toBeGreaterThan(0);
    expect(full.user).toMatchObject({ id: backend.userId, inboxProjectId: backend.store.base.user.inbox_project_id });
    expect(full.items!.every((item) => item.userId === backend.userId)).toBe(true);

    const done = full.items!.find((item) => item.due === null || !item.due.isRecurring)!;
    const add = createCommand('item_add', { content: 'Synced ✅', priority: 4, due: { string: 'tomorrow' } }, 'tmp-1');
    const written = await api.sync({
      commands: [add, createCommand('item_complete', { id: done.id, completedAt: new Date().toISOString() }), createCommand('item_update', { id: 'tmp-1', description: 'via temp id' })],
    });
    const newId = Object.values(written.tempIdMapping!)[0]!;
    expect(Object.values(written.syncStatus!)).toEqual(['ok', 'ok', 'ok']);

    const delta = await api.sync({ syncToken: full.syncToken, resourceTypes: ['items', 'projects'] });
    expect(delta.fullSync).toBe(false);
    expect(delta.projects).toEqual([]);
    expect(delta.items!.find((item) => item.id === newId)).toMatchObject({ content: 'Synced ✅', description: 'via temp id', checked: false });
    expect(delta.items!.find((item) => item.id === done.id)).toMatchObject({ checked: true });

    const refused = await api.sync({ syncToken: `${delta.syncToken}x`, resourceTypes: ['items'] }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TodoistRequestError);
    expect(refused).toMatchObject({ httpStatusCode: 400, responseData: { error_tag: 'INVALID_ARGUMENT_VALUE' } });
  });
});

it('knows every resource type the SDK knows, and keeps the ones it answers among them', async () => {
  const { SYNC_RESOURCE_TYPES } = await import('@doist/todoist-sdk');
  expect([...TODOIST_SYNC_RESOURCE_TYPES].sort()).toEqual([...SYNC_RESOURCE_TYPES].sort());
  expect(MOCK_SYNC_RESOURCES.every((type) => (SYNC_RESOURCE_TYPES as readonly string[]).includes(type))).toBe(true);
});
