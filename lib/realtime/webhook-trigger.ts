/**
 * What a verified delivery sets off: refresh the replica of the account for
 * each tenant that reads it (an incremental sync), then publish
 * `resource_updated` on that tenant's bus for exactly the URIs the change
 * touched. The delivery's body is never applied: it only says "look".
 *
 *   receiver (200 sent) → trigger → connect(account) → Replica.refresh()
 *     → bus.publish(tenant, {kind: 'resource_updated', uri}) for each changed URI
 *
 * Also here: how a registered account is reached again (`accountConnector`),
 * and `primeReplica`, which the server calls when it first reads an account
 * for a tenant (a client subscribes): the full sync that later deliveries
 * refresh incrementally, and the registration that maps the account's
 * Todoist user id to the tenant.
 */
import type { Tenant } from '@/lib/identity/learner';
import { createMockBackend } from '@/lib/mock/backend';
import type { MockWorkspaceState } from '@/lib/mock/workspace-state';
import { realConfigFor, type RealUpstreamDeps } from '@/lib/mcp/http/real-upstream';
import { mockStateKey } from '@/lib/mcp/http/workspace';
import type { StateStore } from '@/lib/state';
import type { SyncConnection } from '@/lib/todoist/sync';
import { createRealTransport, type Transport } from '@/lib/todoist/transport';
import { registerAccount, type AccountBackend, type RegisteredAccount, type WebhookApp } from './accounts';
import type { TenantEventBus } from './bus';
import { Replica, type RefreshResult } from './replica';
import { SYNC_NOTICE_META_KEY, type SyncNotice } from './sync-notice';
import type { DeliveryInfo, WebhookTrigger } from './webhook-receiver';

/** How to read a registered account now, or `undefined` when it cannot be (its workspace is gone, no token). */
export type AccountConnector = (account: RegisteredAccount) => Promise<SyncConnection | undefined>;

/** One delivery's outcome for one tenant: for the lesson's timeline and the bench's latency figures. */
export type WebhookRefreshReport =
  | { outcome: 'refreshed'; account: RegisteredAccount; delivery: DeliveryInfo; eventName: string; result: RefreshResult; published: string[]; dropped: string[] }
  | { outcome: 'not connected'; account: RegisteredAccount; delivery: DeliveryInfo; eventName: string };

export interface WebhookTriggerOptions {
  store: StateStore;
  bus: Pick<TenantEventBus, 'publish'>;
  connect: AccountConnector;
  now?: () => Date;
  onRefreshed?: (report: WebhookRefreshReport) => void;
}

export function createWebhookTrigger(options: WebhookTriggerOptions): WebhookTrigger {
  return async (account, event, delivery) => {
    const refreshed = await refreshAndPublish(options, account, { trigger: 'webhook', changedAt: event.triggered_at });
    const what = { account, delivery, eventName: event.event_name };
    options.onRefreshed?.(refreshed ? { outcome: 'refreshed', ...what, ...refreshed } : { outcome: 'not connected', ...what });
  };
}

/** What set a refresh off: a verified webhook (with the change's time), or the polling fallback's timer. */
export type RefreshCause = { trigger: 'webhook'; changedAt?: string } | { trigger: 'poll' };

export interface PublishedRefresh {
  result: RefreshResult;
  published: string[];
  dropped: string[];
}

/**
 * One incremental sync of a tenant's replica, then `resource_updated` on that
 * tenant's bus for each URI it changed — whatever set it off. Each
 * notification carries what the sync cost (`_meta["dojo/sync"]`), so a client
 * can show it. `undefined` when the account cannot be read any more.
 */
export async function refreshAndPublish(
  options: Pick<WebhookTriggerOptions, 'store' | 'bus' | 'connect' | 'now'>,
  account: RegisteredAccount,
  cause: RefreshCause,
): Promise<PublishedRefresh | undefined> {
  const connection = await options.connect(account);
  if (!connection) return undefined;
  const now = options.now ?? (() => new Date());
  const replica = new Replica({ store: options.store, tenantKey: account.tenant.key, workspace: account.workspace, backend: account.backend, connection, now });
  const result = await replica.refresh();
  const notice: SyncNotice = {
    ...cause,
    kind: result.kind,
    ...(result.reason && { reason: result.reason }),
    requests: result.requests,
    bytes: result.bytes,
    publishedAt: now().toISOString(),
  };
  const published: string[] = [];
  const dropped: string[] = [];
  for (const uri of result.changedUris) {
    const event = { kind: 'resource_updated' as const, uri, params: { _meta: { [SYNC_NOTICE_META_KEY]: { ...notice } } } };
    // The bus says false when it cannot carry events (down): the replica is current anyway, reads stay right.
    const taken = await options.bus.publish(account.tenant.key, event);
    (taken ? published : dropped).push(uri);
  }
  return { result, published, dropped };
}

/** Which app's webhooks announce changes to an account read this way: Todoist's for Todoist, else the stand-in's. */
export function webhookAppFor(backend: AccountBackend): WebhookApp {
  return backend.backend === 'real' && backend.upstream === 'todoist' ? 'todoist' : 'standin';
}

export interface PrimeOptions {
  store: StateStore;
  tenant: Tenant;
  workspace: string;
  backend: AccountBackend;
  connection: SyncConnection;
  /**
   * Whose webhooks announce this account's changes. Default: webhookAppFor(backend). Pass it when
   * `upstream: 'auto'` resolved to one or the other (the read's provenance says which).
   */
  app?: WebhookApp;
  now?: () => Date;
}

/**
 * Refreshes a tenant's replica (a full sync the first time) and registers the
 * account for webhooks under the user id Sync reported, so the deliveries that
 * follow reach this tenant. Call it whenever the server reads the account for
 * the tenant: each call also renews the registration.
 */
export async function primeReplica(options: PrimeOptions): Promise<RefreshResult> {
  const { store, tenant, workspace, backend } = options;
  const result = await new Replica({ store, tenantKey: tenant.key, workspace, backend, connection: options.connection, now: options.now }).refresh();
  if (result.userId) await registerAccount(store, options.app ?? webhookAppFor(backend), result.userId, { tenant, workspace, backend }, options.now);
  return result;
}

export interface AccountConnectorOptions {
  store: StateStore;
  /** The same rules the MCP endpoint reads real accounts by (configured token, stand-in, a signed-in user's vault token). */
  upstreams: RealUpstreamDeps;
  transport?: Transport;
  now?: () => Date;
}

/**
 * Re-opens an account from its registration, as the MCP endpoint would for
 * that tenant: the mock over the workspace's stored state (none stored: the
 * workspace is gone, nothing to refresh), or real HTTP with the token the
 * endpoint would use. No token: `undefined`.
 */
export function accountConnector(options: AccountConnectorOptions): AccountConnector {
  return async ({ app, tenant, workspace, backend }) => {
    if (backend.backend === 'mock') {
      if (app !== 'standin') return undefined;
      const stored = await options.store.get<MockWorkspaceState>(mockStateKey(tenant, { workspace, size: backend.size, seed: backend.seed }));
      if (!stored) return undefined;
      // A copy: the in-memory store hands out the very object the workspace uses, and a read must not change it.
      const mock = createMockBackend({ size: backend.size, seed: backend.seed, state: structuredClone(stored), now: options.now });
      return { transport: mock.transport, token: 'mock-token' };
    }
    const config = await realConfigFor({ upstream: backend.upstream, token: 'configured', workspace }, tenant, options.upstreams)();
    // A delivery signed by one app only ever refreshes an account read from that app ('auto' may resolve either way).
    if (!config.token || (config.upstream ?? 'todoist') !== app) return undefined;
    return { transport: options.transport ?? createRealTransport(), token: config.token, baseUrl: config.baseUrl };
  };
}
