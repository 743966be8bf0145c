/**
 * MCP Dojo benchmark: prints a table and writes bench-results/bench.json.
 *
 *   npm run bench
 *
 * Everything runs on this machine against the mock (in process or over loopback HTTP); no timing is asserted —
 * these are figures to read and compare, not tests.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import {
  auth,
  Client,
  InMemoryTransport,
  StreamableHTTPClientTransport,
  type CallToolResult,
  type FetchLike,
  type OAuthClientInformationMixed,
  type OAuthClientProvider,
  type OAuthDiscoveryState,
  type OAuthTokens,
} from '@modelcontextprotocol/client';
import { Client as ClientV1 } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport as TransportV1 } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { standinUpstream } from '@/lib/auth/app-server';
import { createAuthorizationServer } from '@/lib/auth/authorization-server';
import { serveFetch } from '@/lib/http/serve-fetch';
import { issueLearnerId } from '@/lib/identity/learner';
import { createMockBackend } from '@/lib/mock/backend';
import { estimateTokens } from '@/lib/mcp/budget';
import { builtinStandinHandler, servedUnder, startBuiltinStandin } from '@/lib/mcp/http/builtin-standin';
import { createMcpEndpoint } from '@/lib/mcp/http/endpoint';
import { endpointAuthFrom } from '@/lib/mcp/http/endpoint-auth';
import { STANDIN_MOUNT_PATH } from '@/lib/mock/standin-oauth-app';
import { PROVENANCE_META_KEY, type Provenance } from '@/lib/mcp/provenance';
import { createDojoMcpServer, type DojoServerOptions } from '@/lib/mcp/server';
import { MemoryStateStore } from '@/lib/state';
import { percentile, syncBench, type ReadCost } from './bench-sync';

const CALLS = Number(process.env.BENCH_CALLS ?? 200);
/** Each way of calling gets CALLS / ROUNDS calls per round, rounds interleaved: a busy moment hits all of them. */
const ROUNDS = 4;
const RTT_MS = 25;
/** Changes timed from the stand-in to a subscribed client's notification. */
const CHANGES = Number(process.env.BENCH_CHANGES ?? 100);
/** The bench times the endpoint, not the per-tenant rate limiter: a bucket it never empties. */
const NO_RATE_LIMIT = { burst: 1e9, perSecond: 1e9 };

/** One long-lived server and client over InMemoryTransport, as over stdio (no HTTP, no per-request server). */
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

interface Latency {
  p50: number;
  p90: number;
  p95: number;
}

/** Warms every way of calling up, then times them in interleaved rounds. */
async function latencies(ways: Record<string, () => Promise<unknown>>): Promise<Record<string, Latency>> {
  const times: Record<string, number[]> = {};
  for (const [name, timed] of Object.entries(ways)) {
    for (let i = 0; i < 20; i++) await timed();
    times[name] = [];
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, timed] of Object.entries(ways)) {
      for (let i = 0; i < CALLS / ROUNDS; i++) {
        const started = performance.now();
        await timed();
        times[name]!.push(performance.now() - started);
      }
    }
  }
  return Object.fromEntries(
    Object.entries(times).map(([name, list]) => {
      list.sort((a, b) => a - b);
      return [name, { p50: percentile(list, 50), p90: percentile(list, 90), p95: percentile(list, 95) }];
    }),
  );
}

/**
 * `tools/call list_projects` through the whole /api/mcp endpoint (origin guard, body cap, learner id, a fresh
 * server per request over the learner's workspace), per protocol era:
 * - over HTTP: the endpoint served by serveFetch on loopback;
 * - in process: the same client, its fetch calling the endpoint function with a Request (no socket), so the
 *   difference between the two is what HTTP over loopback costs.
 * 2026-07-28: @modelcontextprotocol/client (versionNegotiation auto). 2025-11-25: @modelcontextprotocol/sdk 1.32,
 * what 2025-era hosts speak, served by the SDK's stateless legacy fallback.
 */
async function perRequestEndpoint() {
  const secret = randomBytes(32);
  const endpoint = createMcpEndpoint({ store: new MemoryStateStore({ idleMs: 600_000, maxEntries: 1_000 }), secret, rateLimit: NO_RATE_LIMIT });
  const running = await serveFetch(endpoint);
  const path = `/api/mcp?size=small&learner=${issueLearnerId(secret)}`;
  const overHttp = new URL(path, running.origin);
  const noSocket = new URL(path, 'http://127.0.0.1');
  const direct: FetchLike = (url, init) => endpoint(new Request(url, init));

  const modern = async (url: URL, fetch?: FetchLike) => {
    const client = new Client({ name: 'bench', version: '1' }, { versionNegotiation: { mode: 'auto' } });
    await client.connect(new StreamableHTTPClientTransport(url, { fetch }));
    const version = client.getNegotiatedProtocolVersion();
    if (version !== '2026-07-28') throw new Error(`the 2026-07-28 client negotiated ${version}`);
    return { timed: () => client.callTool({ name: 'list_projects', arguments: {} }), close: () => client.close() };
  };
  const legacy = async (url: URL, fetch?: FetchLike) => {
    const client = new ClientV1({ name: 'bench', version: '1' });
    const transport = new TransportV1(url, { fetch });
    await client.connect(transport);
    if (transport.protocolVersion !== '2025-11-25') throw new Error(`the 2025 client negotiated ${transport.protocolVersion}`);
    return { timed: () => client.callTool({ name: 'list_projects', arguments: {} }), close: () => client.close() };
  };
  const clients = {
    modernHttp: await modern(overHttp),
    modernInProcess: await modern(noSocket, direct),
    legacyHttp: await legacy(overHttp),
    legacyInProcess: await legacy(noSocket, direct),
  };
  const oneServer = await inProcessClient({ mock: { size: 'small' } });
  const figures = await latencies({
    ...Object.fromEntries(Object.entries(clients).map(([name, { timed }]) => [name, timed])),
    oneServerInMemory: () => call(oneServer, 'list_projects'),
  });
  for (const { close } of Object.values(clients)) await close();
  await oneServer.close();
  await running.close();
  const era = (http: Latency, inProcess: Latency) => ({ overHttp: http, inProcess, ratioP50: http.p50 / inProcess.p50 });
  return {
    calls: CALLS,
    modern: era(figures.modernHttp!, figures.modernInProcess!),
    legacy: era(figures.legacyHttp!, figures.legacyInProcess!),
    oneServerInMemory: figures.oneServerInMemory!,
  };
}

/** An MCP client's OAuth state, in memory; the redirect URI is never served: the bench reads the code off it. */
function memoryOAuthProvider(redirect: string) {
  const saved: { client?: OAuthClientInformationMixed; tokens?: OAuthTokens; verifier?: string; discovery?: OAuthDiscoveryState; authorizationUrl?: URL } = {};
  const provider: OAuthClientProvider = {
    redirectUrl: redirect,
    clientMetadata: { client_name: 'bench', redirect_uris: [redirect], token_endpoint_auth_method: 'none', grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'] },
    clientInformation: () => saved.client,
    saveClientInformation: (client) => void (saved.client = client),
    tokens: () => saved.tokens,
    saveTokens: (tokens) => void (saved.tokens = tokens),
    redirectToAuthorization: (url) => void (saved.authorizationUrl = url),
    saveCodeVerifier: (verifier) => void (saved.verifier = verifier),
    codeVerifier: () => saved.verifier!,
    // Lets the SDK check that the code comes back from the authorization server it sent the person to.
    saveDiscoveryState: (state) => void (saved.discovery = state),
    discoveryState: () => saved.discovery,
  };
  return { provider, saved };
}

/** The person's part of a sign-in: follow the redirects to the stand-in's consent page, allow as `user`, come back. */
async function consent(authorizationUrl: URL, user: string, redirect: string): Promise<URL> {
  const cookies = new Map<string, string>();
  const get = async (url: string) => {
    const cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    for (const line of response.headers.getSetCookie()) {
      const [name, value] = line.split(';')[0]!.split('=') as [string, string];
      cookies.set(name.trim(), value);
    }
    return response;
  };
  const consentPage = new URL((await get(authorizationUrl.href)).headers.get('location')!);
  const form = new URLSearchParams(consentPage.searchParams);
  form.set('user', user);
  form.set('decision', 'allow');
  const decided = await fetch(consentPage.origin + consentPage.pathname, { method: 'POST', body: form, redirect: 'manual' });
  let next = decided.headers.get('location')!;
  while (!next.startsWith(redirect)) next = (await get(next)).headers.get('location') ?? fail(`the sign-in stopped at ${next}`);
  return new URL(next);
}

function fail(message: string): never {
  throw new Error(message);
}

/**
 * What token verification costs per call: the same `tools/call list_projects` over HTTP through the endpoint,
 * once as a local learner (no token) and once signed in — a real access token from this app's authorization
 * server, got by the SDK client's own auth() (discovery, registration, PKCE, the stand-in's consent as Alice,
 * the code exchange). Signed in, every call verifies the JWT (jose, HS256) and looks its grant up in the store.
 */
async function tokenVerification() {
  const secret = randomBytes(32);
  const store = new MemoryStateStore({ idleMs: 600_000, maxEntries: 10_000 });
  const standin = await startBuiltinStandin(store, secret);
  const authServer = createAuthorizationServer({ store, secret, env: {}, upstream: async (origin) => standinUpstream(standin, origin) });
  const endpoint = createMcpEndpoint({
    store,
    secret,
    auth: endpointAuthFrom(authServer, async () => standin.baseUrl),
    standin: async () => standin,
    rateLimit: NO_RATE_LIMIT,
  });
  const standinMount = servedUnder(STANDIN_MOUNT_PATH, builtinStandinHandler(store, secret, {}));
  // Plays the app: the authorization server, the stand-in's consent page under /standin, the MCP endpoint.
  const running = await serveFetch(async (request) => {
    const answered = await authServer.fetch(request);
    if (answered) return answered;
    if (new URL(request.url).pathname.startsWith(`${STANDIN_MOUNT_PATH}/`)) return standinMount(request);
    return endpoint(request);
  });

  const serverUrl = `${running.origin}/api/mcp`;
  const redirect = 'http://127.0.0.1:9/bench/callback';
  const { provider, saved } = memoryOAuthProvider(redirect);
  if ((await auth(provider, { serverUrl })) !== 'REDIRECT') throw new Error('auth() did not ask for a sign-in');
  const arrivedAt = await consent(saved.authorizationUrl!, 'alice', redirect);
  const code = arrivedAt.searchParams.get('code') ?? fail('no authorization code');
  if ((await auth(provider, { serverUrl, authorizationCode: code, iss: arrivedAt.searchParams.get('iss') ?? undefined })) !== 'AUTHORIZED') {
    throw new Error('auth() did not sign in');
  }

  const connect = async (url: string, authProvider?: OAuthClientProvider) => {
    const client = new Client({ name: 'bench', version: '1' }, { versionNegotiation: { mode: 'auto' } });
    await client.connect(new StreamableHTTPClientTransport(new URL(url), { authProvider }));
    return client;
  };
  const learner = await connect(`${serverUrl}?size=small&learner=${issueLearnerId(secret)}`);
  const signedIn = await connect(`${serverUrl}?size=small`, provider);
  // Both answer from the mock: what differs is who the caller is, and how the endpoint learns it.
  const signedInAnswer = await call(signedIn, 'list_projects');
  if (signedInAnswer.isError || provenance(signedInAnswer).tenant !== 'user-standin-alice') throw new Error('the signed-in call was not served as Alice');
  const figures = await latencies({
    noToken: () => call(learner, 'list_projects'),
    withToken: () => call(signedIn, 'list_projects'),
  });
  await learner.close();
  await signedIn.close();
  await running.close();
  await standin.close();
  return {
    calls: CALLS,
    signedInAs: provenance(signedInAnswer).account,
    noToken: figures.noToken!,
    withToken: figures.withToken!,
    ratioP50: figures.withToken!.p50 / figures.noToken!.p50,
    costP50Ms: figures.withToken!.p50 - figures.noToken!.p50,
  };
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
        tasksReturned: Number((result.structuredContent as { count?: number } | undefined)?.count),
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
  latency: await perRequestEndpoint(),
  tokenVerification: await tokenVerification(),
  fullReads: await fullReads(),
  upstreamDown: await upstreamDown(),
  overview: await overviewVsRaw(),
  realtime: await syncBench(RTT_MS, CHANGES),
};

const ms = (value: number) => `${value.toFixed(1)} ms`;
console.log('\nMCP Dojo benchmark\n');
const latencyRow = ({ p50, p90, p95 }: Latency) => ({ p50: ms(p50), p90: ms(p90), p95: ms(p95) });
console.log(`1. tools/call latency through the per-request /api/mcp endpoint (list_projects, ${results.latency.calls} calls each, mock small)`);
console.table({
  '2026-07-28 over HTTP': latencyRow(results.latency.modern.overHttp),
  '2026-07-28 in process': latencyRow(results.latency.modern.inProcess),
  '2025-11-25 over HTTP': latencyRow(results.latency.legacy.overHttp),
  '2025-11-25 in process': latencyRow(results.latency.legacy.inProcess),
  'one server, InMemoryTransport': latencyRow(results.latency.oneServerInMemory),
});
console.log(`   HTTP / in process (p50): 2026-07-28 ×${results.latency.modern.ratioP50.toFixed(1)}, 2025-11-25 ×${results.latency.legacy.ratioP50.toFixed(1)}`);
console.log('   in process: the endpoint function called with a Request, no socket. One server: a long-lived McpServer over');
console.log('   InMemoryTransport, as over stdio (no per-request server). 2026-07-28: @modelcontextprotocol/client, auto;');
console.log('   2025-11-25: @modelcontextprotocol/sdk 1.32.\n');
console.log(`2. Token verification per call (list_projects over HTTP through /api/mcp, ${results.tokenVerification.calls} calls each, 2026-07-28)`);
console.table({
  'no token (local learner)': latencyRow(results.tokenVerification.noToken),
  [`access token (signed in as ${results.tokenVerification.signedInAs ?? '?'})`]: latencyRow(results.tokenVerification.withToken),
});
console.log(
  `   with / without a token (p50): ×${results.tokenVerification.ratioP50.toFixed(2)} (${results.tokenVerification.costP50Ms >= 0 ? '+' : ''}${ms(results.tokenVerification.costP50Ms)} per call)`,
);
console.log('   The token: from this app\'s authorization server via the SDK client\'s auth() (PKCE, the stand-in\'s consent);');
console.log('   each call verifies the JWT (jose, HS256, issuer, audience) and checks its grant is not revoked.\n');
console.log(`3. Full read of the task list, with a simulated ${RTT_MS} ms round trip per request`);
console.table(results.fullReads.rows.map((row) => ({ ...row, ms: ms(row.ms) })));
console.log('4. Answer time with the upstream not answering (after one call discovered it)');
console.table({
  'production (breaker open, stale cache)': { ms: ms(results.upstreamDown.production.ms), answer: results.upstreamDown.production.answer },
  'no breaker (honest)': { ms: ms(results.upstreamDown.noBreaker.ms), answer: results.upstreamDown.noBreaker.answer },
});
console.log(`   no breaker / production: ×${results.upstreamDown.ratio.toFixed(0)}\n`);
console.log('5. get_overview vs the raw API JSON for the same tasks');
console.table(results.overview.map((row) => ({ ...row, ratio: `${(row.ratio * 100).toFixed(1)} %` })));
const { realtime } = results;
const bytes = (value: number) => `${Math.round(value).toLocaleString('en-US')} B`;
const costRow = ({ requests, bytes: size, ms: time, tasks }: ReadCost) => ({ requests, bytes: bytes(size), ms: ms(time), tasks });
console.log(`6. Full read of the large dataset (${realtime.tasksThatExist} tasks) over loopback HTTP, ${realtime.rttMs} ms round trip per request`);
console.table({
  'paging GET /tasks (cursor loop, limit 200)': costRow(realtime.fullRead.paging),
  'one full sync (sync_token *, items)': costRow(realtime.fullRead.fullSync),
});
console.log('   ms: the median of 3 runs after a warm-up. tasks: what the read returned.\n');
console.log('7. Refresh after one change (a task completed through REST)');
console.table({
  're-page every task': costRow(realtime.refreshAfterOneChange.repaging),
  'incremental sync (the previous token)': costRow(realtime.refreshAfterOneChange.incrementalSync),
});
console.log('   tasks: for the sync, the changed tasks the delta carries.\n');
const latency = realtime.changeToNotification;
console.log(`8. Change-to-notification latency over ${latency.changes} changes (webhook → receiver → incremental sync → bus → subscriptions/listen)`);
const percentileRow = ({ p50, p95, max }: { p50: number; p95: number; max: number }) => ({ p50: ms(p50), p95: ms(p95), max: ms(max) });
console.table({
  'from the change stored on the stand-in': percentileRow(latency.fromChangeMs),
  'from the write request sent': percentileRow(latency.fromWriteRequestMs),
});
console.log(
  `   the sync behind each notification: ${latency.syncRequestsPerNotification.p50} request (max ${latency.syncRequestsPerNotification.max}), ` +
    `${bytes(latency.syncBytesPerNotification.p50)} (p50; max ${bytes(latency.syncBytesPerNotification.max)}); ${latency.webhookRefreshes} deliveries refreshed the replica.`,
);
console.log(`   The webhook leaves ${realtime.rttMs / 2} ms late (one way); Todoist requests, the write and the sync, take the ${realtime.rttMs} ms round trip;`);
console.log('   the notification reaches a 2026-07-28 client (@modelcontextprotocol/client) listening on /api/mcp over loopback.\n');

mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/bench.json', JSON.stringify(results, null, 2));
console.log('Written: bench-results/bench.json');
process.exit(0);
