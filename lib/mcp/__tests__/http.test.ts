/**
 * The MCP endpoint over real HTTP, driven by the SDK's own Streamable HTTP
 * client: sessions, per-session settings, origin checks, 404 and DELETE.
 */
import { request } from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFetch, type RunningServer } from '@/lib/http/serve-fetch';
import { createMcpHttpHandler } from '../http/handler';
import { handleScenarioSwitch } from '../http/scenario-endpoint';
import { createServerForSettings } from '../http/session-server';
import { SessionStore } from '../http/session-store';

let running: RunningServer;
const store = new SessionStore({ idleMs: 60_000, maxSessions: 20 });

beforeAll(async () => {
  running = await serveFetch(
    createMcpHttpHandler({ createServer: createServerForSettings, store, policy: { origins: ['https://trusted.example'], hosts: [] } }),
  );
});
afterAll(() => running.close());

async function connect(query = '') {
  const transport = new StreamableHTTPClientTransport(new URL(`${running.origin}/api/mcp${query}`));
  const client = new Client({ name: 'http-test', version: '1.0.0' });
  await client.connect(transport);
  return { client, transport };
}

const initialize = (headers: Record<string, string> = {}, query = '') =>
  fetch(`${running.origin}/api/mcp${query}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', ...headers },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
    }),
  });

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

describe('MCP over Streamable HTTP', () => {
  it('initializes a session with an id, lists tools and calls one', async () => {
    const { client, transport } = await connect();
    expect(transport.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(client.getServerVersion()?.name).toBe('mcp-dojo');
    const { tools } = await client.listTools();
    expect(tools).toHaveLength(7);
    const result = (await client.callTool({ name: 'list_tasks', arguments: {} })) as CallToolResult;
    expect(result.structuredContent?.count).toBe(180);
    await transport.terminateSession();
    await client.close();
  });

  it('takes session settings from the URL: the naive strategy reads one page', async () => {
    const { client } = await connect('?strategy=naive&size=small');
    const result = (await client.callTool({ name: 'list_tasks', arguments: {} })) as CallToolResult;
    expect(result.structuredContent?.count).toBe(50);
    await client.close();
  });

  it('gives each session its own mock state', async () => {
    const a = await connect();
    const b = await connect();
    await a.client.callTool({ name: 'create_task', arguments: { content: 'only in session A' } });
    const countIn = async (client: Client) =>
      ((await client.callTool({ name: 'list_tasks', arguments: {} })) as CallToolResult).structuredContent?.count;
    expect(await countIn(a.client)).toBe(181);
    expect(await countIn(b.client)).toBe(180);
    await a.client.close();
    await b.client.close();
  });

  it('rejects an invalid session setting with a clear 400', async () => {
    const response = await initialize({}, '?scenario=chaos');
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain('scenario');
  });

  it('answers 404 for an unknown session id', async () => {
    const response = await fetch(`${running.origin}/api/mcp`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', 'Mcp-Session-Id': 'no-such-session' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }),
    });
    expect(response.status).toBe(404);
    expect((await response.json()).error.message).toContain('Session not found');
  });

  it('ends a session on DELETE; the id is then unknown', async () => {
    const { client, transport } = await connect();
    const id = transport.sessionId!;
    const before = store.size;
    await transport.terminateSession();
    expect(store.size).toBe(before - 1);
    const response = await fetch(`${running.origin}/api/mcp`, { method: 'DELETE', headers: { 'Mcp-Session-Id': id } });
    expect(response.status).toBe(404);
    await client.close();
  });

  it('refuses a foreign Origin and a rebound Host with 403', async () => {
    const foreign = await initialize({ Origin: 'http://evil.example.com' });
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).error.message).toContain('evil.example.com');
    // fetch will not send a forged Host header; node:http will, as a rebound DNS name would.
    expect(await postWithHost('evil.example.com')).toBe(403);
    expect(await postWithHost(new URL(running.origin).host)).toBe(400); // served host: past the check
  });

  it('allows loopback origins on any port and configured ones, exposing Mcp-Session-Id', async () => {
    for (const origin of ['http://localhost:3000', 'http://127.0.0.1:6274', 'https://trusted.example']) {
      const response = await initialize({ Origin: origin });
      expect(response.status, origin).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(response.headers.get('access-control-expose-headers')).toContain('Mcp-Session-Id');
    }
    const preflight = await fetch(`${running.origin}/api/mcp`, { method: 'OPTIONS', headers: { Origin: 'http://localhost:6274' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('mcp-session-id');
  });
});

describe('SessionStore', () => {
  const fakeSession = (id: string) => {
    const closed: string[] = [];
    const closable = { close: async () => void closed.push(id) };
    return { session: { id, server: closable, transport: closable, settings: {} } as never, closed };
  };

  it('evicts sessions idle for longer than idleMs', () => {
    let now = 0;
    const sessions = new SessionStore({ idleMs: 1_000, maxSessions: 10, now: () => now });
    sessions.add(fakeSession('a').session);
    now = 500;
    expect(sessions.touch('a')).toBeDefined();
    now = 1_600;
    expect(sessions.touch('a')).toBeUndefined();
    expect(sessions.size).toBe(0);
  });

  it('makes room at the cap by closing the least recently used session', () => {
    let now = 0;
    const sessions = new SessionStore({ idleMs: 60_000, maxSessions: 2, now: () => now });
    const a = fakeSession('a');
    sessions.add(a.session);
    now = 1;
    sessions.add(fakeSession('b').session);
    now = 2;
    sessions.touch('a');
    now = 3;
    sessions.add(fakeSession('c').session);
    expect(sessions.touch('b')).toBeUndefined();
    expect(sessions.touch('a')).toBeDefined();
    expect(sessions.size).toBe(2);
    expect(a.closed).toEqual([]);
  });
});

describe('simulated credentials (real backend)', () => {
  it('token=missing answers with the missing-token error under production, canned todos under naive', async () => {
    const production = await connect('?backend=real&token=missing');
    const honest = (await production.client.callTool({ name: 'list_tasks', arguments: {} })) as CallToolResult;
    expect(honest.isError).toBe(true);
    expect(JSON.stringify(honest.content)).toContain('No Todoist API token is configured');
    await production.client.close();

    const naive = await connect('?backend=real&token=missing&strategy=naive');
    const lie = (await naive.client.callTool({ name: 'list_tasks', arguments: {} })) as CallToolResult;
    expect(lie.isError).toBeFalsy();
    expect(lie.structuredContent?.count).toBe(12);
    await naive.client.close();
  });
});

describe('switching a live session’s mock scenario (the fault panel)', () => {
  const switchScenario = (sessionId: string, body: unknown, origin = 'http://localhost:3000') =>
    handleScenarioSwitch(
      new Request('http://127.0.0.1:3000/api/mcp/scenario', {
        method: 'POST',
        headers: { Origin: origin, 'Content-Type': 'application/json', 'Mcp-Session-Id': sessionId, Host: '127.0.0.1:3000' },
        body: JSON.stringify(body),
      }),
      store,
      { origins: [], hosts: [] },
    );

  it('makes the same session’s upstream fail, so the production answer becomes a labelled stale one', async () => {
    const { client, transport } = await connect();
    const live = (await client.callTool({ name: 'list_projects', arguments: {} })) as CallToolResult;
    expect((live._meta?.['dojo/provenance'] as { source: string }).source).toBe('live');

    const switched = await switchScenario(transport.sessionId!, { name: 'down' });
    expect(switched.status).toBe(200);
    expect((await switched.json()).scenario.name).toBe('down');

    const stale = (await client.callTool({ name: 'list_projects', arguments: {} })) as CallToolResult;
    expect(stale._meta?.['dojo/provenance']).toMatchObject({ source: 'cache', degraded: true });
    await client.close();
  });

  it('refuses a foreign origin, an unknown session, a real session and a bad scenario', async () => {
    const { client, transport } = await connect();
    expect((await switchScenario(transport.sessionId!, { name: 'down' }, 'http://evil.example.com')).status).toBe(403);
    expect((await switchScenario('no-such-session', { name: 'down' })).status).toBe(404);
    expect((await switchScenario(transport.sessionId!, { name: 'chaos' })).status).toBe(400);
    const real = await connect('?backend=real');
    expect((await switchScenario(real.transport.sessionId!, { name: 'down' })).status).toBe(409);
    await client.close();
    await real.client.close();
  });
});

describe('output override', () => {
  it('?output=raw keeps the production strategy but dumps the raw API JSON', async () => {
    const { client } = await connect('?output=raw');
    const result = (await client.callTool({ name: 'list_tasks', arguments: {} })) as CallToolResult;
    expect(result.structuredContent?.count).toBe(180); // all pages: still production pagination
    const text = (result.content[0] as { text: string }).text;
    expect(text.split('\n')[0]).toMatch(/^Source: MOCK DATA/);
    expect(text).toContain('"is_collapsed"');
    await client.close();
  });
});
