/**
 * Lesson 8 end to end, in one process over real HTTP, through the SDK's own
 * client: a learner switches their mock account's live updates on, opens a
 * 2026-07-28 `subscriptions/listen` stream, completes a task with a tool
 * call — and the change travels as Todoist's would: the write is stored, a
 * signed webhook is POSTed to the receiver, the receiver verifies it and runs
 * one incremental sync, and the learner's stream (only theirs) gets
 * notifications/resources/updated saying what the sync cost. Then the same
 * with no webhook: the polling fallback finds the change.
 */
import { Client, StreamableHTTPClientTransport, type CallToolResult } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueLearnerId, verifyLearnerId } from '@/lib/identity/learner';
import { serveFetch, type RunningServer } from '@/lib/http/serve-fetch';
import { createMcpEndpoint } from '@/lib/mcp/http/endpoint';
import { RESOURCE_URIS } from '@/lib/mcp/resources';
import { standinOAuthApp } from '@/lib/mock/standin-oauth-app';
import { deliverThrough } from '@/lib/mock/webhook-outbox';
import { createWebhookSender, type WebhookSender } from '@/lib/mock/webhook-sender';
import { MemoryStateStore } from '@/lib/state';
import { InMemoryTenantEventBus } from '../bus';
import { handleLiveRequest, WEBHOOK_PATH, type LiveEndpointDeps } from '../live-endpoint';
import { PollingFallback } from '../polling-fallback';
import { parseSyncNotice, type SyncNotice } from '../sync-notice';
import { createWebhookReceiver } from '../webhook-receiver';
import { accountConnector, createWebhookTrigger, refreshAndPublish } from '../webhook-trigger';

const secret = Buffer.from('live-chain-test-secret');
const store = new MemoryStateStore({ idleMs: 60_000, maxEntries: 1_000, sweepEveryMs: 0 });
const bus = new InMemoryTenantEventBus();
const connect = accountConnector({
  store,
  upstreams: { loadConfig: async () => ({ token: undefined, baseUrl: '', whereToSetToken: '' }), standin: () => Promise.reject(new Error('not used')) },
});
const SETTINGS = 'workspace=real-time&size=small';

let sender: WebhookSender;
let polling: PollingFallback;
let app: RunningServer;
let live: LiveEndpointDeps;

beforeAll(async () => {
  sender = createWebhookSender({ clientSecret: standinOAuthApp(secret).clientSecret, retryDelayMs: 100 });
  polling = new PollingFallback({
    intervalMs: 50,
    refresh: (account) => refreshAndPublish({ store, bus, connect }, account, { trigger: 'poll' }),
    listening: (tenantKey) => bus.listenerCount(tenantKey) > 0,
  });
  const receive = createWebhookReceiver({
    store,
    secrets: [{ app: 'standin', secret: standinOAuthApp(secret).clientSecret }],
    onEvent: createWebhookTrigger({ store, bus, connect }),
  });
  const mcp = createMcpEndpoint({
    store,
    policy: { origins: [], hosts: [] },
    secret,
    loadConfig: async () => ({ token: undefined, baseUrl: 'https://api.todoist.com/api/v1', whereToSetToken: 'Set TODOIST_API_TOKEN.' }),
    bus,
    deliverWebhooks: deliverThrough(sender),
    polling,
  });
  // One server, as in the app: the MCP endpoint and the webhook receiver side by side.
  app = await serveFetch((request) => (new URL(request.url).pathname === WEBHOOK_PATH ? receive(request) : mcp(request)));
  live = { store, connect, polling, deliveries: async (userId) => sender.log(userId), policy: { origins: [], hosts: [] }, secret, env: {} };
});
afterAll(async () => {
  sender.close();
  polling.close();
  await app.close();
  store.close();
});

function newLearner() {
  const id = issueLearnerId(secret);
  return { id, key: verifyLearnerId(id, secret)!.key };
}

/** The lesson's switch, as the page sends it: same origin, JSON. */
function switchLive(learnerId: string, body: unknown): Promise<Response> {
  const url = `${app.origin}/api/realtime/live?${SETTINGS}&learner=${learnerId}`;
  return handleLiveRequest(
    new Request(url, { method: 'POST', headers: { origin: app.origin, 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    live,
  );
}

class Inbox {
  readonly #unread: Array<{ uri: string; notice?: SyncNotice }> = [];
  readonly #waiting: Array<(update: { uri: string; notice?: SyncNotice }) => void> = [];
  push(update: { uri: string; notice?: SyncNotice }) {
    const waiter = this.#waiting.shift();
    if (waiter) waiter(update);
    else this.#unread.push(update);
  }
  next(): Promise<{ uri: string; notice?: SyncNotice }> {
    const unread = this.#unread.shift();
    return unread ? Promise.resolve(unread) : new Promise((resolve) => this.#waiting.push(resolve));
  }
  get pending() {
    return this.#unread.length;
  }
}

async function subscriber(learnerId: string) {
  const client = new Client({ name: 'live-chain', version: '1.0.0' }, { versionNegotiation: { mode: 'auto' } });
  const inbox = new Inbox();
  client.setNotificationHandler('notifications/resources/updated', (notification) =>
    inbox.push({ uri: notification.params.uri, notice: parseSyncNotice(notification.params._meta) }),
  );
  await client.connect(new StreamableHTTPClientTransport(new URL(`${app.origin}/api/mcp?${SETTINGS}&learner=${learnerId}`)));
  const subscription = await client.listen({ resourceSubscriptions: [RESOURCE_URIS.tasksToday] });
  return { client, inbox, subscription };
}

async function firstTaskDueToday(client: Client): Promise<string> {
  const result = (await client.callTool({ name: 'filter_tasks', arguments: { query: 'today' } })) as CallToolResult;
  const tasks = (result.structuredContent as { tasks: Array<{ id: string }> }).tasks;
  expect(tasks.length).toBeGreaterThan(0);
  return tasks[0]!.id;
}

describe('a change reaches a subscribed client (2026-07-28)', () => {
  it('by webhook: stored, signed, verified, one incremental sync, then a notification for this learner only', async () => {
    const alice = newLearner();
    const bob = newLearner();
    const switched = await switchLive(alice.id, { delivery: 'webhook' });
    expect(switched.status).toBe(200);
    expect(await switched.json()).toMatchObject({ path: 'webhook', primed: { kind: 'full', requests: 1 } });
    expect((await switchLive(bob.id, { delivery: 'webhook' })).status).toBe(200);

    const alices = await subscriber(alice.id);
    const bobs = await subscriber(bob.id);
    const read = await alices.client.readResource({ uri: RESOURCE_URIS.tasksToday });
    expect(JSON.stringify(read._meta)).toContain('webhooks trigger an incremental sync'); // provenance names the live path

    const taskId = await firstTaskDueToday(alices.client);
    await alices.client.callTool({ name: 'complete_task', arguments: { task_id: taskId } });

    const update = await alices.inbox.next();
    expect(update.uri).toBe(RESOURCE_URIS.tasksToday);
    expect(update.notice).toMatchObject({ trigger: 'webhook', kind: 'incremental', requests: 1 });
    expect(update.notice!.bytes).toBeLessThan(2_000); // a few hundred bytes, not the account
    const after = await alices.client.callTool({ name: 'filter_tasks', arguments: { query: 'today' } });
    expect(JSON.stringify(after.structuredContent)).not.toContain(`"id":"${taskId}"`);

    // Bob subscribed to the same URI: a marker published to him now arrives first, so nothing of Alice's came before it.
    await bus.publish(bob.key, { kind: 'resource_updated', uri: RESOURCE_URIS.tasksToday, params: { _meta: { marker: true } } });
    expect((await bobs.inbox.next()).notice).toBeUndefined();
    expect(bobs.inbox.pending).toBe(0);

    // The switch's status shows the learner their own account's deliveries.
    const status = await (await handleLiveRequest(new Request(`${app.origin}/api/realtime/live?${SETTINGS}&learner=${alice.id}`), live)).json();
    expect(status.path).toBe('webhook');
    expect(status.deliveries).toEqual([expect.objectContaining({ eventName: 'item:completed', taskId, status: 'delivered' })]);
    for (const each of [alices, bobs]) await each.client.close();
  });

  it('by polling when no webhook reaches the server: the fallback’s incremental sync finds the change', async () => {
    const carol = newLearner();
    const switched = await switchLive(carol.id, { delivery: 'poll' });
    expect(await switched.json()).toMatchObject({ path: 'poll' });
    const carols = await subscriber(carol.id);
    const read = await carols.client.readResource({ uri: RESOURCE_URIS.tasksToday });
    expect(JSON.stringify(read._meta)).toContain('polling with incremental sync every 0.05 s');

    const taskId = await firstTaskDueToday(carols.client);
    await carols.client.callTool({ name: 'complete_task', arguments: { task_id: taskId } });
    const update = await carols.inbox.next();
    expect(update.notice).toMatchObject({ trigger: 'poll', kind: 'incremental', requests: 1 });
    await carols.client.close();
  });
});

describe('the live switch refuses what it must', () => {
  it('needs a learner, the app’s own origin, JSON, a mock workspace and a known delivery', async () => {
    const { id } = newLearner();
    const post = (url: string, init: RequestInit = {}) =>
      handleLiveRequest(new Request(url, { method: 'POST', headers: { origin: app.origin, 'content-type': 'application/json' }, body: '{"delivery":"webhook"}', ...init }), live);
    expect((await post(`${app.origin}/api/realtime/live?${SETTINGS}`)).status).toBe(401);
    expect((await post(`${app.origin}/api/realtime/live?${SETTINGS}&learner=${id}`, { headers: { origin: 'https://evil.example', 'content-type': 'application/json' } })).status).toBe(403);
    expect((await post(`${app.origin}/api/realtime/live?${SETTINGS}&learner=${id}`, { headers: { origin: app.origin, 'content-type': 'text/plain' } })).status).toBe(403);
    expect((await post(`${app.origin}/api/realtime/live?workspace=real-time&backend=real&learner=${id}`)).status).toBe(409);
    const unknown = await post(`${app.origin}/api/realtime/live?${SETTINGS}&learner=${id}`, { body: '{"delivery":"carrier-pigeon"}' });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({ error: 'delivery must be "webhook" or "poll".' });
  });

  it('never lets the request choose where webhooks go: the callback is this server’s own receiver', async () => {
    const { id } = newLearner();
    const response = await switchLive(id, { delivery: 'webhook', callbackUrl: 'http://169.254.169.254/latest' });
    expect(response.status).toBe(200);
    const stored = JSON.stringify(await store.get(`${verifyLearnerId(id, secret)!.key}/real-time/mock-small-1`));
    expect(stored).toContain(`${app.origin}${WEBHOOK_PATH}`);
    expect(stored).not.toContain('169.254.169.254');
  });
});
