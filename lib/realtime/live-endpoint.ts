/**
 * Lesson 8's switch for a learner's live demo: how their mock account's
 * changes reach the server.
 *
 *   POST /api/realtime/live?workspace=real-time&size=small  {"delivery":"webhook","faults":{"duplicate":true}}
 *   POST /api/realtime/live?workspace=real-time&size=small  {"delivery":"poll"}
 *   GET  /api/realtime/live?workspace=real-time&size=small  → which path is live, and the account's delivery log
 *
 * `webhook` registers this server's own receiver as the account's callback —
 * never a URL from the request, or the server could be made to POST anywhere
 * (DOJO_WEBHOOK_CALLBACK_URL overrides it behind a proxy). `poll` removes the
 * webhook, as if none could reach the server, and polls with incremental sync
 * while the learner is subscribed. Either way the replica is primed: a full
 * sync, and the account registered under the user id Sync reports, so the
 * next delivery finds this tenant.
 *
 * The learner comes from the cookie, as for the other workspace routes; a
 * mock workspace only (a real account's webhooks are configured at Todoist).
 */
import { learnerFromRequest, serverSecret, type Tenant } from '@/lib/identity/learner';
import { readJsonBody } from '@/lib/http/json-body';
import { checkOrigin, originPolicyFromEnv, type OriginPolicy } from '@/lib/http/origin';
import { publicOrigin } from '@/lib/http/public-origin';
import { parseSessionSettings, type SessionSettings } from '@/lib/mcp/http/session-settings';
import { mockStateKey, registerWorkspaceWebhook } from '@/lib/mcp/http/workspace';
import { stateChangeRefusal } from '@/lib/mcp/http/workspace-endpoint';
import { createMockBackend } from '@/lib/mock/backend';
import { parseWebhookRegistration } from '@/lib/mock/webhook-outbox';
import type { WebhookDeliveryLogEntry } from '@/lib/mock/webhook-delivery-log';
import type { MockWorkspaceState } from '@/lib/mock/workspace-state';
import type { StateStore } from '@/lib/state';
import { errorText } from '@/lib/todoist/errors';
import type { AccountBackend, RegisteredAccount } from './accounts';
import type { PollingFallback } from './polling-fallback';
import { Rooms } from '@/lib/workshop/rooms';
import { getTenantEventBus } from './bus';
import { settingsInRoom } from '@/lib/workshop/room-workspace';
import { primeReplica, type AccountConnector } from './webhook-trigger';

export const WEBHOOK_PATH = '/api/webhooks/todoist';
const MAX_BODY_BYTES = 4 * 1024;

export type LivePath = 'webhook' | 'poll';

export interface LiveEndpointDeps {
  store: StateStore;
  connect: AccountConnector;
  polling: PollingFallback;
  /** The delivery log of an account's webhooks (the built-in stand-in's sender). */
  deliveries: (userId: string) => Promise<WebhookDeliveryLogEntry[]>;
  policy?: OriginPolicy;
  secret?: Buffer;
  env?: Record<string, string | undefined>;
  /** A seated learner's switch applies to their room workspace (default: this process's rooms). */
  rooms?: Pick<Rooms, 'roomOf'>;
}

export async function handleLiveRequest(request: Request, deps: LiveEndpointDeps): Promise<Response> {
  const policy = deps.policy ?? originPolicyFromEnv();
  const refusal = checkOrigin(request, policy) ?? (request.method === 'POST' ? stateChangeRefusal(request, policy) : undefined);
  if (refusal) return json({ error: `Forbidden: ${refusal}.` }, 403);
  const tenant = learnerFromRequest(request, deps.secret ?? serverSecret());
  if (!tenant) return json({ error: 'No learner id: open a page of this app first (it sets the dojo-learner cookie).' }, 401);
  const parsed = parseSessionSettings(new URL(request.url));
  if ('error' in parsed) return json({ error: parsed.error }, 400);
  const settings = await settingsInRoom(deps.rooms ?? new Rooms(deps.store, getTenantEventBus()), tenant, parsed.settings);
  if (settings.backend !== 'mock') {
    return json({ error: 'Only a mock account is switched here: a real Todoist account’s webhooks are configured in Todoist’s App Management Console.' }, 409);
  }
  const account = accountOf(tenant, settings);

  if (request.method === 'GET') return json(await liveStatus(deps, tenant, settings, account));
  if (request.method !== 'POST') return json({ error: 'Use GET (status) or POST (switch).' }, 405);

  const body = await readJsonBody(request, MAX_BODY_BYTES, 'a live-updates switch');
  if ('refusal' in body) return body.refusal;
  const { delivery, faults } = (body.value ?? {}) as { delivery?: unknown; faults?: unknown };
  if (delivery !== 'webhook' && delivery !== 'poll') return json({ error: 'delivery must be "webhook" or "poll".' }, 400);

  const callbackUrl = (deps.env ?? process.env).DOJO_WEBHOOK_CALLBACK_URL ?? `${publicOrigin(request, deps.env)}${WEBHOOK_PATH}`;
  const registration = parseWebhookRegistration({ callbackUrl, faults: faults ?? {} });
  if ('error' in registration) return json({ error: registration.error }, 400);

  await registerWorkspaceWebhook(deps.store, tenant, settings, delivery === 'webhook' ? registration.registration : undefined);
  const connection = await deps.connect(account);
  if (!connection) return json({ error: 'This workspace has no stored data yet: run one call in it first.' }, 409);
  try {
    const primed = await primeReplica({ store: deps.store, tenant, workspace: settings.workspace, backend: account.backend, connection, app: 'standin' });
    if (delivery === 'poll') deps.polling.start(account);
    else deps.polling.stop(account);
    return json({
      ...(await liveStatus(deps, tenant, settings, account)),
      primed: { kind: primed.kind, requests: primed.requests, bytes: primed.bytes },
    });
  } catch (error) {
    return json({ error: `The first sync of this account failed: ${errorText(error)}. Switch the workspace's scenario back to faithful and try again.` }, 502);
  }
}

async function liveStatus(deps: LiveEndpointDeps, tenant: Tenant, settings: SessionSettings, account: RegisteredAccount) {
  const state = await deps.store.get<MockWorkspaceState>(mockStateKey(tenant, settings));
  const backend = state && createMockBackend({ size: settings.size, seed: settings.seed, state: structuredClone(state) });
  const path: LivePath | 'none' = state?.webhook ? 'webhook' : deps.polling.isPolling(account) ? 'poll' : 'none';
  return {
    path,
    pollSeconds: deps.polling.intervalMs / 1000,
    ...(state?.webhook && { faults: state.webhook.faults }),
    deliveries: backend ? await deps.deliveries(backend.userId) : [],
  };
}

function accountOf(tenant: Tenant, settings: SessionSettings): RegisteredAccount {
  const backend: AccountBackend = { backend: 'mock', upstream: settings.upstream, size: settings.size, seed: settings.seed };
  const { learnerId: _learnerId, ...registered } = tenant;
  return { app: 'standin', todoistUserId: '', tenant: registered, workspace: settings.workspace, backend, registeredAt: '' };
}

function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}
