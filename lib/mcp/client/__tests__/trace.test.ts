/**
 * The protocol trace through the real SDK v2 Client and the Dojo server, in
 * process (a 2025-era connection: the in-memory pair runs the initialize
 * handshake). The 2026-07-28 wire, envelope included, is in connect.test.ts.
 */
import { Client, InMemoryTransport } from '@modelcontextprotocol/client';
import { afterEach, describe, expect, it } from 'vitest';
import { createDojoMcpServer } from '@/lib/mcp/server';
import { envelopeKeys, ProtocolTrace, traceTransport, type TraceEntry } from '../trace';

const NOW = new Date('2026-10-01T09:00:00Z');
let closeAll: () => Promise<void> = async () => undefined;
afterEach(() => closeAll());

async function connectTraced(trace = new ProtocolTrace()) {
  // Pages, not one full sync: each page is a progress notification to trace.
  const server = createDojoMcpServer({ backend: 'mock', mock: { size: 'small', seed: 1 }, strategies: { fullRead: 'pages' }, now: () => NOW });
  const client = new Client({ name: 'trace-test', version: '1.0.0' });
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  await server.connect(serverTransport);
  await client.connect(traceTransport(clientTransport, trace));
  closeAll = () => client.close();
  return { client, trace };
}

const label = (entry: TraceEntry) => `${entry.direction} ${entry.kind} ${entry.method ?? ''}`.trim();

describe('traceTransport', () => {
  it('records the handshake: initialize request and response paired by id, then notifications/initialized', async () => {
    const { trace } = await connectTraced();
    const entries = trace.snapshot();

    expect(entries.map(label)).toEqual(['out request initialize', 'in response', 'out notification notifications/initialized']);
    const [request, response] = entries;
    expect(response?.id).toBe(request?.id);
    expect(response?.answers).toBe('initialize');
    expect(response?.latencyMs).toBeGreaterThanOrEqual(0);
    expect(request?.latencyMs).toBeUndefined();
    expect(entries.map((entry) => entry.seq)).toEqual([1, 2, 3]);
    for (const entry of entries) {
      expect(entry.size).toBeGreaterThan(0);
      expect(entry.size).toBe(new TextEncoder().encode(JSON.stringify(entry.message)).length);
      expect(entry.at).toBeGreaterThan(0);
    }
  });

  it('records tools/list, and a tools/call with its progress notifications in order before the response', async () => {
    const { client, trace } = await connectTraced();
    await client.listTools();
    const progress: string[] = [];
    await client.callTool({ name: 'list_tasks', arguments: {} }, { onprogress: (update) => progress.push(update.message ?? '') });

    const entries = trace.snapshot().slice(3); // after the handshake
    expect(entries.map(label)).toEqual([
      'out request tools/list',
      'in response',
      'out request tools/call',
      'in notification notifications/progress',
      'in notification notifications/progress',
      'in response',
    ]);
    const call = entries[2];
    const callResponse = entries[5];
    expect(callResponse?.id).toBe(call?.id);
    expect(callResponse?.answers).toBe('tools/call');
    expect(entries[1]?.answers).toBe('tools/list');
    expect(callResponse?.latencyMs).toBeGreaterThanOrEqual(0);

    const progressValues = entries
      .filter((entry) => entry.method === 'notifications/progress')
      .map((entry) => ('params' in entry.message ? entry.message.params?.progress : undefined));
    expect(progressValues).toEqual([1, 2]);
    // The client saw the same notifications the trace did.
    expect(progress).toHaveLength(2);
    expect(progress[0]).toMatch(/^tasks: page 1/);
  });

  it('marks JSON-RPC error responses as errors, still paired with their request', async () => {
    const { client, trace } = await connectTraced();
    await expect(client.getPrompt({ name: 'no-such-prompt' })).rejects.toThrow();
    const last = trace.snapshot().at(-1);
    const request = trace.snapshot().at(-2);
    expect(last).toMatchObject({ direction: 'in', kind: 'error', id: request?.id, answers: 'prompts/get' });
    expect(last?.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('passes the wrapped transport through: the client still works after tracing', async () => {
    const { client } = await connectTraced();
    expect(client.getServerVersion()?.name).toBe('mcp-dojo');
    const { tools } = await client.listTools();
    expect(tools).toHaveLength(8);
  });
});

describe('envelopeKeys', () => {
  it('finds the io.modelcontextprotocol/* keys in params._meta or result._meta, and nothing else', () => {
    expect(
      envelopeKeys({
        jsonrpc: '2.0',
        id: 1,
        method: 'tools/call',
        params: { name: 'x', _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', progressToken: 1 } },
      }),
    ).toEqual(['io.modelcontextprotocol/protocolVersion']);
    expect(envelopeKeys({ jsonrpc: '2.0', id: 1, result: { _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'mcp-dojo', version: '0.2.0' } } } })).toEqual([
      'io.modelcontextprotocol/serverInfo',
    ]);
    expect(envelopeKeys({ jsonrpc: '2.0', id: 1, method: 'tools/list' })).toEqual([]);
  });

  it('is not recorded on a 2025-era connection, which has no envelope', async () => {
    const { client, trace } = await connectTraced();
    await client.listTools();
    expect(trace.snapshot().filter((entry) => entry.envelope !== undefined)).toEqual([]);
  });
});

describe('ProtocolTrace', () => {
  it('clear() empties the trace, notifies subscribers, and seq keeps counting', async () => {
    const { client, trace } = await connectTraced();
    let notified = 0;
    const unsubscribe = trace.subscribe(() => notified++);

    trace.clear();
    expect(trace.snapshot()).toEqual([]);
    expect(notified).toBe(1);

    await client.listTools();
    expect(trace.snapshot().map((entry) => entry.seq)).toEqual([4, 5]);
    expect(notified).toBe(3);

    unsubscribe();
    await client.listTools();
    expect(notified).toBe(3);
  });

  it('keeps a snapshot stable until the next change (what useSyncExternalStore needs)', () => {
    const trace = new ProtocolTrace();
    const before = trace.snapshot();
    expect(trace.snapshot()).toBe(before);
    trace.append({ direction: 'out', kind: 'notification', method: 'x', at: 1, size: 1, message: { jsonrpc: '2.0', method: 'x' } });
    expect(trace.snapshot()).not.toBe(before);
    expect(trace.snapshot()).toBe(trace.snapshot());
  });

  it('drops the oldest entries beyond maxEntries', () => {
    const trace = new ProtocolTrace({ maxEntries: 2 });
    for (const method of ['a', 'b', 'c']) {
      trace.append({ direction: 'out', kind: 'notification', method, at: 1, size: 1, message: { jsonrpc: '2.0', method } });
    }
    expect(trace.snapshot().map((entry) => entry.method)).toEqual(['b', 'c']);
  });
});
