/**
 * The Todoist layer's messages and edges pinned exactly: each error's text and flags, the client's URLs,
 * bodies, limits and executor seam, the pagination report field by field, and the tree's ordering and orphans.
 */
import { describe, expect, it, vi } from 'vitest';
import { TodoistClient, buildUrl, clampLimit, type RequestExecutor } from '../client';
import { TodoistApiError, TodoistInvalidResponseError, TodoistNetworkError, TodoistTimeoutError, errorText } from '../errors';
import { DEFAULT_MAX_PAGES, PaginationError, collectAll, firstPageOnly, paginate, type FetchPage } from '../pagination';
import { UserSchema } from '../schemas';
import { buildTaskForest, buildTree, linkByParent } from '../tree';
import { json, projectFixture, scriptedTransport, sectionFixture, taskFixture } from './fixtures';

const body = (status: number, tag: string) => ({ error: `Error ${tag}`, error_code: status, error_extra: {}, error_tag: tag, http_code: status });

describe('errors', () => {
  it.each([
    [401, undefined, 'The token is missing, wrong or revoked: set a valid TODOIST_API_TOKEN.'],
    [403, 'AUTH_INSUFFICIENT_TOKEN_SCOPE', 'The token lacks the scope this call needs: create a token with data:read_write.'],
    [403, undefined, 'The token is not allowed to do this.'],
    [404, undefined, 'The object does not exist or is not visible to this user.'],
    [429, undefined, 'Rate limited: wait before retrying.'],
    [500, undefined, 'Todoist had a server error: retry later.'],
    [503, undefined, 'Todoist had a server error: retry later.'],
    [400, undefined, 'The request was rejected: check its arguments.'],
    [499, undefined, 'The request was rejected: check its arguments.'],
    [413, undefined, 'The request body was too large for Todoist: a text argument is too long.'],
    [414, undefined, 'The request URL was too long for Todoist: an id or a filter query is too long.'],
    [431, undefined, 'The request URL was too long for Todoist: an id or a filter query is too long.'],
  ])('an API error %i (%s) advises: %s', (status, tag, advice) => {
    const error = new TodoistApiError('GET', 'tasks', status, tag ? body(status, tag) : undefined, undefined);
    const detail = tag ? `Error ${tag} (${tag})` : `HTTP ${status}`;
    expect(error.message).toBe(`GET tasks failed with ${status}: ${detail}. ${advice}`);
    expect(error.name).toBe('TodoistApiError');
    expect(error.kind).toBe('api');
    expect(error).toMatchObject({ method: 'GET', path: 'tasks', status });
  });

  it('a DELETE refused for its scope asks for data:delete, which data:read_write does not include', () => {
    const refused = new TodoistApiError('DELETE', 'tasks/x', 403, body(403, 'AUTH_INSUFFICIENT_TOKEN_SCOPE'), undefined);
    expect(refused.message).toBe(
      'DELETE tasks/x failed with 403: Error AUTH_INSUFFICIENT_TOKEN_SCOPE (AUTH_INSUFFICIENT_TOKEN_SCOPE). The token lacks the scope this call needs: create a token with data:delete.',
    );
  });

  it('names the argument Todoist refused, when its body says which', () => {
    const refused = { ...body(400, 'INVALID_ARGUMENT_VALUE'), error: 'Invalid argument value', error_extra: { argument: 'task_id' } };
    expect(new TodoistApiError('GET', 'tasks/x', 400, refused, undefined).message).toBe(
      'GET tasks/x failed with 400: Invalid argument value (INVALID_ARGUMENT_VALUE, argument "task_id"). The request was rejected: check its arguments.',
    );
    const notAName = { ...refused, error_extra: { argument: 42 } };
    expect(new TodoistApiError('GET', 'tasks/x', 400, notAName, undefined).message).toContain('(INVALID_ARGUMENT_VALUE).');
  });

  it('retries 429 and 5xx gateways, never other statuses', () => {
    const retryable = (status: number) => new TodoistApiError('GET', 'x', status, undefined, undefined).retryable;
    expect([429, 500, 502, 503, 504].map(retryable)).toEqual([true, true, true, true, true]);
    expect([400, 401, 403, 404, 501, 505].map(retryable)).toEqual([false, false, false, false, false, false]);
  });

  it('tag and code come from the body, when there is one', () => {
    const error = new TodoistApiError('GET', 'x', 404, body(404, 'NOT_FOUND'), 3);
    expect([error.tag, error.code, error.retryAfterSeconds]).toEqual(['NOT_FOUND', 404, 3]);
    const bare = new TodoistApiError('GET', 'x', 404, undefined, undefined);
    expect([bare.tag, bare.code]).toEqual([undefined, undefined]);
  });

  it('network, timeout and invalid-response errors say what failed and what to do', () => {
    const cause = new Error('ECONNRESET');
    const network = new TodoistNetworkError('POST', 'tasks', cause);
    expect(network.message).toBe('POST tasks failed: the Todoist API could not be reached (ECONNRESET). Check the network and TODOIST_API_BASE_URL.');
    expect(network).toMatchObject({ kind: 'network', retryable: true, name: 'TodoistNetworkError', cause });
    const timeout = new TodoistTimeoutError('GET', 'user', 250);
    expect(timeout.message).toBe('GET user timed out after 250 ms: the Todoist API did not answer. It may be slow or down; try again later.');
    expect(timeout).toMatchObject({ kind: 'timeout', retryable: true, timeoutMs: 250, name: 'TodoistTimeoutError' });
    const invalid = new TodoistInvalidResponseError('GET', 'tasks', 'bad shape');
    expect(invalid.message).toBe('GET tasks returned an invalid response: bad shape. The data was not used. If this persists, the API may have changed; report it.');
    expect(invalid).toMatchObject({ kind: 'invalid-response', retryable: false, issuePaths: [], reason: 'bad shape' });
  });

  it('errorText: the message of an Error, else the string', () => {
    expect(errorText(new Error('m'))).toBe('m');
    expect(errorText(42)).toBe('42');
  });
});

describe('TodoistClient edges', () => {
  const client = (answer: Parameters<typeof scriptedTransport>[0], options: { baseUrl?: string; execute?: RequestExecutor; timeoutMs?: number } = {}) => {
    const scripted = scriptedTransport(answer);
    return { client: new TodoistClient({ transport: scripted.transport, token: 'tok', ...options }), requests: scripted.requests };
  };

  it('trims trailing slashes from the base URL and defaults the timeout to 15 s', () => {
    const { client: c } = client(() => json({}), { baseUrl: 'http://x/api/v1///' });
    expect(c.baseUrl).toBe('http://x/api/v1');
    expect(c.timeoutMs).toBe(15_000);
  });

  it('puts ids into paths; GETs have no body and no content type', async () => {
    const { client: c, requests } = client((request) => json(request.url.includes('/projects/') ? projectFixture() : taskFixture()));
    await c.getTask('a_b-c');
    await c.getProject('p1');
    expect(requests.map((request) => new URL(request.url).pathname)).toEqual(['/api/v1/tasks/a_b-c', '/api/v1/projects/p1']);
    expect(requests[0]?.method).toBe('GET');
    expect(requests[0]?.headers.get('content-type')).toBeNull();
    expect(requests[0]?.body).toBeNull();
  });

  it('updateTask POSTs the changes to the task', async () => {
    const { client: c, requests } = client(() => json(taskFixture()));
    await c.updateTask('t1', { content: 'New' });
    expect(`${requests[0]?.method} ${new URL(requests[0]!.url).pathname}`).toBe('POST /api/v1/tasks/t1');
    expect(await requests[0]?.json()).toEqual({ content: 'New' });
  });

  it('sends no limit when none is asked, and a clamped one when it is', async () => {
    const { client: c, requests } = client(() => json({ results: [], next_cursor: null }));
    await c.listPage('projects');
    await c.listPage('comments', { limit: 0, task_id: 't' });
    expect(requests[0]?.url).toBe('https://api.todoist.com/api/v1/projects');
    expect(requests[1]?.url).toBe('https://api.todoist.com/api/v1/comments?limit=1&task_id=t');
  });

  it('runs every request through the executor, labelled "METHOD path"', async () => {
    const labels: string[] = [];
    const execute: RequestExecutor = (label, attempt) => {
      labels.push(label);
      return attempt();
    };
    const { client: c } = client(() => new Response(null, { status: 204 }), { execute });
    await c.closeTask('a');
    await c.deleteTask('b');
    expect(labels).toEqual(['POST tasks/a/close', 'DELETE tasks/b']);
  });

  it("aborts the request with the executor's signal (a deadline), not as a timeout", async () => {
    const controller = new AbortController();
    const execute: RequestExecutor = (_label, attempt) => attempt(controller.signal);
    const { client: c, requests } = client(
      (request) => new Promise<Response>((_resolve, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason))),
      { execute, timeoutMs: 60_000 },
    );
    const pending = c.getUser().catch((error: unknown) => error);
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    controller.abort(new Error('deadline'));
    expect(await pending).toEqual(new Error('deadline'));
  });

  it('with both a caller signal and an executor signal, either aborts the request', async () => {
    const caller = new AbortController();
    const executor = new AbortController();
    const execute: RequestExecutor = (_label, attempt) => attempt(executor.signal);
    const { client: c, requests } = client(
      (request) => new Promise<Response>((_resolve, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason))),
      { execute, timeoutMs: 60_000 },
    );
    const pending = c.getUser(caller.signal).catch((error: unknown) => error);
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    caller.abort(new Error('caller'));
    expect(await pending).toEqual(new Error('caller'));
  });

  it('a 200 with several bad fields counts the rest; the root is named "(root)"', async () => {
    const { client: c } = client(() => json({ results: [{}], next_cursor: null }));
    const error = (await c.listPage('projects').catch((caught: unknown) => caught)) as TodoistInvalidResponseError;
    expect(error.message).toMatch(/^GET projects returned an invalid response: field "results\.0\.\w+" .+ \(and \d+ more issues\)\./);
    const two = client(() => json({ results: [{ ...projectFixture(), id: 1, name: 2 }], next_cursor: null }));
    const twoError = (await two.client.listPage('projects').catch((caught: unknown) => caught)) as TodoistInvalidResponseError;
    expect(twoError.issuePaths).toEqual(['results.0.id', 'results.0.name']);
    expect(twoError.reason).toMatch(/^field "results\.0\.id" .+ \(and 1 more issue\)$/);
    const root = client(() => json('text'));
    const rootError = (await root.client.getUser().catch((caught: unknown) => caught)) as TodoistInvalidResponseError;
    expect(rootError.issuePaths).toEqual(['(root)']);
    expect(rootError.reason).toMatch(/^field "\(root\)" [a-z]/); // lower-cased zod message
    expect(rootError.reason).toBe(`field "(root)" ${UserSchema.safeParse('text').error!.issues[0]!.message.toLowerCase()}`);
  });

  it('a body that is not JSON is quoted (first 40 characters)', async () => {
    const { client: c } = client(() => new Response(`<html>${'x'.repeat(60)}`, { status: 200 }));
    const error = (await c.getUser().catch((caught: unknown) => caught)) as TodoistInvalidResponseError;
    expect(error.reason).toBe(`the body is not JSON (starts with ${JSON.stringify(`<html>${'x'.repeat(34)}`)})`);
  });

  it('an error body not in the documented shape is left out', async () => {
    const { client: c } = client(() => json({ unexpected: true }, { status: 500 }));
    const error = (await c.getUser().catch((caught: unknown) => caught)) as TodoistApiError;
    expect(error.body).toBeUndefined();
    expect(error.message).toBe('GET user failed with 500: HTTP 500. Todoist had a server error: retry later.');
  });

  it('stops its timeout timer once the request is answered, or has failed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const ok = client(() => json(taskFixture()));
      await ok.client.getTask('a');
      expect(vi.getTimerCount()).toBe(0);
      const failing = client(() => json(body(404, 'NOT_FOUND'), { status: 404 }));
      await failing.client.getTask('a').catch(() => undefined);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('getProject returns the parsed project (unknown fields dropped)', async () => {
    const { client: c } = client(() => json({ ...projectFixture({ id: 'p1' }), unknown_field: 1 }));
    expect(await c.getProject('p1')).toEqual(projectFixture({ id: 'p1' }));
  });

  it('close, reopen and delete honour the caller’s signal', async () => {
    const { client: c } = client((request) => (request.signal.aborted ? Promise.reject(request.signal.reason) : new Response(null, { status: 204 })));
    const aborted = AbortSignal.abort();
    for (const write of [c.closeTask, c.reopenTask, c.deleteTask]) {
      await expect(write.call(c, 'a', aborted)).rejects.toMatchObject({ name: 'AbortError' });
    }
  });

  it('with a caller signal, the executor signal (a deadline) still aborts the request', async () => {
    const executor = new AbortController();
    const execute: RequestExecutor = (_label, attempt) => attempt(executor.signal);
    const { client: c, requests } = client(
      (request) => new Promise<Response>((_resolve, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason))),
      { execute, timeoutMs: 60_000 },
    );
    const pending = c.getUser(new AbortController().signal).catch((error: unknown) => error);
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    executor.abort(new Error('deadline'));
    expect(await pending).toEqual(new Error('deadline'));
  });

  it('clampLimit: 1..200, whole numbers, 1 for nonsense', () => {
    expect([0, -5, 0.5, Number.NaN, Number.POSITIVE_INFINITY, 1, 1.9, 200, 201].map(clampLimit)).toEqual([1, 1, 1, 1, 1, 1, 1, 200, 200]);
  });

  it('buildUrl keeps zero and empty-string values', () => {
    expect(buildUrl('http://x', 'p', { a: 0, b: '' })).toBe('http://x/p?a=0&b=');
  });
});

/** A listing of `total` items as pages of `size`, cursors "c<offset>". */
function listing(total: number, size: number) {
  const queries: Record<string, unknown>[] = [];
  const fetchPage: FetchPage<{ id: string }> = async (query) => {
    queries.push(query);
    const offset = query.cursor ? Number(String(query.cursor).slice(1)) : 0;
    const end = Math.min(offset + size, total);
    return { results: Array.from({ length: end - offset }, (_, i) => ({ id: `t${offset + i}` })), next_cursor: end < total ? `c${end}` : null };
  };
  return { fetchPage, queries };
}

describe('pagination report', () => {
  it('reports every page exactly, and the totals', async () => {
    const { fetchPage } = listing(5, 2);
    const { report } = await collectAll(fetchPage, {}, { limit: 2 });
    expect(report).toMatchObject({ limit: 2, requests: 3, items: 5, duplicatesDropped: 0, complete: true });
    expect(report.pages.map(({ durationMs: _ignored, ...page }) => page)).toEqual([
      { page: 1, cursor: null, nextCursor: 'c2', items: 2, newItems: 2 },
      { page: 2, cursor: 'c2', nextCursor: 'c4', items: 2, newItems: 2 },
      { page: 3, cursor: 'c4', nextCursor: null, items: 1, newItems: 1 },
    ]);
    expect(report.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('asks for 200 by default and stops at 100 pages by default', async () => {
    expect(DEFAULT_MAX_PAGES).toBe(100);
    const { fetchPage, queries } = listing(1_000, 1);
    const { items, report } = await collectAll(fetchPage);
    expect(queries[0]).toEqual({ limit: 200, cursor: undefined });
    expect(items).toHaveLength(100);
    expect(report.complete).toBe(false);
    expect(report.pages).toHaveLength(100);
  });

  it('a listing that ends exactly at the guard is complete', async () => {
    const { fetchPage } = listing(3, 1);
    const { report } = await collectAll(fetchPage, {}, { maxPages: 3 });
    expect(report.complete).toBe(true);
  });

  it('the duplicate count and each page’s new items', async () => {
    const pages = [
      { results: [{ id: 'a' }, { id: 'b' }], next_cursor: 'x' },
      { results: [{ id: 'b' }, { id: 'c' }, { id: 'a' }], next_cursor: null },
    ];
    let i = 0;
    const { items, report } = await collectAll<{ id: string }>(async () => pages[i++]!);
    expect(items.map((item) => item.id)).toEqual(['a', 'b', 'c']);
    expect(report.duplicatesDropped).toBe(2);
    expect(report.items).toBe(3);
    expect(report.pages.map((page) => [page.items, page.newItems])).toEqual([
      [2, 2],
      [3, 1],
    ]);
  });

  it('a looping cursor is an invalid response naming it', async () => {
    let i = 0;
    const cursors = ['a', 'b', 'a'];
    const error = await collectAll<{ id: string }>(async () => ({ results: [{ id: String(i) }], next_cursor: cursors[i++]! })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TodoistInvalidResponseError);
    expect((error as Error).message).toBe('GET list returned an invalid response: the API returned cursor "a" twice (a loop). The data was not used. If this persists, the API may have changed; report it.');
  });

  it('a mid-way failure: the message counts what was read, the report has the time, the cause is kept', async () => {
    let i = 0;
    const cause = new Error('HTTP 502');
    const error = (await collectAll<{ id: string }>(async () => {
      if (i++ === 1) throw cause;
      return { results: [{ id: 'a' }, { id: 'b' }], next_cursor: 'n' };
    }).catch((caught: unknown) => caught)) as PaginationError;
    expect(error.name).toBe('PaginationError');
    expect(error.cause).toBe(cause);
    expect(error.failedCursor).toBe('n');
    expect(error.report.requests).toBe(2);
    expect(error.message).toBe('Reading the list stopped at page 2: HTTP 502 1 page(s) with 2 item(s) were read; the rest is missing, so no partial list is returned.');
  });

  it('a first-page failure is rethrown as it is, not wrapped', async () => {
    const cause = new Error('HTTP 500');
    await expect(collectAll(async () => Promise.reject(cause))).rejects.toBe(cause);
  });

  it('passes the signal to every page, and the fixed params unchanged', async () => {
    const { fetchPage } = listing(3, 2);
    const spy = vi.fn(fetchPage);
    const signal = new AbortController().signal;
    await collectAll(spy, { project_id: 'p' }, { limit: 2, signal });
    expect(spy.mock.calls).toEqual([
      [{ project_id: 'p', limit: 2, cursor: undefined }, signal],
      [{ project_id: 'p', limit: 2, cursor: 'c2' }, signal],
    ]);
  });

  it('times each page and the whole read (performance.now), on success and on a mid-way failure', async () => {
    let tick = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => 1_000 + (tick += 10) - 10);
    try {
      const { report } = await collectAll(listing(3, 2).fetchPage, {}, { limit: 2 });
      expect(report.pages.map((page) => page.durationMs)).toEqual([10, 10]);
      expect(report.durationMs).toBe(50);
      tick = 0;
      let calls = 0;
      const error = (await collectAll<{ id: string }>(async () => {
        if (calls++ === 1) throw new Error('x');
        return { results: [{ id: 'a' }], next_cursor: 'n' };
      }).catch((caught: unknown) => caught)) as PaginationError;
      expect(error.report.durationMs).toBe(40);
    } finally {
      now.mockRestore();
    }
  });

  it('paginate returns the report when done', async () => {
    const { fetchPage } = listing(1, 5);
    const pages = paginate(fetchPage);
    expect((await pages.next()).value).toEqual([{ id: 't0' }]);
    const done = await pages.next();
    expect(done.done).toBe(true);
    expect(done.value).toMatchObject({ complete: true, items: 1 });
  });

  it('firstPageOnly passes the limit and the signal as given', async () => {
    const spy = vi.fn(listing(10, 3).fetchPage);
    const signal = new AbortController().signal;
    await firstPageOnly(spy, { a: 1 }, { limit: 3, signal });
    expect(spy).toHaveBeenCalledWith({ a: 1, limit: 3 }, signal);
  });
});

describe('tree edges', () => {
  it('linkByParent: an undefined parent is a root; a missing parent or a loop makes an orphan root', () => {
    const items = [
      { id: 'a', parent_id: undefined },
      { id: 'b', parent_id: 'a' },
      { id: 'c', parent_id: 'gone' },
      { id: 'x', parent_id: 'y' },
      { id: 'y', parent_id: 'x' },
      { id: 'self', parent_id: 'self' },
    ];
    const { roots, childrenOf, orphans } = linkByParent(items);
    expect(roots.map((item) => item.id)).toEqual(['a', 'c', 'x', 'y', 'self']);
    expect([...childrenOf.entries()].map(([id, children]) => [id, children.map((child) => child.id)])).toEqual([['a', ['b']]]);
    expect([...orphans]).toEqual(['c', 'x', 'y', 'self']);
  });

  it('a chain whose ancestor loops (not back to the item) still links the item', () => {
    const { orphans, childrenOf } = linkByParent([
      { id: 'leaf', parent_id: 'p' },
      { id: 'p', parent_id: 'q' },
      { id: 'q', parent_id: 'p' },
    ]);
    expect(orphans.has('leaf')).toBe(true); // the loop is found on the way up; nothing is lost
    expect(childrenOf.size).toBe(0);
  });

  it('roots and siblings are ordered by child_order', () => {
    const t = (id: string, order: number, parent: string | null = null) => taskFixture({ id, child_order: order, parent_id: parent });
    const forest = buildTaskForest([t('r2', 2), t('r1', 1), t('c2', 2, 'r1'), t('c1', 1, 'r1')]);
    expect(forest.map((node) => node.task.id)).toEqual(['r1', 'r2']);
    expect(forest[0]?.subtasks.map((node) => node.task.id)).toEqual(['c1', 'c2']);
    expect(forest.every((node) => node.orphan === false)).toBe(true);
  });

  it('buildTree leaves the caller’s arrays as they were; sub-projects by child_order; empty sections have no tasks', () => {
    const sections = [sectionFixture({ id: 'b', project_id: 'p', section_order: 2 }), sectionFixture({ id: 'a', project_id: 'p', section_order: 1 })];
    const projects = [
      projectFixture({ id: 'p', child_order: 1 }),
      projectFixture({ id: 'late', parent_id: 'p', child_order: 2 }),
      projectFixture({ id: 'early', parent_id: 'p', child_order: 1 }),
    ];
    const tree = buildTree({ projects, sections, tasks: [taskFixture({ id: 'lost', project_id: 'gone', section_id: 'gone-too' })] });
    expect(sections.map((section) => section.id)).toEqual(['b', 'a']);
    expect(tree.projects[0]?.subprojects.map((node) => node.project.id)).toEqual(['early', 'late']);
    expect(tree.projects[0]?.sections.map((node) => [node.section.id, node.tasks])).toEqual([
      ['a', []],
      ['b', []],
    ]);
    expect(tree.unplacedTasks.map((node) => node.task.id)).toEqual(['lost']); // unknown project and unknown section
  });

  it('buildTree: sections by section_order, tasks of an unknown section go to their project, projects by child_order', () => {
    const p1 = projectFixture({ id: 'p1', child_order: 2 });
    const p2 = projectFixture({ id: 'p2', child_order: 1 });
    const sub = projectFixture({ id: 'sub', parent_id: 'p1', child_order: 1 });
    const s1 = sectionFixture({ id: 's1', project_id: 'p1', section_order: 2 });
    const s2 = sectionFixture({ id: 's2', project_id: 'p1', section_order: 1 });
    const tree = buildTree({
      projects: [p1, p2, sub],
      sections: [s1, s2, sectionFixture({ id: 'lost', project_id: 'nowhere' })],
      tasks: [
        taskFixture({ id: 'in-s1', project_id: 'p1', section_id: 's1' }),
        taskFixture({ id: 'in-gone-section', project_id: 'p1', section_id: 'gone' }),
        taskFixture({ id: 'section-only', project_id: 'nowhere', section_id: 's2' }),
      ],
    });
    expect(tree.projects.map((node) => node.project.id)).toEqual(['p2', 'p1']);
    const p1Node = tree.projects[1]!;
    expect(p1Node.orphan).toBe(false);
    expect(p1Node.subprojects.map((node) => node.project.id)).toEqual(['sub']);
    expect(p1Node.sections.map((node) => node.section.id)).toEqual(['s2', 's1']);
    expect(p1Node.sections[1]?.tasks.map((node) => node.task.id)).toEqual(['in-s1']);
    expect(p1Node.sections[0]?.tasks.map((node) => node.task.id)).toEqual(['section-only']);
    expect(p1Node.tasks.map((node) => node.task.id)).toEqual(['in-gone-section']);
    expect(tree.unplacedTasks).toEqual([]); // its section is known, so it is placed
    expect(tree.unplacedSections.map((node) => node.section.id)).toEqual(['lost']);
    expect(tree.projects[0]?.sections).toEqual([]);
    expect(tree.projects[0]?.tasks).toEqual([]);
  });
});
