/**
 * The MCP endpoint as a Fetch handler: `(Request) => Promise<Response>`.
 *
 * Framework-free, so the same code runs in the Next route (app/api/mcp) and
 * over plain node:http in tests and benchmarks. In order, every request:
 * 1. passes the Origin/Host guard (DNS rebinding) and gets CORS headers;
 * 2. has its body capped before anything parses it;
 * 3. is tied to *who* is calling: a signed learner id (cookie or URL), else a throwaway workspace;
 * 4. is served by the SDK's `createMcpHandler`: 2026-07-28 natively, 2025-era
 *    clients through its stateless fallback — one fresh server per request
 *    either way, built from the caller's workspace. No session, so any
 *    instance can serve any request and nothing piles up between requests.
 *    A 2026-07-28 `subscriptions/listen` stream is fed by the caller's
 *    tenant's side of the event bus, and only by it (./listen.ts). Stateless
 *    2025 serving has no stream to push on: `resources/subscribe` says so.
 */
import { createMcpHandler, type AuthInfo, type OAuthTokenVerifier } from '@modelcontextprotocol/server';
import { getTenantEventBus, type TenantEventBus } from '@/lib/realtime/bus';
import { learnerFromRequest, serverSecret, type Tenant } from '@/lib/identity/learner';
import { checkOrigin, isAllowedOrigin, originPolicyFromEnv, type OriginPolicy } from '@/lib/http/origin';
import { mcpResourceUrl, publicOrigin } from '@/lib/http/public-origin';
import { readBodyCapped } from '@/lib/http/read-body';
import { getStateStore, StateStoreUnavailableError, type HeldLock, type StateStore } from '@/lib/state';
import { createNaiveTenancyServer, getNaiveProcesses, type NaiveProcesses } from '@/lib/tenancy/naive-server';
import { createRateLimiter, rateLimitFromEnv, type RateLimitSettings } from '@/lib/tenancy/rate-limit';
import { loadRealConfig } from '../real-config';
import type { ResilienceSettings } from '../resilience';
import { createDojoMcpServer } from '../server';
import type { RealConfig } from '../source';
import { strategiesFor } from '../strategies';
import { refuseMalformedToolCall } from '../tool-call-params';
import { errorText } from '@/lib/todoist/errors';
import { builtinStandin, type BuiltinStandin } from './builtin-standin';
import { identifyCaller, serverWideTokenFromEnv, type Caller } from './caller';
import { defaultAuth } from './endpoint-auth';
import { createListenRoute, isListenRequest } from './listen';
import { NAIVE_ON_REAL_ACCOUNT, naiveStrategyRefusal, realConfigFor, type UserTodoistAccess } from './real-upstream';
import { parseSessionSettings, type SessionSettings } from './session-settings';
import { openWorkspace } from './workspace';
import { lockWorkspace, needsWorkspaceLock, releaseWhenSent } from './workspace-lock';
import { Rooms } from '@/lib/workshop/rooms';
import { settingsInRoom } from '@/lib/workshop/room-workspace';
import { deliverThrough, type DeliverWebhooks } from '@/lib/mock/webhook-outbox';
import type { MockBackend } from '@/lib/mock/backend';
import { getPollingFallback } from '@/lib/realtime/live-process';
import { liveUpdatesNote, type PollingFallback } from '@/lib/realtime/polling-fallback';

export interface McpEndpointOptions {
  store?: StateStore;
  policy?: OriginPolicy;
  /** Largest request body accepted, in bytes (default 1 MiB, or DOJO_MAX_BODY_BYTES). */
  maxBodyBytes?: number;
  /** Where the real backend's token comes from (default: configuration discovery). */
  loadConfig?: () => Promise<RealConfig>;
  /** The Todoist stand-in for `upstream=standin|auto` (default: the app's built-in one). */
  standin?: () => Promise<BuiltinStandin>;
  secret?: Buffer;
  resilience?: Partial<ResilienceSettings>;
  now?: () => Date;
  /** The authorization server's side of signed-in calls (default: this app's own, lib/auth). */
  auth?: EndpointAuth;
  /** Whether callers without a token may use the server-wide Todoist token (default: DOJO_SERVER_WIDE_TOKEN, on). */
  serverWideToken?: boolean;
  /** Tool calls per tenant (default: DOJO_RATE_LIMIT_*). */
  rateLimit?: RateLimitSettings;
  /** Lesson 7's naive multi-user servers, one per learner (default: this process's). */
  naive?: NaiveProcesses;
  /** Where resource changes are published, per tenant; listen streams hear their tenant's (default: this process's). */
  bus?: TenantEventBus;
  /**
   * Where a mock workspace's webhooks go once its writes are stored (lesson 8): by default the built-in
   * stand-in's sender, which signs them with the stand-in app's secret — the key the receiver verifies.
   */
  deliverWebhooks?: DeliverWebhooks;
  /** Lesson 8's polling fallback, so a read can say which path brings the next change (default: this process's). */
  polling?: Pick<PollingFallback, 'isPolling' | 'intervalMs'>;
  /** Open `subscriptions/listen` streams one tenant may hold (default: DOJO_MAX_SUBSCRIPTIONS_PER_TENANT, or 10). */
  maxSubscriptionsPerTenant?: number;
  /** Workshop rooms: a seated caller's workspaces and scenario come from their room (default: this process's). */
  rooms?: Pick<Rooms, 'roomOf'>;
}

/** What the endpoint needs from the authorization server. */
export interface EndpointAuth {
  /** Verifies this server's access tokens, bound to `resourceUrl`. */
  verifier(resourceUrl: string): OAuthTokenVerifier;
  /** The Todoist token this server keeps for a signed-in user (decrypted for this call only), if any. */
  todoistAccess(tenant: Tenant): Promise<UserTodoistAccess | undefined>;
}

/** What the factory needs to know about a request; travels as the request's authInfo. */
interface RequestScope {
  tenant: Tenant;
  settings: SessionSettings;
  /** `tenancy=naive` only: whose demo this is (the learner), so the naive server's leak stays inside it. */
  household?: string;
}

const SCOPE_KEY = 'dojo/scope';
const ALLOWED_HEADERS = 'content-type, accept, authorization, mcp-protocol-version, mcp-session-id, last-event-id';
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_MAX_SUBSCRIPTIONS_PER_TENANT = 10;

/** What a 2025 client asking for `resources/subscribe` is told (the server advertises no `subscribe` to it). */
export const STATELESS_LEGACY_UPDATES =
  'this server serves 2025-11-25 clients statelessly — a fresh server for each request, no session and no GET stream — ' +
  'so it has nowhere to send notifications/resources/updated. Connect with protocol 2026-07-28 and open ' +
  'subscriptions/listen, or read the resource again when you need it fresh.';

export function createMcpEndpoint(options: McpEndpointOptions = {}): (request: Request) => Promise<Response> {
  const store = options.store ?? getStateStore();
  const policy = options.policy ?? originPolicyFromEnv();
  const secret = options.secret ?? serverSecret();
  const maxBodyBytes = options.maxBodyBytes ?? maxBodyFromEnv();
  const auth = options.auth ?? defaultAuth(store, secret);
  const serverWideToken = options.serverWideToken ?? serverWideTokenFromEnv();
  const loadConfig = options.loadConfig ?? (() => loadRealConfig());
  const upstreams = {
    // Multi-user: the server-wide token answers nobody, whatever `upstream` a caller asks for.
    loadConfig: serverWideToken ? loadConfig : async () => withoutServerWideToken(await loadConfig()),
    standin: options.standin ?? (() => builtinStandin(store, secret)),
    userAccess: auth.todoistAccess,
  };
  const limiter = createRateLimiter(store, options.rateLimit ?? rateLimitFromEnv());

  const naive = options.naive ?? getNaiveProcesses();
  const bus = options.bus ?? getTenantEventBus();
  const deliverWebhooks = options.deliverWebhooks ?? builtinStandinWebhooks(store, secret);
  const polling = options.polling ?? getPollingFallback(store);
  const rooms = options.rooms ?? new Rooms(store, bus);

  const factory: Parameters<typeof createMcpHandler>[0] = async (ctx) => {
    const { tenant, settings, household } = ctx.authInfo?.extra?.[SCOPE_KEY] as RequestScope;
    if (household) {
      return createNaiveTenancyServer(naive.for(household), async () => (await auth.todoistAccess(tenant))!);
    }
    const workspace = await openWorkspace(store, tenant, settings, options.now, deliverWebhooks);
    return createDojoMcpServer({
      backend: settings.backend,
      strategies: strategiesFor(settings),
      mock: { backend: workspace.mock },
      real: { loadConfig: realConfigFor(settings, tenant, upstreams) },
      resilience: options.resilience,
      resilienceRecord: workspace.resilience,
      workspace: workspace.label,
      tenant: { key: tenant.key, ...(tenant.user && { account: tenant.user.name }) },
      persist: workspace.persist,
      now: options.now,
      resourceUpdates:
        ctx.era === 'modern'
          ? { delivery: 'listen', health: () => bus.health(), livePath: () => livePathOf(workspace.mock, tenant, settings, polling) }
          : { delivery: 'none', why: STATELESS_LEGACY_UPDATES },
    });
  };
  const mcp = createMcpHandler(factory, { legacy: 'stateless', maxRequestBodySize: maxBodyBytes });
  const serveListen = createListenRoute({
    bus,
    factory,
    maxPerTenant: options.maxSubscriptionsPerTenant ?? maxSubscriptionsFromEnv(),
    maxRequestBodySize: maxBodyBytes,
  });

  const handle = async (request: Request): Promise<Response> => {
    const refusal = checkOrigin(request, policy);
    if (refusal) return jsonRpcError(403, -32000, `Forbidden: ${refusal}.`);
    const cors = corsHeaders(request.headers.get('origin'), policy);
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: cors });

    const parsed = parseSessionSettings(new URL(request.url));
    if ('error' in parsed) return withHeaders(jsonRpcError(400, -32602, parsed.error), cors);

    let body: Uint8Array<ArrayBuffer> | undefined;
    if (request.method === 'POST') {
      const read = await readBodyCapped(request, maxBodyBytes);
      if ('tooLarge' in read) {
        const limit = `${maxBodyBytes.toLocaleString('en-US')} bytes`;
        return withHeaders(
          jsonRpcError(413, -32600, `Request body too large: this endpoint accepts at most ${limit}. MCP messages are small JSON-RPC requests; send less data per call.`),
          cors,
        );
      }
      body = read.bytes;
    }

    const resourceUrl = mcpResourceUrl(publicOrigin(request));
    const identified = await identifyCaller(request, parsed.settings, {
      policy,
      secret,
      resourceUrl,
      verifier: auth.verifier(resourceUrl),
      serverWideToken,
    });
    if ('refusal' in identified) return withHeaders(identified.refusal, cors);
    const { caller } = identified;
    // Seated in a workshop room: the room's workspaces and the presenter's scenario.
    const settings = await settingsInRoom(rooms, caller.tenant, parsed.settings);

    const message = body && parseJson(body);
    if (message === INVALID_JSON) return withHeaders(jsonRpcError(400, -32700, 'Parse error: the request body is not JSON.'), cors);
    const malformed = refuseMalformedToolCall(message); // a readable -32602 where the SDK would dump zod issues
    if (malformed) return withHeaders(malformed, cors);
    const limited = await rateLimited(limiter, caller, message);
    if (limited) return withHeaders(limited, cors);

    const naiveRefused = await refuseNaiveStrategy(caller, settings, auth);
    if (naiveRefused) return withHeaders(naiveRefused, cors);

    let household: string | undefined;
    if (settings.tenancy === 'naive') {
      const refused = await refuseNaiveTenancy(caller, auth);
      if (refused) return withHeaders(refused, cors);
      household = learnerFromRequest(request, secret)?.key ?? caller.tenant.key;
    }

    const scope: RequestScope = { tenant: caller.tenant, settings, household };
    const authInfo: AuthInfo = {
      ...(caller.token ?? { token: '', clientId: caller.tenant.kind }),
      scopes: caller.scopes,
      extra: { ...caller.token?.extra, [SCOPE_KEY]: scope },
    };
    const forwarded = new Request(request.url, { method: request.method, headers: request.headers, body, signal: request.signal });
    const headers = { ...cors, ...(caller.cookie && { 'Set-Cookie': caller.cookie }) };
    if (isListenRequest(message)) return withHeaders(await serveListen(forwarded, caller.tenant, message, authInfo), headers);

    // A tool call changes its workspace: one at a time per workspace, whichever instance serves it (./workspace-lock.ts).
    let lock: HeldLock | undefined;
    try {
      if (needsWorkspaceLock(caller.tenant, message)) lock = await lockWorkspace(store, caller.tenant, settings.workspace);
    } catch (error) {
      return withHeaders(jsonRpcError(503, -32000, `The workspace is busy or unreachable: ${errorText(error)}`), headers);
    }
    try {
      const response = await mcp.fetch(forwarded, { authInfo, ...(message !== undefined && { parsedBody: message }) });
      return withHeaders(lock ? releaseWhenSent(response, lock) : response, headers);
    } catch (error) {
      await lock?.release();
      throw error;
    }
  };

  return async (request) => {
    try {
      return await handle(request);
    } catch (error) {
      // Redis lost mid-run: say so (and that it is retried), instead of a bare 500.
      if (!(error instanceof StateStoreUnavailableError)) throw error;
      return withHeaders(jsonRpcError(503, -32000, `${error.message} Retry in a moment.`), corsHeaders(request.headers.get('origin'), policy));
    }
  };
}

/** Which path brings a mock account's next change: its webhook, the polling fallback, or neither (nothing said). */
function livePathOf(mock: MockBackend | undefined, tenant: Tenant, settings: SessionSettings, polling: Pick<PollingFallback, 'isPolling' | 'intervalMs'>) {
  if (!mock) return undefined;
  const backend = { backend: 'mock' as const, upstream: settings.upstream, size: settings.size, seed: settings.seed };
  const path = mock.state.webhook ? 'webhook' : polling.isPolling({ tenant, workspace: settings.workspace, backend }) ? 'poll' : undefined;
  return liveUpdatesNote(path, polling.intervalMs / 1000);
}

/** Only a workspace with a webhook registered has anything to deliver: the stand-in starts on that first delivery. */
function builtinStandinWebhooks(store: StateStore, secret: Buffer): DeliverWebhooks {
  return (pending) => {
    builtinStandin(store, secret).then(
      (standin) => deliverThrough(standin.webhooks)(pending),
      (error: unknown) => console.error(`Webhooks not sent: the built-in stand-in did not start (${errorText(error)}).`),
    );
  };
}

function withoutServerWideToken(config: RealConfig): RealConfig {
  return {
    ...config,
    token: undefined,
    whereToSetToken: 'This server is multi-user (DOJO_SERVER_WIDE_TOKEN=off): no shared token is used. Sign in from your MCP client to read your own Todoist.',
  };
}

/** The naive strategy (canned todos on failure) runs against the stand-in only — never a real account. */
async function refuseNaiveStrategy(caller: Caller, settings: SessionSettings, auth: EndpointAuth): Promise<Response | undefined> {
  if (settings.backend !== 'real' || settings.strategy !== 'naive') return undefined;
  if (caller.tenant.kind === 'user') {
    const access = await auth.todoistAccess(caller.tenant);
    return access?.upstream === 'standin' ? undefined : jsonRpcError(400, -32602, NAIVE_ON_REAL_ACCOUNT);
  }
  const refusal = naiveStrategyRefusal(settings);
  return refusal ? jsonRpcError(400, -32602, refusal) : undefined;
}

/** The naive multi-user server runs for signed-in users of stand-in sample accounts only — never a real account. */
async function refuseNaiveTenancy(caller: Caller, auth: EndpointAuth): Promise<Response | undefined> {
  if (caller.tenant.kind !== 'user') {
    return jsonRpcError(400, -32602, 'tenancy=naive needs a signed-in user: sign in (lesson 7) and send the access token.');
  }
  const access = await auth.todoistAccess(caller.tenant);
  if (access?.upstream === 'standin') return undefined;
  return jsonRpcError(
    400,
    -32602,
    "tenancy=naive runs only against the stand-in's sample accounts: it would show one real person's tasks to another. Sign in with a stand-in sample user.",
  );
}

const INVALID_JSON = Symbol('invalid JSON');

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return INVALID_JSON;
  }
}

/** Each tool call takes a token from the caller's own bucket; an empty bucket is a 429 for that tenant only. */
async function rateLimited(limiter: ReturnType<typeof createRateLimiter>, caller: Caller, message: unknown): Promise<Response | undefined> {
  const calls = (Array.isArray(message) ? message : [message]).filter(
    (entry) => typeof entry === 'object' && entry !== null && (entry as { method?: unknown }).method === 'tools/call',
  );
  if (calls.length === 0) return undefined;
  // Throwaway callers have no tenant of their own to limit; they share one bucket.
  const bucket = caller.tenant.kind === 'anonymous' ? 'anonymous' : caller.tenant.key;
  for (const _ of calls) {
    const decision = await limiter.take(bucket);
    if (decision.allowed) continue;
    const id = (calls[0] as { id?: unknown }).id ?? null;
    const text =
      `Rate limit: this account made more tool calls than it may (a burst, then a steady rate per second). ` +
      `Wait ${decision.retryAfterSeconds} s and retry. Other accounts are not affected.`;
    return Response.json(
      { jsonrpc: '2.0', error: { code: -32000, message: text, data: { retryAfterSeconds: decision.retryAfterSeconds } }, id },
      { status: 429, headers: { 'Retry-After': String(decision.retryAfterSeconds) } },
    );
  }
  return undefined;
}

function maxBodyFromEnv(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.DOJO_MAX_BODY_BYTES);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_MAX_BODY_BYTES;
}

function maxSubscriptionsFromEnv(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.DOJO_MAX_SUBSCRIPTIONS_PER_TENANT);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_MAX_SUBSCRIPTIONS_PER_TENANT;
}

function corsHeaders(origin: string | null, policy: OriginPolicy): Record<string, string> {
  if (!origin || !isAllowedOrigin(origin, policy)) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': 'POST, OPTIONS',
    'Access-Control-Allow-Headers': ALLOWED_HEADERS,
    // 2025-era clients still look for a session id; the stateless server never sends one, but a client may read it.
    'Access-Control-Expose-Headers': 'Mcp-Session-Id, Mcp-Protocol-Version',
    Vary: 'Origin',
  };
}

function withHeaders(response: Response, extra: Record<string, string>): Response {
  if (Object.keys(extra).length === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

export function jsonRpcError(status: number, code: number, message: string): Response {
  return Response.json({ jsonrpc: '2.0', error: { code, message }, id: null }, { status });
}
