/**
 * The MCP endpoint over real HTTP, driven by the SDKs' own clients of both
 * protocol eras: every tool on the mock and on the stand-in, state that
 * lasts per learner and workspace (and never crosses learners), and the
 * guards in front (origin, host, body cap, settings).
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueLearnerId } from '@/lib/identity/learner';
import { serveFetch, type RunningServer } from '@/lib/http/serve-fetch';
import { MemoryStateStore } from '@/lib/state';
import { startBuiltinStandin } from '../http/builtin-standin';
import { createMcpEndpoint } from '../http/endpoint';
import { handleWorkspaceAction } from '../http/workspace-endpoint';
import { PROVENANCE_META_KEY, type Provenance } from '../provenance';
import { ERAS, connectEra, type EraClient } from './eras';
import { postMcp } from './helpers';

const secret = Buffer.from('http-test-secret');
const store = new MemoryStateStore({ idleMs: 60_000, maxEntries: 1_000, sweepEveryMs: 0 });
const policy = { origins: ['https://trusted.example'], hosts: [] };
const MAX_BODY = 64 * 1024;
let running: RunningServer;
let standin: Awaited<ReturnType<typeof startBuiltinStandin>>;

beforeAll(async () => {
  standin = await startBuiltinStandin(store, secret);
  const endpoint = createMcpEndpoint({
    store,
    policy,
    secret,
    maxBodyBytes: MAX_BODY,
    // No token on this machine, whatever the environment says.
    loadConfig: async () => ({ token: undefined, baseUrl: 'https://api.todoist.com/api/v1', whereToSetToken: 'Set TODOIST_API_TOKEN.' }),
    standin: async () => standin,
  });
  running = await serveFetch(async (req) => {
    const path = new URL(req.url).pathname;
    if (path === '/api/mcp/scenario') return handleWorkspaceAction('scenario', req, store, policy, secret);
    if (path === '/api/mcp/reset') return handleWorkspaceAction('reset', req, store, policy, secret);
    return endpoint(req);
  });
});
afterAll(async () => {
  await running.close();
  await standin.close();
});

const endpointUrl = (query: string) => new URL(`${running.origin}/api/mcp?${query}`);
const provenance = (result: { _meta?: Record<string, unknown> }) => result._meta?.[PROVENANCE_META_KEY] as Provenance;
const firstLine = (result: { content: unknown[] }) => String((result.content[0] as { text?: string }).text).split('\n')[0] ?? '';

async function withClient<T>(era: (typeof ERAS)[number], query: string, run: (client: EraClient) => Promise<T>): Promise<T> {
  const client = await connectEra(era, endpointUrl(query));
  try {
    return await run(client);
  } finally {
    await client.close();
  }
}

/** Calls every tool once; returns the first line of each answer. */
async function callEveryTool(client: EraClient): Promise<Record<string, { isError: boolean; line: string; upstream?: string }>> {
  const answers: Record<string, { isError: boolean; line: string; upstream?: string }> = {};
  const record = async (name: string, args: Record<string, unknown> = {}) => {
    const result = await client.call(name, args);
    answers[name] = { isError: result.isError === true, line: firstLine(result), upstream: provenance(result)?.upstream };
    return result;
  };
  await record('list_projects');
  const listed = await record('list_tasks');
  const someTask = (listed.structuredContent as { tasks: { id: string }[] }).tasks[0]!.id;
  await record('filter_tasks', { query: 'today | overdue' });
  await record('get_task', { task_id: someTask });
  await record('get_overview');
  const created = await record('create_task', { content: 'Written over HTTP', due_string: 'tomorrow' });
  await record('complete_task', { task_id: (created.structuredContent as { task: { id: string } }).task.id });
  const another = await client.call('create_task', { content: 'Deleted over HTTP' });
  await record('delete_task', { task_id: (another.structuredContent as { task: { id: string } }).task.id, confirm: true });
  return answers;
}

describe.each(ERAS)('%s over HTTP', (era) => {
  const expectedVersion = era === '2026-07-28' ? '2026-07-28' : '2025-11-25';

  it('negotiates its protocol, lists the 8 tools and calls every tool on the mock', async () => {
    await withClient(era, `learner=${issueLearnerId(secret)}`, async (client) => {
      expect(client.protocolVersion).toBe(expectedVersion);
      expect(await client.listToolNames()).toEqual(
        ['complete_task', 'create_task', 'delete_task', 'filter_tasks', 'get_overview', 'get_task', 'list_projects', 'list_tasks'].sort(),
      );
      const answers = await callEveryTool(client);
      for (const [tool, answer] of Object.entries(answers)) {
        expect(answer.isError, `${tool}: ${answer.line}`).toBe(false);
        expect(answer.line, tool).toMatch(/^Source: MOCK DATA/);
        expect(answer.upstream, tool).toBe('mock');
      }
      expect(await client.readResource('todoist://projects')).toMatch(/^Source: MOCK DATA/);
      expect(await client.getPrompt('daily_review')).toContain('get_overview');
    });
  });

  it('calls every tool on the Todoist stand-in over real HTTP, labelled as sample data', async () => {
    await withClient(era, `backend=real&upstream=standin&learner=${issueLearnerId(secret)}`, async (client) => {
      const answers = await callEveryTool(client);
      for (const [tool, answer] of Object.entries(answers)) {
        expect(answer.isError, `${tool}: ${answer.line}`).toBe(false);
        expect(answer.line, tool).toMatch(/^Source: Todoist stand-in on this machine .* sample data, not your account/);
        expect(answer.upstream, tool).toBe('standin');
      }
    });
  });

  it.each(['mock', 'real&upstream=standin'])('a learner’s write is seen by its next request (backend=%s)', async (backend) => {
    const learner = issueLearnerId(secret);
    const query = `backend=${backend}&workspace=writes&learner=${learner}`;
    const created = await withClient(era, query, (client) => client.call('create_task', { content: `Seen again (${era})` }));
    const id = (created.structuredContent as { task: { id: string } }).task.id;
    // A new connection: with no session, only the workspace can remember.
    const again = await withClient(era, query, (client) => client.call('get_task', { task_id: id }));
    expect(again.isError).toBeFalsy();
    expect((again.structuredContent as { task: { content: string } }).task.content).toBe(`Seen again (${era})`);
  });
});

describe('tenants and workspaces', () => {
  const countTasks = (query: string) =>
    withClient('2026-07-28', query, async (client) => (await client.call('list_tasks')).structuredContent as { count: number });

  it('never shows one learner’s writes to another, or to another workspace of the same learner', async () => {
    const alice = issueLearnerId(secret);
    const bob = issueLearnerId(secret);
    const before = (await countTasks(`learner=${alice}`)).count;
    await withClient('2026-07-28', `learner=${alice}`, (client) => client.call('create_task', { content: 'Alice only' }));
    expect((await countTasks(`learner=${alice}`)).count).toBe(before + 1);
    expect((await countTasks(`learner=${bob}`)).count).toBe(before);
    expect((await countTasks(`learner=${alice}&workspace=other`)).count).toBe(before);
  });

  it('gives a caller without a valid learner id a throwaway workspace, and says so', async () => {
    const forged = `${issueLearnerId(secret).split('.')[0]}.forged-signature-aaaaaaaaaaaaaaaaaaaaaa`;
    for (const query of ['', `learner=${forged}`]) {
      const before = (await countTasks(query)).count;
      const created = await withClient('2026-07-28', query, (client) => client.call('create_task', { content: 'Lost' }));
      expect(provenance(created).workspace).toBe('throwaway');
      expect((await countTasks(query)).count).toBe(before);
    }
  });

  it('switches a workspace’s scenario for the calls that name none, and resets its data', async () => {
    const learner = issueLearnerId(secret);
    const cookie = `dojo-learner=${learner}`;
    const post = (path: string, body?: unknown) =>
      fetch(`${running.origin}${path}?workspace=faults&size=small`, {
        method: 'POST',
        headers: { Origin: running.origin, 'Content-Type': 'application/json', Cookie: cookie },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const switched = await post('/api/mcp/scenario', { name: 'unauthorized' });
    expect(switched.status).toBe(200);
    const failing = await withClient('2026-07-28', `workspace=faults&learner=${learner}`, (client) => client.call('list_projects'));
    expect(failing.isError).toBe(true);
    expect(firstLine(failing)).toMatch(/scenario "unauthorized"/);
    // A scenario in the URL becomes the workspace's.
    const healed = await withClient('2026-07-28', `workspace=faults&scenario=faithful&learner=${learner}`, (client) => client.call('list_projects'));
    expect(healed.isError).toBeFalsy();

    await withClient('2026-07-28', `workspace=faults&learner=${learner}`, (client) => client.call('create_task', { content: 'Undone by reset' }));
    const grown = (await countTasks(`workspace=faults&learner=${learner}`)).count;
    expect((await post('/api/mcp/reset')).status).toBe(200);
    expect((await countTasks(`workspace=faults&learner=${learner}`)).count).toBe(grown - 1);
  });

  it('refuses a workspace change without a learner cookie, or from another site', async () => {
    const noCookie = await fetch(`${running.origin}/api/mcp/scenario`, {
      method: 'POST',
      headers: { Origin: running.origin, 'Content-Type': 'application/json' },
      body: '{"name":"down"}',
    });
    expect(noCookie.status).toBe(401);
    const foreign = await fetch(`${running.origin}/api/mcp/scenario`, {
      method: 'POST',
      headers: { Origin: 'https://evil.example', 'Content-Type': 'application/json', Cookie: `dojo-learner=${issueLearnerId(secret)}` },
      body: '{"name":"down"}',
    });
    expect(foreign.status).toBe(403);
  });

  it('issues a learner cookie to a page of this app that has none, and uses it for that very request', async () => {
    const response = await rawPost(listTasksMessage(), { Origin: running.origin, 'Sec-Fetch-Site': 'same-origin' });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^dojo-learner=[\w-]{22}\.[\w-]+; Path=\/; HttpOnly; SameSite=Lax/);
    // Another site's page never gets one (its request is refused outright).
    expect((await rawPost(listTasksMessage(), { Origin: 'https://evil.example' })).status).toBe(403);
  });
});

describe('read=: how the endpoint reads an unfiltered list of tasks', () => {
  it('read=sync is one full sync, read=pages the cursor loop, whatever the preset reads', async () => {
    const bySync = await withClient('2026-07-28', 'size=large&read=sync', (client) => client.call('list_tasks'));
    expect(provenance(bySync)).toMatchObject({ requests: 2, pages: 1 }); // the sync, and the projects' page
    expect(provenance(bySync)?.note).toContain('read by one full sync');
    const byPages = await withClient('2026-07-28', 'size=large&read=pages', (client) => client.call('list_tasks'));
    expect(provenance(byPages)).toMatchObject({ requests: 26, pages: 26 });
    expect(provenance(byPages)?.note).toBeUndefined();
  });
});

describe('the real backend without a token', () => {
  it('is an honest error for outside clients (upstream=todoist), never sample data', async () => {
    const result = await withClient('2026-07-28', 'backend=real', (client) => client.call('list_tasks'));
    expect(result.isError).toBe(true);
    expect(firstLine(result)).toMatch(/No Todoist API token is configured.*Set TODOIST_API_TOKEN/);
  });

  it('reaches the stand-in for the app’s own pages (upstream=auto), and says so', async () => {
    const result = await withClient('2026-07-28', `backend=real&upstream=auto&learner=${issueLearnerId(secret)}`, (client) =>
      client.call('list_tasks'),
    );
    // One full sync for the 180 tasks, one page of projects for the task lines.
    expect(provenance(result)).toMatchObject({ backend: 'real', upstream: 'standin', pages: 1, requests: 2 });
    expect((result.structuredContent as { count: number }).count).toBe(180);
  });

  it('answers the naive strategy’s first page only from the stand-in: 50 of 180, silently', async () => {
    const result = await withClient('2026-07-28', `backend=real&upstream=auto&strategy=naive&learner=${issueLearnerId(secret)}`, (client) =>
      client.call('list_tasks'),
    );
    expect((result.structuredContent as { count: number }).count).toBe(50);
    expect(firstLine(result)).not.toMatch(/^Source:/);
  });
});

describe('guards in front of the endpoint', () => {
  it('refuses another site’s Origin (403) and a rebound Host (4xx)', async () => {
    expect((await rawPost(listTasksMessage(), { Origin: 'http://evil.example.com' })).status).toBe(403);
    expect(await postWithHost('evil.example.com')).toBe(403);
  });

  it('answers a trusted origin’s preflight with CORS headers', async () => {
    const response = await fetch(endpointUrl(''), { method: 'OPTIONS', headers: { Origin: 'https://trusted.example' } });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://trusted.example');
    expect(response.headers.get('access-control-allow-headers')).toContain('mcp-protocol-version');
  });

  it('caps the body before parsing it: 413 naming the limit', async () => {
    const huge = JSON.stringify({ ...listTasksMessage(), padding: 'x'.repeat(MAX_BODY) });
    const response = await rawPost(huge, {});
    expect(response.status).toBe(413);
    expect(JSON.stringify(await response.json())).toContain(`at most ${MAX_BODY.toLocaleString('en-US')} bytes`);
  });

  it('caps a streamed body without a Content-Length too', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 64) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await fetch(endpointUrl(''), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('has no session stream to open: GET answers 405', async () => {
    const response = await fetch(endpointUrl(''), { headers: { Accept: 'text/event-stream' } });
    expect(response.status).toBe(405);
  });

  it('rejects an unknown or invalid setting with 400 naming it', async () => {
    const errorText = async (response: Response) => ((await response.json()) as { error: { message: string } }).error.message;
    const unknown = await rawPost(listTasksMessage(), {}, '?sise=large');
    expect(unknown.status).toBe(400);
    expect(await errorText(unknown)).toContain('Unknown setting "sise"');
    const invalid = await rawPost(listTasksMessage(), {}, '?workspace=Not%20Valid');
    expect(invalid.status).toBe(400);
    expect(await errorText(invalid)).toContain('Invalid setting "workspace"');
  });
});

function listTasksMessage() {
  return { jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} };
}

function rawPost(body: unknown, headers: Record<string, string>, query = ''): Promise<Response> {
  return postMcp(`${running.origin}/api/mcp${query}`, body, headers);
}

function postWithHost(host: string): Promise<number> {
  const url = new URL(`${running.origin}/api/mcp`);
  return new Promise((resolve, reject) => {
    const req = request(
      { hostname: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { Host: host, 'Content-Type': 'application/json' } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}
