/**
 * A tiny in-memory Todoist API v1 behind a TodoistClient, and a ToolCall over it: tools run directly, with data
 * the test chose, so their summaries and structured answers can be pinned exactly.
 */
import { TodoistClient, type QueryParams } from '@/lib/todoist/client';
import type { Comment, Project, Task } from '@/lib/todoist/schemas';
import type { ToolCall } from '../call';
import { CallRecorder } from '../provenance';
import { PRODUCTION_STRATEGIES, type Strategies } from '../strategies';

export interface FakeTodoistData {
  tasks?: Task[];
  projects?: Project[];
  comments?: Comment[];
  /** Answers GET tasks/filter; every task by default. */
  filter?: (query: string) => Task[];
  /** Items per page whatever limit is asked, to force several pages. */
  pageSize?: number;
  /** What a recurring task's due date becomes when it is closed. */
  nextDue?: string;
}

export function fakeTodoist(data: FakeTodoistData) {
  const tasks = [...(data.tasks ?? [])];
  const requests: string[] = [];
  const bodies: unknown[] = [];
  const page = <Item>(items: Item[], query: URLSearchParams) => {
    const size = data.pageSize ?? Number(query.get('limit') ?? 50);
    const offset = Number(query.get('cursor') ?? 0);
    const end = offset + size;
    return { results: items.slice(offset, end), next_cursor: end < items.length ? String(end) : null };
  };
  const transport = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const path = url.pathname.replace(/^\/api\/v1\//, '');
    const query = url.searchParams;
    requests.push(`${request.method} ${path}${url.search}`);
    const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    if (request.method === 'POST' && path === 'sync') {
      // A full sync of items: every task the fake holds is active.
      const form = new URLSearchParams(await request.text());
      bodies.push(Object.fromEntries(form));
      return json({ sync_token: 'fake-sync-token', full_sync: true, items: tasks });
    }
    if (request.method === 'POST') {
      const body = (await request.text()) || undefined;
      bodies.push(body && JSON.parse(body));
      const close = path.match(/^tasks\/([^/]+)\/close$/);
      if (close) {
        const task = tasks.find((each) => each.id === decodeURIComponent(close[1]!));
        if (task?.due?.is_recurring) task.due = { ...task.due, date: data.nextDue ?? task.due.date };
        else if (task) tasks.splice(tasks.indexOf(task), 1);
        return new Response(null, { status: 204 });
      }
      if (path === 'tasks') {
        const created = { ...tasks[0]!, id: 'new1', ...(JSON.parse(body!) as object) } as Task;
        tasks.push(created);
        return json(created);
      }
    }
    if (request.method === 'DELETE') {
      const doomed = tasks.find((each) => `tasks/${each.id}` === path);
      if (!doomed) return json({ error: 'Task not found', error_tag: 'NOT_FOUND', error_code: 478, http_code: 404, error_extra: {} }, 404);
      // Subtasks go with their parent, as in Todoist.
      const gone = new Set([doomed.id]);
      for (let before = 0; before < gone.size; ) {
        before = gone.size;
        for (const each of tasks) if (each.parent_id && gone.has(each.parent_id)) gone.add(each.id);
      }
      tasks.splice(0, tasks.length, ...tasks.filter((each) => !gone.has(each.id)));
      return new Response(null, { status: 204 });
    }
    const one = path.match(/^tasks\/([^/]+)$/);
    if (one && one[1] !== 'filter') {
      const task = tasks.find((each) => each.id === decodeURIComponent(one[1]!));
      return task ? json(task) : json({ error: 'Task not found', error_tag: 'NOT_FOUND', error_code: 478, http_code: 404, error_extra: {} }, 404);
    }
    if (path === 'tasks') {
      const matches = tasks.filter(
        (task) =>
          (!query.get('project_id') || task.project_id === query.get('project_id')) &&
          (!query.get('section_id') || task.section_id === query.get('section_id')) &&
          (!query.get('parent_id') || task.parent_id === query.get('parent_id')) &&
          (!query.get('label') || task.labels.includes(query.get('label')!)),
      );
      return json(page(matches, query));
    }
    if (path === 'tasks/filter') return json(page(data.filter ? data.filter(query.get('query') ?? '') : tasks, query));
    if (path === 'projects') return json(page(data.projects ?? [], query));
    if (path === 'comments') return json(page((data.comments ?? []).filter((comment) => comment.item_id === query.get('task_id')), query));
    return json({ error: 'no route' }, 404);
  };
  const client = new TodoistClient({ transport, token: 'test-token', baseUrl: 'https://todoist.test/api/v1' });
  return { client, requests, bodies, tasks };
}

export function toolCall(client: TodoistClient, overrides: Omit<Partial<ToolCall>, 'strategies'> & { strategies?: Partial<Strategies> } = {}): ToolCall {
  return {
    client,
    recorder: new CallRecorder(),
    today: '2026-10-01',
    confirmation: { channel: 'argument' },
    ...overrides,
    strategies: { ...PRODUCTION_STRATEGIES, ...overrides.strategies },
  };
}

export function commentFixture(overrides: Partial<Comment> = {}): Comment {
  return {
    id: 'c1',
    item_id: 't1',
    content: 'A comment',
    posted_at: '2026-09-30T10:00:00.000000Z',
    posted_uid: '1',
    file_attachment: null,
    reactions: null,
    is_deleted: false,
    ...overrides,
  };
}

export type { QueryParams };
