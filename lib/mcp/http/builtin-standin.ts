/**
 * The app's own Todoist stand-in, for the real backend when no token is
 * configured: the mock's handlers served over real HTTP on loopback, started
 * with the app on first use (no second command). The real code path — fetch,
 * status codes, JSON bodies, pagination over HTTP — runs for a newcomer with
 * no token and no network, and provenance says it is sample data.
 *
 * Each caller gets their own sample account: the token the app sends is
 * signed for one tenant and workspace, and the stand-in keeps that account's
 * data in the StateStore like any other workspace state.
 *
 * It also speaks Todoist's OAuth (lib/mock/standin-oauth.ts), so signing in
 * "with Todoist" works offline: the app's server talks to this loopback
 * server (token exchange, revoke, API), and the browser reaches the consent
 * page through the app itself at /standin/oauth/authorize (app/standin), the
 * same handler over the same StateStore — a code issued by one is redeemed
 * by the other.
 *
 * An account with a webhook registered (`registerStandinWebhook`, from the
 * server, never from a request: the stand-in is also served on the app's
 * public origin) has its events delivered once its state is stored — signed,
 * as Todoist signs, with the client secret of the stand-in's OAuth app, the
 * one the app's receiver knows (`webhooks` sends them and keeps their log).
 */
import { serverSecret, type Tenant } from '@/lib/identity/learner';
import { hasValidSignature, sign } from '@/lib/identity/signature';
import { readBodyCapped } from '@/lib/http/read-body';
import { serveFetch, type FetchHandler } from '@/lib/http/serve-fetch';
import { API_ERRORS, apiErrorResponse } from '@/lib/mock/api-errors';
import { createMockBackend } from '@/lib/mock/backend';
import { createStandinOAuth } from '@/lib/mock/standin-oauth';
import { standinOAuthApp, STANDIN_MOUNT_PATH } from '@/lib/mock/standin-oauth-app';
import { deliverThrough, type DeliverWebhooks, type WebhookRegistration } from '@/lib/mock/webhook-outbox';
import { createWebhookSender, type WebhookSender } from '@/lib/mock/webhook-sender';
import { newMockWorkspaceState, type MockWorkspaceState } from '@/lib/mock/workspace-state';
import { stateKey, type StateStore } from '@/lib/state';

/** The stand-in's sample accounts: the `small` dataset (180 tasks over 4 pages of 50). */
const SAMPLE = { size: 'small', seed: 1 } as const;

export interface BuiltinStandin {
  /** e.g. http://127.0.0.1:41234/api/v1 */
  baseUrl: string;
  /** e.g. http://127.0.0.1:41234 — loopback: for this server's own calls, never for a browser. */
  origin: string;
  /** The app's registration with the stand-in's OAuth, and where to use it. */
  oauth: StandinOAuthEndpoints;
  /** The token that opens this caller's sample account. */
  tokenFor(tenant: Tenant, workspace: string): string;
  /** Sends the accounts' webhooks; its log shows each account's deliveries. */
  webhooks: WebhookSender;
}

export interface StandinOAuthEndpoints {
  clientId: string;
  /** Secret: send it to the stand-in only, never to a page or a log. */
  clientSecret: string;
  /** Where a browser signs in: this path on the app's own public origin (the app mounts the stand-in there). */
  browserAuthorizePath: string;
  /** The same consent page on loopback, for tests that play the browser. */
  authorizeUrl: string;
  /** POST client_id, client_secret, code → {access_token, token_type}. */
  tokenUrl: string;
  /** POST with HTTP Basic client_id:client_secret, {token} → 200. */
  revokeUrl: string;
}

const globalForStandin = globalThis as typeof globalThis & { dojoBuiltinStandin?: Promise<BuiltinStandin> };

export interface StartBuiltinStandinOptions {
  /** Default: a sender signing with the stand-in's OAuth app's client secret, retrying as Todoist does. */
  webhooks?: WebhookSender;
}

/** The stand-in of this process, started on first use. */
export function builtinStandin(store: StateStore, secret: Buffer = serverSecret()): Promise<BuiltinStandin> {
  globalForStandin.dojoBuiltinStandin ??= startBuiltinStandin(store, secret).catch((error: unknown) => {
    globalForStandin.dojoBuiltinStandin = undefined; // let the next call try again
    throw error;
  });
  return globalForStandin.dojoBuiltinStandin;
}

export async function startBuiltinStandin(
  store: StateStore,
  secret: Buffer,
  options: StartBuiltinStandinOptions = {},
): Promise<BuiltinStandin & { close(): Promise<void> }> {
  const app = standinOAuthApp(secret);
  const webhooks = options.webhooks ?? createWebhookSender({ clientSecret: app.clientSecret, retryDelayMs: webhookRetryDelayMs() });
  const deliverWebhooks = deliverThrough(webhooks);
  const running = await serveFetch(builtinStandinHandler(store, secret, undefined, { deliverWebhooks }), { host: '127.0.0.1', port: 0 });
  // Never keep a process alive just for the stand-in.
  running.server.unref();
  const baseUrl = `${running.origin}/api/v1`;
  return {
    baseUrl,
    origin: running.origin,
    oauth: {
      ...app,
      browserAuthorizePath: `${STANDIN_MOUNT_PATH}/oauth/authorize`,
      authorizeUrl: `${running.origin}/oauth/authorize`,
      tokenUrl: `${running.origin}/oauth/access_token`,
      revokeUrl: `${baseUrl}/revoke`,
    },
    tokenFor: (tenant, workspace) => signToken(`${tenant.key}/${workspace}`, secret),
    webhooks,
    close: async () => {
      webhooks.close();
      await running.close();
    },
  };
}

export interface BuiltinStandinHandlerOptions {
  /** Takes an account's webhook events once its state is stored (without it, none are sent). */
  deliverWebhooks?: DeliverWebhooks;
}

/** What the stand-in answers, wherever it is served: its OAuth first, then the signed per-workspace accounts. */
export function builtinStandinHandler(
  store: StateStore,
  secret: Buffer,
  env?: Record<string, string | undefined>,
  options: BuiltinStandinHandlerOptions = {},
): FetchHandler {
  const oauth = createStandinOAuth({ store, secret, env, deliverWebhooks: options.deliverWebhooks });
  return async (request) => {
    const answered = await oauth(request);
    if (answered) return answered;
    if (!new URL(request.url).pathname.startsWith('/api/v1/')) return apiErrorResponse(API_ERRORS.notFound, { message: 'Not found' });
    return answerSignedAccount(store, secret, request, options.deliverWebhooks);
  };
}

/** Todoist's own answer to an oversized request is a 413; its largest legitimate bodies are a few KiB. */
export const MAX_STANDIN_BODY_BYTES = 256 * 1024;

/**
 * The stand-in served under a path of the app (`/standin/oauth/authorize` →
 * `/oauth/authorize`), for a Next route: the browser reaches the consent page
 * on the app's own origin, where the learner's cookie comes along.
 */
export function servedUnder(prefix: string, handler: FetchHandler): FetchHandler {
  return async (request) => {
    const url = new URL(request.url);
    if (url.pathname !== prefix && !url.pathname.startsWith(`${prefix}/`)) {
      return apiErrorResponse(API_ERRORS.notFound, { message: 'Not found' });
    }
    url.pathname = url.pathname.slice(prefix.length) || '/';
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    // A public route of the app: its body is capped before anything reads it, like every other endpoint's.
    const body = hasBody ? await readBodyCapped(request, MAX_STANDIN_BODY_BYTES) : undefined;
    if (body && 'tooLarge' in body) {
      const limit = `${MAX_STANDIN_BODY_BYTES.toLocaleString('en-US')} bytes`;
      return apiErrorResponse(API_ERRORS.requestTooLarge, { message: `Request body too large: the stand-in accepts at most ${limit}.` });
    }
    return handler(new Request(url, { method: request.method, headers: request.headers, body: body?.bytes, signal: request.signal }));
  };
}

async function answerSignedAccount(store: StateStore, secret: Buffer, request: Request, deliverWebhooks?: DeliverWebhooks): Promise<Response> {
  const account = verifyToken(request.headers.get('authorization'), secret);
  if (!account) return apiErrorResponse(API_ERRORS.unauthorized, { message: 'Invalid token: not one this stand-in issued' });
  const [tenantKey, workspace] = account.split('/') as [string, string];
  const key = signedAccountKey(tenantKey, workspace);
  const state = (await store.get<MockWorkspaceState>(key)) ?? newMockWorkspaceState();
  const backend = createMockBackend({ ...SAMPLE, state });
  try {
    return await backend.transport(request);
  } finally {
    // Anonymous callers' accounts are throwaway, like their workspaces: never stored, so nothing to announce.
    if (!tenantKey.startsWith('anon-')) {
      await store.set(key, state);
      // Only once the change is stored: the receiver's sync must find it.
      const pending = backend.takeWebhookOutbox();
      if (pending) deliverWebhooks?.(pending);
    }
  }
}

/**
 * Registers (or, with `undefined`, removes) the webhook of a caller's sample
 * account, the one `tokenFor(tenant, workspace)` opens. For the server only:
 * the callback URL is the server's choice, never a request's.
 * Returns the account's Todoist user id: the `user_id` its webhooks carry.
 */
export async function registerStandinWebhook(
  store: StateStore,
  tenant: Tenant,
  workspace: string,
  registration: WebhookRegistration | undefined,
): Promise<string> {
  const key = signedAccountKey(tenant.key, workspace);
  const state = (await store.get<MockWorkspaceState>(key)) ?? newMockWorkspaceState();
  const backend = createMockBackend({ ...SAMPLE, state });
  backend.setWebhook(registration);
  if (!tenant.key.startsWith('anon-')) await store.set(key, state);
  return backend.userId;
}

function signedAccountKey(tenantKey: string, workspace: string): string {
  return stateKey(tenantKey, workspace, `standin-${SAMPLE.size}-${SAMPLE.seed}`);
}

function signToken(account: string, secret: Buffer): string {
  const payload = Buffer.from(account).toString('base64url');
  return `standin.${payload}.${sign('standin', payload, secret)}`;
}

function verifyToken(header: string | null, secret: Buffer): string | undefined {
  const [scheme, token] = (header ?? '').split(' ');
  if (scheme !== 'Bearer' || !token) return undefined;
  const [prefix, payload, signature] = token.split('.');
  if (prefix !== 'standin' || !payload || !signature) return undefined;
  if (!hasValidSignature('standin', payload, signature, secret)) return undefined;
  return Buffer.from(payload, 'base64url').toString();
}

/**
 * Todoist retries a delivery 15 minutes after a non-200; the app's stand-in waits
 * DOJO_WEBHOOK_RETRY_SECONDS (10 s by default), so a lesson can show a retry arrive.
 */
export function webhookRetryDelayMs(env: Record<string, string | undefined> = process.env): number {
  const seconds = Number(env.DOJO_WEBHOOK_RETRY_SECONDS);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : 10) * 1000;
}
