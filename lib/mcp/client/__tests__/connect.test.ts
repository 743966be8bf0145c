/**
 * connectDojoClient against the real Dojo server (createDojoMcpServer behind
 * the SDK's createMcpHandler) over real HTTP, in both protocol generations:
 * what goes over the wire, what the trace and the HTTP log record, and that
 * close() and a cancelled run leave nothing in flight.
 */
import { createMcpHandler } from '@modelcontextprotocol/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFetch, type RunningServer } from '@/lib/http/serve-fetch';
import { createDojoMcpServer } from '@/lib/mcp/server';
import { connectDojoClient, endpointUrl, REQUEST_TIMEOUT_MS, type DojoClientSettings } from '../connect';
import { isCancelled } from '../failure';
import { HttpExchangeLog, type FetchFunction } from '../http-log';
import { runOnConnection } from '../run';
import { ProtocolTrace, type TraceEntry } from '../trace';
import { summarizeWire } from '../wire-summary';

const NOW = new Date('2026-10-01T09:00:00Z');
const SETTINGS: DojoClientSettings = { backend: 'mock', size: 'small', strategy: 'production', workspace: 'client-test', upstream: 'auto' };

let running: RunningServer;
/** The query of every request the server saw, and the era it served it in. */
const seen: Array<{ era: string; query: URLSearchParams }> = [];

beforeAll(async () => {
  const handler = createMcpHandler((context) => {
    if (context.requestInfo) seen.push({ era: context.era, query: new URL(context.requestInfo.url).searchParams });
    return createDojoMcpServer({ backend: 'mock', mock: { size: 'small', seed: 1 }, now: () => NOW });
  });
  running = await serveFetch((request) => handler.fetch(request));
});
afterAll(() => running.close());

const endpoint = () => `${running.origin}/api/mcp`;
const sentRequests = (trace: ProtocolTrace) => trace.snapshot().filter((entry) => entry.direction === 'out' && entry.kind === 'request');
const methodsOf = (entries: readonly TraceEntry[]) => entries.map((entry) => entry.method);

async function connectRecorded(protocol: '2026-07-28' | '2025-11-25', fetch?: FetchFunction) {
  const trace = new ProtocolTrace();
  const http = new HttpExchangeLog();
  const connection = await connectDojoClient({ endpoint: endpoint(), settings: SETTINGS, protocol, trace, http, ...(fetch && { fetch }) });
  return { connection, trace, http };
}

describe('2026-07-28 (the default)', () => {
  it('negotiates 2026-07-28 by default: no initialize, no Mcp-Session-Id, the _meta envelope on every request', async () => {
    const trace = new ProtocolTrace();
    const http = new HttpExchangeLog();
    const connection = await connectDojoClient({ endpoint: endpoint(), settings: SETTINGS, trace, http }); // no protocol given
    try {
      expect(connection.protocolVersion).toBe('2026-07-28');
      expect(connection.serverInfo?.name).toBe('mcp-dojo');
      const progress: string[] = [];
      const result = await connection.client.callTool(
        { name: 'list_tasks', arguments: {} },
        { onprogress: (update) => progress.push(update.message ?? ''), timeout: REQUEST_TIMEOUT_MS },
      );
      expect(result.isError).toBeFalsy();
      expect(progress.length).toBeGreaterThan(0); // progress still arrives, on the call's own response stream
      // The log records an exchange when its body ends: the call's stream ends just after the result event.
      await expect.poll(() => http.entries.length).toBe(2);

      expect(methodsOf(sentRequests(trace))).toEqual(['server/discover', 'tools/call']);
      expect(trace.snapshot().some((entry) => entry.method === 'initialize' || entry.method === 'notifications/initialized')).toBe(false);
      for (const request of sentRequests(trace)) {
        expect(request.envelope).toEqual(expect.arrayContaining(['io.modelcontextprotocol/protocolVersion', 'io.modelcontextprotocol/clientInfo']));
        const meta = (request.message as { params: { _meta: Record<string, unknown> } }).params._meta;
        expect(meta['io.modelcontextprotocol/protocolVersion']).toBe('2026-07-28');
      }

      // Each JSON-RPC request is one POST, and nothing else went over HTTP.
      expect(http.entries.map((exchange) => [exchange.method, exchange.status, exchange.requestHeaders['mcp-method']])).toEqual([
        ['POST', 200, 'server/discover'],
        ['POST', 200, 'tools/call'],
      ]);
      for (const exchange of http.entries) {
        expect(exchange.requestHeaders['mcp-session-id']).toBeUndefined();
        expect(exchange.responseHeaders['mcp-session-id']).toBeUndefined();
        expect(exchange.requestHeaders['mcp-protocol-version']).toBe('2026-07-28');
        expect(exchange.outcome).toBe('complete');
      }
      // The call's progress came as an event stream: its bytes were counted as they streamed.
      const call = http.entries[1]!;
      expect(call.streamed).toBe(true);
      expect(call.responseBytes).toBeGreaterThan(trace.snapshot().filter((entry) => entry.direction === 'in').at(-1)!.size);

      expect(summarizeWire(trace.snapshot(), http.entries)).toMatchObject({
        handshake: 'server/discover',
        sessionId: undefined,
        protocolVersionHeader: '2026-07-28',
        requests: 2,
        requestsWithEnvelope: 2,
        httpByMethod: { POST: 2 },
        httpRefused: 0,
      });
    } finally {
      await connection.close();
    }
  });

  it('sends the settings, workspace and upstream in the URL of every request, and the server serves them as modern', async () => {
    seen.length = 0;
    const { connection } = await connectRecorded('2026-07-28');
    await connection.client.listTools();
    await connection.close();
    expect(seen.length).toBeGreaterThanOrEqual(2);
    for (const { era, query } of seen) {
      expect(era).toBe('modern');
      expect(Object.fromEntries(query)).toEqual({ backend: 'mock', size: 'small', strategy: 'production', workspace: 'client-test', upstream: 'auto' });
    }
  });
});

describe('2025-11-25 (legacy)', () => {
  it('runs the initialize handshake; the stateless server hands out no session id and refuses the GET stream', async () => {
    const { connection, trace, http } = await connectRecorded('2025-11-25');
    try {
      expect(connection.protocolVersion).toBe('2025-11-25');
      const { tools } = await connection.client.listTools();
      expect(tools).toHaveLength(8);

      expect(methodsOf(trace.snapshot().filter((entry) => entry.direction === 'out'))).toEqual(['initialize', 'notifications/initialized', 'tools/list']);
      expect(sentRequests(trace).every((entry) => entry.envelope === undefined)).toBe(true);

      const refusedGet = http.entries.find((exchange) => exchange.method === 'GET');
      expect(refusedGet).toMatchObject({ status: 405 });
      expect(refusedGet?.responseHeaders.allow).toContain('POST');
      expect(http.entries.some((exchange) => exchange.method === 'DELETE')).toBe(false);
      expect(http.entries.every((exchange) => exchange.responseHeaders['mcp-session-id'] === undefined)).toBe(true);
      expect(summarizeWire(trace.snapshot(), http.entries)).toMatchObject({ handshake: 'initialize', sessionId: undefined, requestsWithEnvelope: 0 });
    } finally {
      await connection.close();
    }
    // Closing sends nothing: there is no session to end.
    const countBefore = http.entries.length;
    await connection.close();
    expect(http.entries.length).toBe(countBefore);
  });

  it('is served by the legacy fallback', async () => {
    seen.length = 0;
    const { connection } = await connectRecorded('2025-11-25');
    await connection.close();
    expect(seen.map(({ era }) => era)).toContain('legacy');
    expect(seen.every(({ era }) => era === 'legacy')).toBe(true);
  });
});

/** A fetch that never answers tools/call: it waits until the request is aborted. `sent` resolves once a call is waiting. */
function hangingCalls(): { fetch: FetchFunction; sent: Promise<void> } {
  let markSent!: () => void;
  const sent = new Promise<void>((resolve) => (markSent = resolve));
  const hanging: FetchFunction = (input, init) => {
    if (!String(init?.body ?? '').includes('"tools/call"')) return fetch(input, init);
    markSent();
    return new Promise((_, reject) => {
      const signal = init?.signal;
      signal?.addEventListener('abort', () => reject(signal.reason ?? new DOMException('Aborted', 'AbortError')), { once: true });
    });
  };
  return { fetch: hanging, sent };
}

describe.each(['2026-07-28', '2025-11-25'] as const)('close() on %s', (protocol) => {
  it('aborts a call in flight: the call rejects and the HTTP log records the exchange as aborted', async () => {
    const hanging = hangingCalls();
    const { connection, http } = await connectRecorded(protocol, hanging.fetch);
    const settled = connection.client.callTool({ name: 'list_tasks', arguments: {} }).then(
      () => 'resolved',
      () => 'rejected',
    );
    await hanging.sent;
    await connection.close();
    expect(await settled).toBe('rejected');
    await expect.poll(() => http.entries.at(-1)?.outcome).toBe('aborted');
    expect(http.entries.at(-1)?.status).toBe(0);
  });
});

describe('runOnConnection', () => {
  it('connects, gives every request the timeout, and closes after the work', async () => {
    const http = new HttpExchangeLog();
    let timeout: number | undefined;
    const names = await runOnConnection({ endpoint: endpoint(), settings: SETTINGS, http }, async ({ client, request }) => {
      timeout = request.timeout;
      return (await client.listTools(undefined, request)).tools.map((tool) => tool.name);
    });
    expect(names).toContain('list_tasks');
    expect(timeout).toBe(REQUEST_TIMEOUT_MS);
    expect(http.entries.map((exchange) => exchange.method)).toEqual(['POST', 'POST']);
  });

  it("a 2025 run waits for its background GET to be answered before closing, so the log shows the 405, not an abort", async () => {
    const http = new HttpExchangeLog();
    // The server answers the GET stream late — only once the call has its answer (an awaited event, not a sleep):
    // a close right after the call would cut it off.
    let callAnswered!: () => void;
    const answered = new Promise<void>((resolve) => (callAnswered = resolve));
    const slowGet: FetchFunction = async (input, init) => {
      if ((init?.method ?? 'GET') === 'GET') await answered;
      return fetch(input, init);
    };
    await runOnConnection({ endpoint: endpoint(), settings: SETTINGS, http, protocol: '2025-11-25', fetch: slowGet }, async ({ client, request }) => {
      const result = await client.callTool({ name: 'list_projects', arguments: {} }, request);
      callAnswered();
      return result;
    });
    const get = http.entries.find((exchange) => exchange.method === 'GET');
    expect(get).toMatchObject({ status: 405 });
  });

  it('a cancel rejects as cancelled (not as a failure) and aborts the request in flight', async () => {
    const http = new HttpExchangeLog();
    const abort = new AbortController();
    const hanging = hangingCalls();
    const run = runOnConnection({ endpoint: endpoint(), settings: SETTINGS, http, fetch: hanging.fetch, signal: abort.signal }, ({ client, request }) =>
      client.callTool({ name: 'list_tasks', arguments: {} }, request),
    );
    await hanging.sent;
    abort.abort(new DOMException('Cancelled in the test.', 'AbortError'));
    const error = await run.catch((caught: unknown) => caught);
    expect(isCancelled(error)).toBe(true);
    await expect.poll(() => http.entries.at(-1)?.outcome).toBe('aborted');
  });

  it('a failure says what failed: the HTTP status and the server’s error text', async () => {
    const refusing: FetchFunction = async () =>
      new Response(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32600, message: 'Request body too large: the limit is 1 MiB.' } }), {
        status: 413,
        statusText: 'Payload Too Large',
        headers: { 'Content-Type': 'application/json' },
      });
    const error = await runOnConnection({ endpoint: endpoint(), settings: SETTINGS, protocol: '2025-11-25', fetch: refusing }, async () => 'never').catch(
      (caught: Error) => caught,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('HTTP 413 Payload Too Large from the MCP endpoint: Request body too large: the limit is 1 MiB.');
  });
});

describe('endpointUrl', () => {
  it('puts every set setting in the query and leaves unset ones out', () => {
    const url = endpointUrl('http://127.0.0.1:3000/api/mcp', { backend: 'real', size: 'small', strategy: 'naive', token: undefined, upstream: 'auto', workspace: 'w-1' });
    expect(url.search).toBe('?backend=real&size=small&strategy=naive&upstream=auto&workspace=w-1');
  });

  it('refuses a relative endpoint outside a browser', () => {
    expect(() => endpointUrl('/api/mcp', SETTINGS)).toThrow(/relative/);
  });
});
