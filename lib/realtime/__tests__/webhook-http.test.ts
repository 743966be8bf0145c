/**
 * The whole path over real HTTP: a change on the mock, Todoist-shaped
 * deliveries from the mock's webhook sender (signed with the stand-in app's
 * secret) to the receiver served on loopback, an incremental sync, and the
 * tenant's bus. The sender's faults meet the receiver: a duplicate is taken
 * once, a forged signature never, a lost delivery is healed by the next one.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serveFetch, type RunningServer } from '@/lib/http/serve-fetch';
import type { Tenant } from '@/lib/identity/learner';
import { createMockBackend, type MockBackend } from '@/lib/mock/backend';
import { createWebhookSender, type WebhookFaults, type WebhookSender } from '@/lib/mock/webhook-sender';
import { MemoryStateStore } from '@/lib/state';
import { TodoistClient } from '@/lib/todoist/client';
import type { Task } from '@/lib/todoist/schemas';
import { InMemoryTenantEventBus, type ServerEvent } from '../bus';
import { createWebhookReceiver } from '../webhook-receiver';
import { createWebhookTrigger, primeReplica, type WebhookRefreshReport } from '../webhook-trigger';
import { STANDIN_SECRET } from './webhook-fixtures';

const alice: Tenant = { key: 'learner-alice', kind: 'learner' };
const initiator = { id: '1', email: 'a@example.com', full_name: 'A', is_premium: false, image_id: null };

let store: MemoryStateStore;
let mock: MockBackend;
let client: TodoistClient;
let bus: InMemoryTenantEventBus;
let server: RunningServer;
let sender: WebhookSender;
let userId: string;
let heard: ServerEvent[];
let refreshed: WebhookRefreshReport[];
let onRefresh: (() => void) | undefined;

beforeEach(async () => {
  store = new MemoryStateStore({ idleMs: 60 * 60_000, maxEntries: 1_000, sweepEveryMs: 0 });
  mock = createMockBackend({ size: 'small', seed: 1 });
  client = new TodoistClient({ transport: mock.transport, token: 'mock-token' });
  bus = new InMemoryTenantEventBus();
  heard = [];
  refreshed = [];
  bus.forTenant(alice.key).subscribe((event) => heard.push(event));
  const connection = { transport: mock.transport, token: 'mock-token' };
  const primed = await primeReplica({ store, tenant: alice, workspace: 'default', backend: { backend: 'mock', upstream: 'todoist', size: 'small', seed: 1 }, connection });
  userId = primed.userId!;
  const trigger = createWebhookTrigger({
    store,
    bus,
    connect: async () => connection,
    onRefreshed: (report) => {
      refreshed.push(report);
      onRefresh?.();
    },
  });
  const receive = createWebhookReceiver({ store, secrets: [{ app: 'standin', secret: STANDIN_SECRET }], onEvent: trigger, log: () => undefined });
  server = await serveFetch(receive);
  sender = createWebhookSender({ clientSecret: STANDIN_SECRET, retryDelayMs: 0 });
});

afterEach(async () => {
  sender.close();
  await server.close();
});

/** Completes a task on the mock and has the sender announce it; resolves once the sender is done. */
async function completeAndAnnounce(task: Task, faults: WebhookFaults = {}): Promise<void> {
  await client.closeTask(task.id);
  sender.deliver({
    userId,
    initiator,
    changes: [{ event_name: 'item:completed', task: { ...task, checked: true } }],
    registration: { callbackUrl: `${server.origin}/api/webhooks/todoist`, faults },
  });
  await sender.idle();
}

function refreshes(count: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => refreshed.length >= count && resolve();
    onRefresh = check;
    check();
  });
}

describe('a change on the mock reaches the tenant’s bus over real HTTP', () => {
  it('one notification per changed URI, for a delivery the sender sent twice', async () => {
    const [task] = (await client.listPage('tasks', { limit: 1 })).results;
    await completeAndAnnounce(task!, { duplicate: true });
    await refreshes(1);
    const log = sender.log(userId);
    expect(log[0]?.attempts.map((attempt) => attempt.status)).toEqual([200, 200]);
    expect(refreshed).toHaveLength(1);
    expect(refreshed[0]).toMatchObject({ outcome: 'refreshed', result: { kind: 'incremental', requests: 1, changedItemIds: [task!.id] } });
    expect(heard.map((event) => (event as { uri: string }).uri)).toContain(`todoist://projects/${task!.project_id}/tasks`);
    expect(new Set(heard.map((event) => JSON.stringify(event))).size).toBe(heard.length); // none twice
  });

  it('a forged signature is refused every time and changes nothing', async () => {
    const [task] = (await client.listPage('tasks', { limit: 1 })).results;
    await completeAndAnnounce(task!, { badSignature: true });
    const statuses = sender.log(userId).flatMap((entry) => entry.attempts.map((attempt) => attempt.status));
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set([401]));
    expect(refreshed).toEqual([]);
    expect(heard).toEqual([]);
  });

  it('a lost delivery is healed by the next one: its sync carries both changes', async () => {
    const [first, second] = (await client.listPage('tasks', { limit: 2 })).results;
    await completeAndAnnounce(first!, { lost: true });
    await completeAndAnnounce(second!);
    await refreshes(1);
    expect(refreshed[0]).toMatchObject({ result: { changedItemIds: [first!.id, second!.id].sort() } });
  });
});
