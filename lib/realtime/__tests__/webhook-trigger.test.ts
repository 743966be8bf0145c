/**
 * From a signed delivery to the tenant's notifications: the receiver answers,
 * the trigger refreshes that tenant's replica with an incremental sync and
 * publishes the URIs the change touched — on that tenant's bus only. Against
 * the fake Sync server (replica-mock.test.ts runs the mock backend's Sync).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Tenant } from '@/lib/identity/learner';
import type { RealUpstreamDeps } from '@/lib/mcp/http/real-upstream';
import { MemoryStateStore } from '@/lib/state';
import { projectFixture, taskFixture } from '@/lib/todoist/__tests__/fixtures';
import { mockStateKey } from '@/lib/mcp/http/workspace';
import { newMockWorkspaceState } from '@/lib/mock/workspace-state';
import { findAccounts, type AccountBackend, type RegisteredAccount } from '../accounts';
import { InMemoryTenantEventBus, type ServerEvent } from '../bus';
import { createWebhookReceiver } from '../webhook-receiver';
import { parseSyncNotice } from '../sync-notice';
import { accountConnector, createWebhookTrigger, primeReplica, webhookAppFor, type WebhookRefreshReport } from '../webhook-trigger';
import { fakeSyncServer, type FakeSyncServer } from './fake-sync-server';
import { NOW, STANDIN_SECRET, delivery, webhookEvent } from './webhook-fixtures';

const alice: Tenant = { key: 'learner-alice', kind: 'learner' };
const bob: Tenant = { key: 'learner-bob', kind: 'learner' };
const standinBackend: AccountBackend = { backend: 'real', upstream: 'standin', size: 'small', seed: 1 };
const TODAY = new Date(NOW).toISOString().slice(0, 10);
const task = taskFixture({ id: 'milk', project_id: 'inbox', due: { date: TODAY, string: 'today', lang: 'en', is_recurring: false, timezone: null } });

let store: MemoryStateStore;
let server: FakeSyncServer;
let bus: InMemoryTenantEventBus;
let reports: WebhookRefreshReport[];

function heard(tenant: Tenant): ServerEvent[] {
  const events: ServerEvent[] = [];
  bus.forTenant(tenant.key).subscribe((event) => events.push(event));
  return events;
}

beforeEach(() => {
  store = new MemoryStateStore({ idleMs: 60 * 60_000, maxEntries: 1_000, sweepEveryMs: 0, now: () => NOW });
  server = fakeSyncServer({ tasks: [task], projects: [projectFixture({ id: 'inbox' })], userId: '2671355' });
  bus = new InMemoryTenantEventBus();
  reports = [];
});

describe('a delivery, end to end in the process', () => {
  it('reaches the tenant that reads the account as resource_updated for the changed URIs, and no other tenant', async () => {
    const connection = { transport: server.transport, token: 't' };
    await primeReplica({ store, tenant: alice, workspace: 'default', backend: standinBackend, connection, now: () => new Date(NOW) });
    const alices = heard(alice);
    const bobs = heard(bob);
    const deferred: Array<() => Promise<void>> = [];
    const receive = createWebhookReceiver({
      store,
      secrets: [{ app: 'standin', secret: STANDIN_SECRET }],
      onEvent: createWebhookTrigger({ store, bus, connect: async () => connection, now: () => new Date(NOW), onRefreshed: (report) => reports.push(report) }),
      defer: (work) => deferred.push(work),
      now: () => NOW,
    });

    server.changeTask({ ...task, checked: true });
    const response = await receive(delivery(webhookEvent({ user_id: '2671355', event_data: { id: 'milk' } })));
    expect(response.status).toBe(200);
    expect(alices).toEqual([]); // the answer went first
    for (const work of deferred) await work();

    expect(alices.map((event) => (event.kind === 'resource_updated' ? event.uri : event.kind))).toEqual([
      'todoist://projects/inbox/tasks',
      'todoist://tasks/today',
    ]);
    // Each notification says what found the change and what that cost: one small incremental sync.
    const notice = parseSyncNotice(alices[0]?.params?._meta);
    expect(notice).toMatchObject({ trigger: 'webhook', kind: 'incremental', requests: 1, publishedAt: new Date(NOW).toISOString() });
    expect(notice?.bytes).toBeGreaterThan(0);
    expect(notice?.changedAt).toBe(new Date(NOW - 2_000).toISOString()); // the event's triggered_at
    expect(bobs).toEqual([]);
    expect(reports).toMatchObject([{ outcome: 'refreshed', eventName: 'item:completed', result: { kind: 'incremental', requests: 1, changedItemIds: ['milk'] }, dropped: [] }]);
    expect(server.tokensSeen).toEqual(['*', 'tok-0']);
  });
});

describe('createWebhookTrigger', () => {
  const account: RegisteredAccount = { app: 'standin', todoistUserId: '2671355', tenant: alice, workspace: 'default', backend: standinBackend, registeredAt: '' };
  const info = { deliveryId: 'd', app: 'standin' as const, receivedAt: NOW };

  it('while the bus is down: the replica is still refreshed, and the report says which URIs were dropped', async () => {
    const connection = { transport: server.transport, token: 't' };
    const now = () => new Date(NOW);
    await primeReplica({ store, tenant: alice, workspace: 'default', backend: standinBackend, connection, now });
    bus.simulateOutage('test');
    server.changeTask({ ...task, checked: true });
    const trigger = createWebhookTrigger({ store, bus, connect: async () => connection, now, onRefreshed: (report) => reports.push(report) });
    await trigger(account, webhookEvent(), info);
    expect(reports[0]).toMatchObject({ outcome: 'refreshed', published: [], dropped: ['todoist://projects/inbox/tasks', 'todoist://tasks/today'] });
  });

  it('an account it cannot reach is reported, not synced', async () => {
    const trigger = createWebhookTrigger({ store, bus, connect: async () => undefined, onRefreshed: (report) => reports.push(report) });
    await trigger(account, webhookEvent(), info);
    expect(reports).toMatchObject([{ outcome: 'not connected' }]);
    expect(server.tokensSeen).toEqual([]);
  });
});

describe('primeReplica', () => {
  it('does the first full sync and registers the account under the user id Sync reported, for the app whose webhooks announce it', async () => {
    const result = await primeReplica({ store, tenant: alice, workspace: 'default', backend: standinBackend, connection: { transport: server.transport, token: 't' } });
    expect(result).toMatchObject({ kind: 'full', userId: '2671355' });
    expect(await findAccounts(store, 'standin', '2671355')).toMatchObject([{ tenant: { key: 'learner-alice' }, workspace: 'default', backend: standinBackend }]);
    expect(await findAccounts(store, 'todoist', '2671355')).toEqual([]);
  });

  it('takes the app from the caller when upstream "auto" resolved to Todoist', async () => {
    const auto: AccountBackend = { ...standinBackend, upstream: 'auto' };
    await primeReplica({ store, tenant: alice, workspace: 'w', backend: auto, app: 'todoist', connection: { transport: server.transport, token: 't' } });
    expect(await findAccounts(store, 'todoist', '2671355')).toHaveLength(1);
  });

  it('webhookAppFor: Todoist’s app for real Todoist, the stand-in’s for everything else', () => {
    expect(webhookAppFor({ ...standinBackend, upstream: 'todoist' })).toBe('todoist');
    expect(webhookAppFor(standinBackend)).toBe('standin');
    expect(webhookAppFor({ ...standinBackend, backend: 'mock', upstream: 'todoist' })).toBe('standin');
  });
});

describe('accountConnector', () => {
  const upstreams: RealUpstreamDeps = {
    loadConfig: async () => ({ token: 'configured-token', baseUrl: 'https://api.todoist.com/api/v1', whereToSetToken: '' }),
    standin: async () => ({ baseUrl: 'http://127.0.0.1:1/api/v1', origin: 'http://127.0.0.1:1', tokenFor: (tenant: Tenant, workspace: string) => `standin:${tenant.key}/${workspace}` }) as never,
    userAccess: async (tenant) => (tenant.key === 'user-todoist-7' ? { token: 'vault-token', apiBase: 'https://api.todoist.com/api/v1', upstream: 'todoist' } : undefined),
  };
  const connect: ReturnType<typeof accountConnector> = (account) => accountConnector({ store, upstreams })(account);
  const registered = (overrides: Partial<RegisteredAccount>): RegisteredAccount => ({
    app: 'standin', todoistUserId: '1', tenant: alice, workspace: 'default', backend: standinBackend, registeredAt: '', ...overrides,
  });

  it('a stand-in account: the token the stand-in signs for this tenant and workspace', async () => {
    expect(await connect(registered({}))).toMatchObject({ token: 'standin:learner-alice/default', baseUrl: 'http://127.0.0.1:1/api/v1' });
  });

  it('a signed-in user’s Todoist account: the vault’s token, only for deliveries signed by Todoist’s app', async () => {
    const user: Tenant = { key: 'user-todoist-7', kind: 'user', user: { id: '7', name: 'U', upstream: 'todoist' } };
    const todoist: AccountBackend = { ...standinBackend, upstream: 'todoist' };
    expect(await connect(registered({ app: 'todoist', tenant: user, backend: todoist }))).toMatchObject({ token: 'vault-token' });
    expect(await connect(registered({ app: 'standin', tenant: user, backend: todoist }))).toBeUndefined();
  });

  it('no token, or an app that does not match where the account is read: nothing', async () => {
    const tokenless = accountConnector({ store, upstreams: { ...upstreams, loadConfig: async () => ({ token: undefined, baseUrl: '', whereToSetToken: '' }) } });
    expect(await tokenless(registered({ app: 'todoist', backend: { ...standinBackend, upstream: 'todoist' } }))).toBeUndefined();
    expect(await connect(registered({ app: 'standin', backend: { ...standinBackend, upstream: 'todoist' } }))).toBeUndefined();
  });

  it('a mock account: the workspace’s own mock, none while the workspace has no stored state, never for Todoist’s app', async () => {
    const mock: AccountBackend = { backend: 'mock', upstream: 'todoist', size: 'tiny', seed: 1 };
    expect(await connect(registered({ backend: mock }))).toBeUndefined();
    await store.set(mockStateKey(alice, { workspace: 'default', size: 'tiny', seed: 1 }), newMockWorkspaceState());
    expect(await connect(registered({ backend: mock }))).toMatchObject({ token: 'mock-token', transport: expect.any(Function) });
    expect(await connect(registered({ app: 'todoist', backend: mock }))).toBeUndefined();
  });
});
