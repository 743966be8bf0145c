/**
 * The Dojo MCP server through the real SDK client: every tool under both
 * backends (real = the stand-in over HTTP) and both strategies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockBackend } from '@/lib/mock/backend';
import { startStandin, type RunningStandin } from '@/lib/mock/standin';
import type { DojoServerOptions } from '../server';
import { NOW, connect, provenanceOf, textOf, type ToolResult } from './helpers';

const TOKEN = 'stand-in-token';
let standin: RunningStandin;

beforeAll(async () => {
  standin = await startStandin({ backend: createMockBackend({ size: 'small', seed: 1, token: TOKEN, now: () => NOW }) });
});
afterAll(() => standin.close());

const real = (token: string | null = TOKEN): DojoServerOptions['real'] => ({
  loadConfig: async () => ({
    token: token ?? undefined,
    baseUrl: standin.baseUrl,
    whereToSetToken: 'Set TODOIST_API_TOKEN, add it to dojo.config.json, or save it on the settings page.',
  }),
});

const BACKENDS: Array<[string, () => DojoServerOptions]> = [
  ['mock', () => ({ backend: 'mock', mock: { size: 'small', seed: 1 }, now: () => NOW })],
  ['real (stand-in over HTTP)', () => ({ backend: 'real', real: real(), now: () => NOW })],
];

describe('tools/list', () => {
  it('lists the eight tools, each with input and output schemas and annotations', async () => {
    const { client, close } = await connect();
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(
      ['complete_task', 'create_task', 'delete_task', 'filter_tasks', 'get_overview', 'get_task', 'list_projects', 'list_tasks'].sort(),
    );
    for (const tool of tools) {
      expect(tool.outputSchema, tool.name).toBeDefined();
      expect(tool.annotations?.readOnlyHint, tool.name).toBeTypeOf('boolean');
      expect(tool.annotations?.openWorldHint, tool.name).toBe(true);
      expect(tool.description?.length, tool.name).toBeGreaterThan(40);
    }
    await close();
  });
});

describe.each(BACKENDS)('backend: %s', (name, options) => {
  const isReal = name.startsWith('real');

  it('list_tasks (production) reads every task by one full sync: the exact 180, labelled with its source', async () => {
    const { call, close } = await connect(options());
    const result = await call('list_tasks');
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent?.count).toBe(180);
    const provenance = provenanceOf(result);
    expect(provenance).toMatchObject({ backend: isReal ? 'real' : 'mock', source: 'live', degraded: false });
    expect(provenance).toMatchObject({ requests: 2, pages: 1 }); // one full sync for the tasks, one page of projects
    expect(provenance.note).toContain('read by one full sync');
    expect(provenance.bytes).toBeGreaterThan(50_000); // 180 tasks of API JSON came over the wire
    const firstLine = textOf(result).split('\n')[0];
    expect(firstLine).toMatch(isReal ? /^Source: Todoist API \(live, 1 page,/ : /^Source: MOCK DATA \(scenario "faithful"\) — not the user's real Todoist/);
    expect(textOf(result)).toContain('180 active tasks:');
    await close();
  });

  it('list_tasks (first-page strategy) returns 50 of 180 in one request, and _meta says more exist', async () => {
    const { call, close } = await connect({ ...options(), strategies: { pagination: 'first-page' } });
    const result = await call('list_tasks');
    expect(result.structuredContent?.count).toBe(50);
    expect(provenanceOf(result)).toMatchObject({ degraded: true });
    expect(provenanceOf(result).note).toContain('next_cursor was ignored');
    await close();
  });

  it('the naive preset answers as the story did: first page, raw JSON, no source line', async () => {
    const { call, close } = await connect({ ...options(), strategies: 'naive' });
    const result = await call('list_tasks');
    expect(result.structuredContent?.count).toBe(50);
    expect(provenanceOf(result).requests).toBe(1);
    expect(textOf(result).startsWith('[')).toBe(true);
    expect(textOf(result)).not.toContain('Source:');
    expect(JSON.parse(textOf(result))).toHaveLength(50);
    await close();
  });

  it('list_tasks filters by priority, project and parent', async () => {
    const { call, close } = await connect(options());
    const p1 = await call('list_tasks', { priority: 'p1' });
    const tasks = p1.structuredContent?.tasks as Array<{ priority: string; projectId: string; id: string }>;
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((task) => task.priority === 'p1')).toBe(true);
    const inProject = await call('list_tasks', { project_id: tasks[0]!.projectId });
    const projectTasks = inProject.structuredContent?.tasks as Array<{ projectId: string }>;
    expect(projectTasks.every((task) => task.projectId === tasks[0]!.projectId)).toBe(true);
    await close();
  });

  it('list_projects gives nested projects with paths, as a tree or flat', async () => {
    const { call, close } = await connect(options());
    const tree = await call('list_projects', { format: 'tree' });
    const projects = tree.structuredContent?.projects as Array<{ depth: number; path: string; isInbox: boolean }>;
    expect(projects.some((project) => project.depth >= 2)).toBe(true);
    expect(projects.filter((project) => project.isInbox)).toHaveLength(1);
    expect(textOf(tree)).toMatch(/\n {4}- /); // indentation two levels deep
    const flat = await call('list_projects', { format: 'flat' });
    expect(textOf(flat)).toContain(' › ');
    await close();
  });

  it('filter_tasks passes the query to tasks/filter; a bad query is the API’s error', async () => {
    const { call, close } = await connect(options());
    const result = await call('filter_tasks', { query: 'p1 | p2' });
    const tasks = result.structuredContent?.tasks as Array<{ priority: string }>;
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((task) => ['p1', 'p2'].includes(task.priority))).toBe(true);
    const bad = await call('filter_tasks', { query: 'today & & (' });
    expect(bad.isError).toBe(true);
    expect(textOf(bad)).toContain('INVALID_SEARCH_QUERY');
    await close();
  });

  it('get_task returns the task with subtasks at every depth and its comments', async () => {
    const { call, close } = await connect(options());
    const all = (await call('list_tasks')).structuredContent?.tasks as Array<{ id: string; parentId?: string }>;
    // A task that has a grandchild.
    const byId = new Map(all.map((task) => [task.id, task]));
    const grandchild = all.find((task) => task.parentId && byId.get(task.parentId)?.parentId)!;
    const root = byId.get(byId.get(grandchild.parentId!)!.parentId!)!;
    const result = await call('get_task', { task_id: root.id });
    expect(result.isError).toBeFalsy();
    const structured = result.structuredContent as { subtaskCount: number; subtasks: Array<{ subtasks: unknown[] }> };
    expect(structured.subtaskCount).toBeGreaterThanOrEqual(2);
    expect(structured.subtasks.some((subtask) => subtask.subtasks.length > 0)).toBe(true);
    const missing = await call('get_task', { task_id: 'doesNotExist' });
    expect(missing.isError).toBe(true);
    expect(textOf(missing)).toContain('404');
    await close();
  });

  it('get_overview puts overdue first, by priority, and stays within its token budget', async () => {
    const { call, close } = await connect(options());
    type Overview = {
      today: string;
      counts: { overdue: number; today: number; upcoming: number };
      overdue: Array<{ priority: string; due: string }>;
      dueToday: unknown[];
      upcoming: unknown[];
      omitted: { overdue: number; today: number; upcoming: number };
    };
    const full = (await call('get_overview')).structuredContent as Overview;
    expect(full.today).toBe('2026-10-01');
    expect(full.overdue).toHaveLength(full.counts.overdue); // the default budget keeps every overdue task
    expect(full.overdue.every((task) => task.due < '2026-10-01')).toBe(true);
    const priorities = full.overdue.map((task) => task.priority);
    expect(priorities).toEqual([...priorities].sort());

    const tight = await call('get_overview', { budget_tokens: 200 });
    const small = tight.structuredContent as Overview;
    const kept = small.overdue.length + small.dueToday.length + small.upcoming.length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(full.counts.overdue + full.counts.today + full.counts.upcoming);
    expect(small.omitted.upcoming).toBe(full.counts.upcoming); // the least urgent group goes first
    expect(textOf(tight)).toMatch(/Left out to stay within ~200 tokens: .*Get them with filter_tasks/);
    await close();
  });

  it('create_task and complete_task change the backend', async () => {
    const { call, close } = await connect(options());
    const created = await call('create_task', { content: `Dojo write test (${name})`, priority: 'p2', due_string: 'tomorrow' });
    expect(created.isError).toBeFalsy();
    const task = (created.structuredContent as { task: { id: string; priority: string; due: string } }).task;
    expect(task).toMatchObject({ priority: 'p2', due: '2026-10-02' });
    const done = await call('complete_task', { task_id: task.id });
    expect(done.structuredContent).toMatchObject({ taskId: task.id, completed: true });
    const again = await call('get_task', { task_id: task.id });
    expect(again.isError).toBe(true);
    await close();
  });
});

describe('fallback strategies', () => {
  it('honest: real mode without a token is a clear error naming the cause and the fix — never mock data', async () => {
    const { call, close } = await connect({ backend: 'real', real: real(null), now: () => NOW });
    const result = await call('list_tasks');
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('No Todoist API token is configured');
    expect(textOf(result)).toContain('TODOIST_API_TOKEN');
    expect(result.structuredContent).toBeUndefined();
    await close();
  });

  it('mock-on-error: the same call returns the canned todos, unlabelled (the story’s bug)', async () => {
    const { call, close } = await connect({
      backend: 'real',
      real: real(null),
      strategies: { fallback: 'mock-on-error' },
      now: () => NOW,
    });
    const result = await call('list_tasks');
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent?.count).toBe(12);
    expect(textOf(result)).not.toContain('Source:');
    expect(textOf(result)).toContain('Buy milk');
    // Only _meta tells the truth — which is how the lessons reveal the lie.
    expect(provenanceOf(result)).toMatchObject({ backend: 'mock', scenario: 'canned', degraded: true });
    await close();
  });

  it('honest: a wrong token is the API’s 401, explained', async () => {
    const { call, close } = await connect({ backend: 'real', real: real('wrong-token'), now: () => NOW });
    const result = await call('get_overview');
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/401.*token is missing, wrong or revoked/);
    expect(textOf(result)).not.toContain('wrong-token');
    await close();
  });

  it('honest: a failing mock scenario is an error that names the scenario', async () => {
    const { call, close } = await connect({ backend: 'mock', mock: { scenario: 'down' }, strategies: { fallback: 'honest' } });
    const result = await call('list_projects');
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('[mock backend, scenario "down"]');
    expect(textOf(result)).toContain('could not be reached');
    await close();
  });

  it('production pagination fails loudly when a page fails, with what was read', async () => {
    const { call, close } = await connect({
      strategies: { fallback: 'honest', fullRead: 'pages' },
      backend: 'mock',
      mock: { scenario: { name: 'page-fails', pageFails: { page: 2 } }, size: 'large' },
    });
    const result = await call('list_tasks');
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/stopped at page 2.*1 page\(s\) with 200 item\(s\) were read/);
    await close();
  });
});

describe('arguments', () => {
  it('invalid arguments are an isError result naming the argument and the reason', async () => {
    const { call, close } = await connect();
    const badPriority = await call('list_tasks', { priority: 'urgent' });
    expect(badPriority.isError).toBe(true);
    expect(textOf(badPriority)).toContain('priority');
    const emptyQuery = await call('filter_tasks', { query: '' });
    expect(emptyQuery.isError).toBe(true);
    expect(textOf(emptyQuery)).toContain('query');
    const missing = await call('get_task', {});
    expect(missing.isError).toBe(true);
    expect(textOf(missing)).toContain('task_id');
    await close();
  });
});

describe('progress, resources, prompts, logging', () => {
  it('sends a progress notification per page when the client asks for progress', async () => {
    const { client, close } = await connect({ mock: { size: 'large' }, strategies: { fullRead: 'pages' } });
    const messages: string[] = [];
    const result = (await client.callTool({ name: 'list_tasks', arguments: {} }, {
      onprogress: (progress) => messages.push(progress.message ?? ''),
    })) as ToolResult;
    const count = Number(result.structuredContent?.count);
    expect(count).toBeGreaterThanOrEqual(5000);
    const taskPages = messages.filter((message) => message.startsWith('tasks: page'));
    expect(taskPages.length).toBe(Math.ceil(count / 200));
    expect(taskPages.at(-1)).toContain('last page');
    expect(taskPages[1]).toMatch(/^tasks: page 2, 200 items in \d+ ms \(cursor .{8}…\), more to come$/);
    await close();
  });

  it('serves todoist://projects and todoist://tasks/today with the source line', async () => {
    const { client, close } = await connect({ now: () => NOW });
    const { resources } = await client.listResources();
    expect(resources.map((resource) => resource.uri).sort()).toEqual(['todoist://projects', 'todoist://tasks/overdue', 'todoist://tasks/today']);
    const today = await client.readResource({ uri: 'todoist://tasks/today' });
    const text = (today.contents[0] as { text: string }).text;
    expect(text.split('\n')[0]).toMatch(/^Source: MOCK DATA/);
    expect(text).toContain('match "today | overdue"');
    await close();
  });

  it('offers the daily_review prompt', async () => {
    const { client, close } = await connect();
    const prompt = await client.getPrompt({ name: 'daily_review', arguments: { focus: 'Work' } });
    const text = (prompt.messages[0]?.content as { text: string }).text;
    expect(text).toContain('get_overview');
    expect(text).toContain('Focus on: Work');
    await close();
  });

  it('accepts logging/setLevel and sends error logs', async () => {
    const { client, call, close } = await connect({ mock: { scenario: 'unauthorized' } });
    // Awaited as an event, not after a sleep: the log arrives when it arrives.
    const failureLogged = new Promise<unknown>((resolve) => {
      client.setNotificationHandler('notifications/message', (notification) => {
        if (String(notification.params.data).includes('list_tasks failed')) resolve(notification.params);
      });
    });
    await client.setLoggingLevel('info');
    await call('list_tasks');
    await expect(failureLogged).resolves.toMatchObject({ level: 'error', logger: 'dojo' });
    await close();
  });
});
