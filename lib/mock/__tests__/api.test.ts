/**
 * The faithful mock, read through our own client: pagination, limits,
 * cursors, auth, 404s, writes — the semantics of Todoist API v1.
 */
import { describe, expect, it } from 'vitest';
import { TodoistClient } from '@/lib/todoist/client';
import { TodoistApiError } from '@/lib/todoist/errors';
import { collectAll } from '@/lib/todoist/pagination';
import { createMockBackend, type MockBackendOptions } from '../backend';

const NOW = new Date('2026-10-01T09:00:00Z');
const BASE = 'https://api.todoist.com/api/v1';

function setup(options: MockBackendOptions = {}) {
  const backend = createMockBackend({ size: 'small', seed: 7, now: () => NOW, ...options });
  const client = new TodoistClient({ transport: backend.transport, token: options.token ?? 'any-token' });
  const raw = (path: string, init: RequestInit = {}) =>
    backend.transport(
      new Request(`${BASE}/${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${options.token ?? 'any-token'}`, ...(init.headers as Record<string, string>) },
      }),
    );
  return { backend, client, raw };
}

async function apiError(promise: Promise<unknown>): Promise<TodoistApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TodoistApiError);
  return error as TodoistApiError;
}

describe('mock Todoist API (faithful)', () => {
  it('pages 180 tasks as 50 + 50 + 50 + 30 with the default limit, next_cursor null at the end', async () => {
    const { client, backend } = setup();
    const total = backend.store.activeTasks().length;
    expect(total).toBe(180);
    const { items, report } = await collectAll((query) => client.listPage('tasks', query), {}, { limit: 50 });
    expect(items).toHaveLength(180);
    expect(report.pages.map((page) => page.items)).toEqual([50, 50, 50, 30]);
    expect(report.pages.at(-1)?.nextCursor).toBeNull();
  });

  it('answers the first page only with 50 by default (what the naive code reads)', async () => {
    const { client } = setup();
    const page = await client.listPage('tasks');
    expect(page.results).toHaveLength(50);
    expect(page.next_cursor).toEqual(expect.any(String));
  });

  it('rejects limit above 200 with 400 INVALID_ARGUMENT_VALUE naming the argument', async () => {
    const { raw } = setup();
    const response = await raw('tasks?limit=201');
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body).toMatchObject({ error_tag: 'INVALID_ARGUMENT_VALUE', http_code: 400, error_extra: { argument: 'limit' } });
  });

  it('rejects a tampered cursor, a cursor sent with other parameters, and another instance’s cursor', async () => {
    const { raw } = setup();
    const first = await (await raw('tasks?limit=10')).json();
    const cursor: string = first.next_cursor;
    expect((await raw(`tasks?limit=10&cursor=${cursor}`)).status).toBe(200);

    const tampered = `${cursor.slice(0, -2)}${cursor.slice(-2) === 'AA' ? 'BB' : 'AA'}`;
    for (const path of [`tasks?limit=10&cursor=${tampered}`, `tasks?limit=20&cursor=${cursor}`, `tasks?limit=10&project_id=x&cursor=${cursor}`]) {
      const response = await raw(path);
      expect(response.status, path).toBe(400);
      expect((await response.json()).error_extra.argument).toBe('cursor');
    }
    const other = setup();
    expect((await other.raw(`tasks?limit=10&cursor=${cursor}`)).status).toBe(400);
  });

  it('answers 401 with a JSON body without a token, and with a wrong one when a token is set', async () => {
    const { backend } = setup({ token: 'right' });
    const noHeader = await backend.transport(new Request(`${BASE}/tasks`));
    expect(noHeader.status).toBe(401);
    expect(await noHeader.json()).toMatchObject({ error_tag: 'UNAUTHORIZED', http_code: 401 });
    const wrong = await backend.transport(new Request(`${BASE}/tasks`, { headers: { Authorization: 'Bearer wrong' } }));
    expect(wrong.status).toBe(401);
    const right = await backend.transport(new Request(`${BASE}/tasks`, { headers: { Authorization: 'Bearer right' } }));
    expect(right.status).toBe(200);
  });

  it('answers 404 NOT_FOUND with a JSON body for unknown ids', async () => {
    const { client } = setup();
    expect((await apiError(client.getTask('doesNotExist'))).tag).toBe('NOT_FOUND');
    expect((await apiError(client.getProject('doesNotExist'))).status).toBe(404);
  });

  describe('an id that cannot be a Todoist id', () => {
    const hugeEmoji = encodeURIComponent('😀'.repeat(10_000));
    it.each([
      ['GET', 'tasks/{10,000 emoji}', 'task_id'],
      ['GET', 'tasks/a.b', 'task_id'],
      ['GET', 'tasks/%F0%9F%98%80', 'task_id'],
      ['POST', `tasks/${'x'.repeat(65)}`, 'task_id'],
      ['POST', 'tasks/a%20b/close', 'task_id'],
      ['POST', 'tasks/a%2Cb/reopen', 'task_id'],
      ['DELETE', 'tasks/a~b', 'task_id'],
      ['GET', 'projects/a%2Fb', 'project_id'],
      ['GET', 'tasks?project_id=..', 'project_id'],
      ['GET', 'tasks?section_id=a%20b', 'section_id'],
      ['GET', 'tasks?parent_id={10,000 emoji}', 'parent_id'],
      ['GET', 'tasks?ids=abc,a.b', 'ids'],
      ['GET', 'sections?project_id=%3F', 'project_id'],
      ['GET', 'comments?task_id=a%2F..', 'task_id'],
      ['GET', 'comments?project_id=', 'project_id'],
    ])('%s %s → 400 INVALID_ARGUMENT_VALUE naming %s, without echoing it', async (method, path, argument) => {
      const { raw, backend } = setup();
      const before = backend.store.activeTasks().length;
      const response = await raw(path.replace('{10,000 emoji}', hugeEmoji), { method });
      expect(response.status).toBe(400);
      const text = await response.text();
      expect(JSON.parse(text)).toMatchObject({
        error: `Invalid argument value: ${argument}`,
        error_code: 20,
        error_tag: 'INVALID_ARGUMENT_VALUE',
        http_code: 400,
        error_extra: { argument },
      });
      expect(text.length).toBeLessThan(300);
      expect(backend.store.activeTasks()).toHaveLength(before);
    });

    it('is still a 404 when it has the shape of an id but names nothing', async () => {
      const { raw } = setup();
      expect((await raw('tasks/no-such_task-1')).status).toBe(404);
      expect((await raw('projects/2995104339')).status).toBe(404);
    });
  });

  it('filters GET tasks by project_id, section_id, parent_id, label and ids', async () => {
    const { client, backend } = setup();
    const tasks = backend.store.activeTasks();
    const withParent = tasks.find((task) => task.parent_id !== null)!;
    const withSection = tasks.find((task) => task.section_id !== null)!;
    const withLabel = tasks.find((task) => task.labels.length > 0)!;
    const all = (query: Record<string, string>) =>
      collectAll((q) => client.listPage('tasks', q), query).then(({ items }) => items);

    expect((await all({ project_id: withSection.project_id })).every((t) => t.project_id === withSection.project_id)).toBe(true);
    expect((await all({ section_id: withSection.section_id! })).every((t) => t.section_id === withSection.section_id)).toBe(true);
    const children = await all({ parent_id: withParent.parent_id! });
    expect(children.map((t) => t.id)).toContain(withParent.id);
    expect(children.every((t) => t.parent_id === withParent.parent_id)).toBe(true);
    expect((await all({ label: withLabel.labels[0]! })).every((t) => t.labels.includes(withLabel.labels[0]!))).toBe(true);
    const ids = [tasks[0]!.id, tasks[5]!.id];
    expect((await all({ ids: ids.join(',') })).map((t) => t.id).sort()).toEqual(ids.sort());
  });

  it('serves tasks/filter with the filter language and 400 INVALID_SEARCH_QUERY for a bad query', async () => {
    const { client, backend } = setup();
    const { items } = await collectAll((q) => client.listPage('tasksByFilter', q), { query: 'p1' });
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((task) => task.priority === 4)).toBe(true);
    expect(items).toHaveLength(backend.store.activeTasks().filter((task) => task.priority === 4).length);

    const error = await apiError(client.listPage('tasksByFilter', { query: 'today & & (' }));
    expect(error.status).toBe(400);
    expect(error.tag).toBe('INVALID_SEARCH_QUERY');
    expect((await apiError(client.listPage('tasksByFilter'))).status).toBe(400);
  });

  it('lists projects, sections, labels, comments and the user', async () => {
    const { client, backend } = setup();
    const projects = await collectAll((q) => client.listPage('projects', q));
    expect(projects.items.length).toBe(backend.store.data.projects.length);
    expect(projects.items.filter((p) => p.inbox_project)).toHaveLength(1);
    expect((await collectAll((q) => client.listPage('sections', q))).items.length).toBeGreaterThan(0);
    expect((await collectAll((q) => client.listPage('labels', q))).items.length).toBeGreaterThan(0);
    const commented = backend.store.data.comments.find((comment) => comment.item_id)!;
    const comments = await client.listPage('comments', { task_id: commented.item_id });
    expect(comments.results.map((c) => c.id)).toContain(commented.id);
    expect((await apiError(client.listPage('comments'))).status).toBe(400);
    const user = await client.getUser();
    expect(user.inbox_project_id).toBe(projects.items.find((p) => p.inbox_project)?.id);
  });

  it('applies writes to this instance only: create, update, close, reopen, delete', async () => {
    const a = setup();
    const b = setup();
    const created = await a.client.createTask({ content: 'Write the lesson', priority: 4, due_string: 'tomorrow' });
    expect(created.due?.date).toBe('2026-10-02');
    expect((await a.client.getTask(created.id)).content).toBe('Write the lesson');
    expect(a.backend.store.activeTasks()).toHaveLength(181);
    expect(b.backend.store.activeTasks()).toHaveLength(180);

    const updated = await a.client.updateTask(created.id, { content: 'Write lesson 3' });
    expect(updated.content).toBe('Write lesson 3');

    await a.client.closeTask(created.id);
    expect((await apiError(a.client.getTask(created.id))).status).toBe(404);
    await a.client.reopenTask(created.id);
    expect((await a.client.getTask(created.id)).checked).toBe(false);
    await a.client.deleteTask(created.id);
    expect((await apiError(a.client.getTask(created.id))).status).toBe(404);
    expect((await apiError(a.client.closeTask('doesNotExist'))).status).toBe(404);
  });

  it('moves a recurring task to its next date when closed instead of completing it', async () => {
    const { client, backend } = setup();
    const recurring = backend.store.activeTasks().find((task) => task.due?.is_recurring)!;
    const before = recurring.due!.date;
    await client.closeTask(recurring.id);
    const after = await client.getTask(recurring.id);
    expect(after.checked).toBe(false);
    expect(after.due!.date > before).toBe(true);
  });

  it('rejects invalid write arguments with 400 naming the argument', async () => {
    const { client } = setup();
    const error = await apiError(client.createTask({ content: '' }));
    expect(error.status).toBe(400);
    expect(error.body?.error_extra.argument).toBe('content');
    expect((await apiError(client.createTask({ content: 'x', project_id: 'nope' }))).body?.error_extra.argument).toBe('project_id');
  });

  it('answers an unknown endpoint with 501 naming the method and URL', async () => {
    const { raw } = setup();
    const response = await raw('workspaces/plans');
    expect(response.status).toBe(501);
    expect((await response.json()).error).toContain('GET /api/v1/workspaces/plans');
  });

  it('reset() undoes every write', async () => {
    const { client, backend } = setup();
    await client.createTask({ content: 'temporary' });
    backend.reset();
    expect(backend.store.activeTasks()).toHaveLength(180);
  });
});
