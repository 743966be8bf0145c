/**
 * MCP Dojo benchmark: prints a table and writes bench-results/bench.json.
 *
 *   npm run bench
 *
 * Everything runs on this machine against the mock (in process or over loopback HTTP); no timing is asserted —
 * these are figures to read and compare, not tests.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { serveFetch } from '@/lib/http/serve-fetch';
import { createMockBackend } from '@/lib/mock/backend';
import { estimateTokens } from '@/lib/mcp/budget';
import { createMcpHttpHandler } from '@/lib/mcp/http/handler';
import { createServerForSettings } from '@/lib/mcp/http/session-server';
import { SessionStore } from '@/lib/mcp/http/session-store';
import { PROVENANCE_META_KEY, type Provenance } from '@/lib/mcp/provenance';
import { createDojoMcpServer, type DojoServerOptions } from '@/lib/mcp/server';

const CALLS = Number(process.env.BENCH_CALLS ?? 200);
const RTT_MS = 25;

async function inProcessClient(options: DojoServerOptions = {}) {
  const server = createDojoMcpServer(options);
  const client = new Client({ name: 'bench', version: '1' });
  const [a, b] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(b), client.connect(a)]);
  return client;
}

async function call(client: Client, name: string, args: Record<string, unknown> = {}) {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

const provenance = (result: CallToolResult) => result._meta?.[PROVENANCE_META_KEY] as Provenance;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function latencies(client: Client, n: number): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 20; i++) await call(client, 'list_projects'); // warm up
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await call(client, 'list_projects');
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function httpVsInProcess() {
  const running = await serveFetch(
    createMcpHttpHandler({ createServer: createServerForSettings, store: new SessionStore({ idleMs: 600_000, maxSessions: 10 }) }),
  );
  const http = new Client({ name: 'bench', version: '1' });
  const transport = new StreamableHTTPClientTransport(new URL(`${running.origin}/api/mcp?size=small`));
  await http.connect(transport);
  const overHttp = await latencies(http, CALLS);
  await transport.terminateSession();
  await http.close();
  await running.close();
  const inProcess = await latencies(await inProcessClient({ mock: { size: 'small' } }), CALLS);
  return { calls: CALLS, overHttp, inProcess, ratioP50: overHttp.p50 / inProcess.p50 };
}

async function fullReads() {
  const rows = [];
  for (const size of ['small', 'large'] as const) {
    for (const pagination of ['first-page', 'all-pages'] as const) {
      // A simulated round trip per request, as to a real API.
      const backend = createMockBackend({ size, scenario: { name: 'slow', slow: { delayMs: RTT_MS } } });
      // Raw output: no project lookup, so the figures are the task listing's alone.
      const client = await inProcessClient({ mock: { backend }, strategies: { pagination, output: 'raw' } });
      const started = performance.now();
      const result = await call(client, 'list_tasks');
      const p = provenance(result);
      rows.push({
        size,
        pagination,
        tasksReturned: Number(result.structuredContent?.count),
        tasksThatExist: backend.store.activeTasks().length,
        pages: p.pages,
        requests: p.requests,
        ms: performance.now() - started,
      });
    }
  }
  return { rttMs: RTT_MS, rows };
}

async function upstreamDown() {
  const timeoutMs = 1_000;
  const resilience = { requestTimeoutMs: timeoutMs, deadlineMs: 10_000, retry: { maxAttempts: 2, baseMs: 50, capMs: 100 }, breaker: { failureThreshold: 2, cooldownMs: 60_000 } };
  const measure = async (fallback: 'resilient' | 'honest') => {
    const backend = createMockBackend({ size: 'small' });
    const client = await inProcessClient({ mock: { backend }, strategies: { fallback }, resilience });
    await call(client, 'list_projects'); // a good answer first (the cache has something)
    backend.setScenario('timeout'); // the upstream stops answering
    await call(client, 'list_projects'); // the call that discovers it (and opens the breaker)
    const started = performance.now();
    const result = await call(client, 'list_projects');
    return { ms: performance.now() - started, answer: result.isError ? 'error' : provenance(result).source };
  };
  const production = await measure('resilient');
  const noBreaker = await measure('honest');
  return { requestTimeoutMs: timeoutMs, production, noBreaker, ratio: noBreaker.ms / production.ms };
}

async function overviewVsRaw() {
  const rows = [];
  for (const size of ['small', 'large'] as const) {
    const backend = createMockBackend({ size });
    const compact = await call(await inProcessClient({ mock: { backend } }), 'get_overview');
    const raw = await call(await inProcessClient({ mock: { backend }, strategies: { output: 'raw', pagination: 'all-pages' } }), 'get_overview');
    const text = (result: CallToolResult) => result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
    const rawBytes = Buffer.byteLength(text(raw));
    const compactBytes = Buffer.byteLength(text(compact));
    rows.push({
      size,
      rawBytes,
      rawTokens: estimateTokens(text(raw)),
      overviewBytes: compactBytes,
      overviewTokens: estimateTokens(text(compact)),
      ratio: compactBytes / rawBytes,
    });
  }
  return rows;
}

const results = {
  machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
  latency: await httpVsInProcess(),
  fullReads: await fullReads(),
  upstreamDown: await upstreamDown(),
  overview: await overviewVsRaw(),
};

const ms = (value: number) => `${value.toFixed(1)} ms`;
console.log('\nMCP Dojo benchmark\n');
console.log(`1. tools/call latency (list_projects, ${results.latency.calls} calls)`);
console.table({
  'Streamable HTTP': { p50: ms(results.latency.overHttp.p50), p95: ms(results.latency.overHttp.p95) },
  'in process': { p50: ms(results.latency.inProcess.p50), p95: ms(results.latency.inProcess.p95) },
});
console.log(`   HTTP / in-process (p50): ×${results.latency.ratioP50.toFixed(1)}\n`);
console.log(`2. Full read of the task list, with a simulated ${RTT_MS} ms round trip per request`);
console.table(results.fullReads.rows.map((row) => ({ ...row, ms: ms(row.ms) })));
console.log('3. Answer time with the upstream not answering (after one call discovered it)');
console.table({
  'production (breaker open, stale cache)': { ms: ms(results.upstreamDown.production.ms), answer: results.upstreamDown.production.answer },
  'no breaker (honest)': { ms: ms(results.upstreamDown.noBreaker.ms), answer: results.upstreamDown.noBreaker.answer },
});
console.log(`   no breaker / production: ×${results.upstreamDown.ratio.toFixed(0)}\n`);
console.log('4. get_overview vs the raw API JSON for the same tasks');
console.table(results.overview.map((row) => ({ ...row, ratio: `${(row.ratio * 100).toFixed(1)} %` })));

mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/bench.json', JSON.stringify(results, null, 2));
console.log('Written: bench-results/bench.json');
process.exit(0);
