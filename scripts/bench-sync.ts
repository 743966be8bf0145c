/**
 * The bench's real-time figures (issue 11), on the large dataset (5,000 tasks) served by the stand-in over loopback
 * HTTP, every Todoist request answered after a simulated round trip:
 *
 * - a full read by paging GET /tasks (TodoistClient + collectAll: the cursor loop every paged read runs) vs one
 *   full sync (syncRead, `*`, items only);
 * - the refresh after one change (a task completed through REST): paging everything again vs one incremental sync;
 * - change-to-notification latency: a change on the stand-in → its signed webhook over HTTP → the receiver → an
 *   incremental sync of the tenant's replica → the tenant's bus → a 2026-07-28 client's subscriptions/listen stream.
 *
 * Figures to read, not a test: nothing here asserts a time. scripts/bench.ts prints them.
 */
import { randomBytes } from 'node:crypto';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { serveFetch, type RunningServer } from '@/lib/http/serve-fetch';
import { issueLearnerId, verifyLearnerId } from '@/lib/identity/learner';
import { createMcpEndpoint } from '@/lib/mcp/http/endpoint';
import { projectTasksUri } from '@/lib/mcp/resources';
import { createMockBackend, type MockBackend } from '@/lib/mock/backend';
import { startStandin } from '@/lib/mock/standin';
import { deliverThrough } from '@/lib/mock/webhook-outbox';
import { createWebhookSender } from '@/lib/mock/webhook-sender';
import { InMemoryTenantEventBus } from '@/lib/realtime/bus';
import { parseSyncNotice, type SyncNotice } from '@/lib/realtime/sync-notice';
import { createWebhookReceiver } from '@/lib/realtime/webhook-receiver';
import { createWebhookTrigger, primeReplica, type WebhookRefreshReport } from '@/lib/realtime/webhook-trigger';
import { MemoryStateStore } from '@/lib/state';
import { TodoistClient } from '@/lib/todoist/client';
import { collectAll } from '@/lib/todoist/pagination';
import type { Task } from '@/lib/todoist/schemas';
import { syncRead, type SyncConnection } from '@/lib/todoist/sync';
import { FULL_SYNC_TOKEN } from '@/lib/todoist/sync-schemas';

const TOKEN = 'bench-token';
/** The stand-in OAuth app's client secret, here: the key deliveries are signed and verified with. */
const WEBHOOK_SECRET = 'bench-webhook-secret';
/** Each full read is timed this many times (after one warm-up); the median is reported. */
const READ_RUNS = 3;

/** Requests, response bytes (as received, error answers included) and time of one way of reading. */
export interface ReadCost {
  requests: number;
  bytes: number;
  ms: number;
  /** What the read held: tasks for a full read, changed tasks for a refresh. */
  tasks: number;
}

export interface Percentiles {
  p50: number;
  p95: number;
  max: number;
}

export interface SyncBench {
  rttMs: number;
  tasksThatExist: number;
  fullRead: { paging: ReadCost; fullSync: ReadCost };
  refreshAfterOneChange: { repaging: ReadCost; incrementalSync: ReadCost };
  changeToNotification: {
    changes: number;
    /** From the change stored on the stand-in (the moment Todoist would queue its webhook). */
    fromChangeMs: Percentiles;
    /** From the write's request leaving the client (what a person clicking "complete" waits). */
    fromWriteRequestMs: Percentiles;
    /** Verified deliveries that refreshed the replica: one per change when nothing is lost or repeated. */
    webhookRefreshes: number;
    /** What the sync behind each notification cost, as the notification itself says (`_meta["dojo/sync"]`). */
    syncRequestsPerNotification: Percentiles;
    syncBytesPerNotification: Percentiles;
  };
}

export async function syncBench(rttMs: number, changes: number): Promise<SyncBench> {
  const mock = createMockBackend({ size: 'large', token: TOKEN, scenario: { name: 'slow', slow: { delayMs: rttMs } } });
  const notify: ChangeWatch = { onChangeStored: () => undefined };
  // Todoist's trip to the app is one way: half a round trip before each delivery leaves.
  const sender = createWebhookSender({ clientSecret: WEBHOOK_SECRET, fetch: delayedFetch(rttMs / 2) });
  const deliver = deliverThrough(sender, (error) => console.error(`bench: a webhook could not be sent: ${String(error)}`));
  const standin = await startStandin({
    backend: mock,
    deliverWebhooks: (pending) => {
      for (const change of pending.changes) notify.onChangeStored(change.task);
      deliver(pending);
    },
  });
  const tasksThatExist = mock.store.activeTasks().length;
  const meter = new Meter();
  const connection: SyncConnection = { transport: meter.transport, token: TOKEN, baseUrl: standin.baseUrl };
  const client = new TodoistClient({ transport: meter.transport, token: TOKEN, baseUrl: standin.baseUrl });
  try {
    const readAll = () => collectAll((query, signal) => client.listPage('tasks', query, signal));
    const paging = await median(READ_RUNS, () => meter.measure(async () => (await readAll()).items.length));
    const fullSync = await median(READ_RUNS, () => meter.measure(async () => (await fullSyncOfItems(connection)).length));

    // The token of a full sync taken just before the change: the next sync asks for what changed since.
    const before = await syncRead(connection, { syncToken: FULL_SYNC_TOKEN, resourceTypes: ['items'] });
    const [changed] = singleChanges((await readAll()).items);
    if (!changed) throw new Error('bench: the large dataset has no one-off task without subtasks to complete');
    await client.closeTask(changed.id);
    const repaging = await meter.measure(async () => (await readAll()).items.length);
    const incrementalSync = await meter.measure(async () => {
      const { response } = await syncRead(connection, { syncToken: before.response.sync_token, resourceTypes: ['items'] });
      return response.items?.length ?? 0;
    });

    return {
      rttMs,
      tasksThatExist,
      fullRead: { paging, fullSync },
      refreshAfterOneChange: { repaging, incrementalSync },
      changeToNotification: await changeToNotification({ mock, client, connection, notify, changes }),
    };
  } finally {
    sender.close();
    await standin.close();
  }
}

async function fullSyncOfItems(connection: SyncConnection) {
  const { response } = await syncRead(connection, { syncToken: FULL_SYNC_TOKEN, resourceTypes: ['items'] });
  return response.items ?? [];
}

/**
 * Tasks whose completion is one change to one task: not recurring (completing one moves its date instead) and
 * with no subtasks (completing a parent completes them too: a delta and a webhook each).
 */
function singleChanges(tasks: readonly Task[]): Task[] {
  const parents = new Set(tasks.map((task) => task.parent_id));
  return tasks.filter((task) => !task.due?.is_recurring && !parents.has(task.id));
}

/** Told of each change the moment the stand-in has stored it and hands its webhook to the sender. */
interface ChangeWatch {
  onChangeStored: (task: Task) => void;
}

interface LatencySetup {
  mock: MockBackend;
  client: TodoistClient;
  connection: SyncConnection;
  notify: ChangeWatch;
  changes: number;
}

/**
 * The app's side, as production wires it: a receiver (verifying with the stand-in app's secret) served on
 * loopback, the trigger refreshing the tenant's replica and publishing on the tenant's bus, and /api/mcp
 * (createMcpEndpoint on the same bus) where a 2026-07-28 client listens for one project's tasks. Each change
 * completes one task of that project and waits for its notification before the next.
 */
async function changeToNotification({ mock, client, connection, notify, changes }: LatencySetup): Promise<SyncBench['changeToNotification']> {
  const store = new MemoryStateStore({ idleMs: 60 * 60_000, maxEntries: 10_000, sweepEveryMs: 0 });
  const bus = new InMemoryTenantEventBus();
  const secret = randomBytes(32);
  const learnerId = issueLearnerId(secret);
  const tenant = verifyLearnerId(learnerId, secret)!;
  const servers: RunningServer[] = [];
  const refreshes: WebhookRefreshReport[] = [];
  const subscriber = new Client({ name: 'bench-subscriber', version: '1' }, { versionNegotiation: { mode: 'auto' } });
  try {
    const trigger = createWebhookTrigger({ store, bus, connect: async () => connection, onRefreshed: (report) => refreshes.push(report) });
    const receiver = await serveFetch(createWebhookReceiver({ store, secrets: [{ app: 'standin', secret: WEBHOOK_SECRET }], onEvent: trigger }));
    servers.push(receiver);
    const mcp = await serveFetch(createMcpEndpoint({ store, secret, bus, rateLimit: { burst: 1e9, perSecond: 1e9 } }));
    servers.push(mcp);

    // The app has read the account once for this tenant (a full sync) and registered its user id for webhooks.
    await primeReplica({ store, tenant, workspace: 'default', backend: { backend: 'real', upstream: 'standin', size: 'large', seed: 1 }, connection });
    mock.setWebhook({ callbackUrl: `${receiver.origin}/api/webhooks/todoist` });

    const tasks = singleChanges((await collectAll((query, signal) => client.listPage('tasks', query, signal))).items);
    const project = busiestProject(tasks);
    const uri = projectTasksUri(project);
    const toComplete = tasks.filter((task) => task.project_id === project).slice(0, changes);
    if (toComplete.length < changes) throw new Error(`bench: project ${project} has only ${toComplete.length} tasks to complete; ask for fewer changes`);

    const arrivals = new Arrivals();
    subscriber.setNotificationHandler('notifications/resources/updated', (notification) => {
      if (notification.params.uri === uri) arrivals.arrive({ at: performance.now(), sync: parseSyncNotice(notification.params._meta) });
    });
    await subscriber.connect(new StreamableHTTPClientTransport(new URL(`${mcp.origin}/api/mcp?learner=${learnerId}`)));
    if (subscriber.getNegotiatedProtocolVersion() !== '2026-07-28') throw new Error('bench: the subscriber did not negotiate 2026-07-28');
    await subscriber.listen({ resourceSubscriptions: [uri] });

    const fromChange: number[] = [];
    const fromWrite: number[] = [];
    const syncs: SyncNotice[] = [];
    for (const task of toComplete) {
      let storedAt = NaN;
      notify.onChangeStored = (changed) => {
        if (changed.id === task.id) storedAt = performance.now();
      };
      const notified = arrivals.next();
      const sentAt = performance.now();
      await client.closeTask(task.id);
      const { at, sync } = await notified;
      fromChange.push(at - storedAt);
      fromWrite.push(at - sentAt);
      if (sync) syncs.push(sync);
    }
    return {
      changes: toComplete.length,
      webhookRefreshes: refreshes.length,
      fromChangeMs: percentiles(fromChange),
      fromWriteRequestMs: percentiles(fromWrite),
      syncRequestsPerNotification: percentiles(syncs.map((sync) => sync.requests)),
      syncBytesPerNotification: percentiles(syncs.map((sync) => sync.bytes)),
    };
  } finally {
    await subscriber.close().catch(() => undefined);
    for (const server of servers) await server.close();
    store.close();
  }
}

/** The project with the most tasks: one subscription URI that every change touches. */
function busiestProject(tasks: readonly Task[]): string {
  const counts = new Map<string, number>();
  for (const task of tasks) counts.set(task.project_id, (counts.get(task.project_id) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

interface Arrival {
  at: number;
  /** What the notification says its sync cost (`_meta["dojo/sync"]`). */
  sync: SyncNotice | undefined;
}

/** Notifications as they arrive, each awaited by the change that caused it. */
class Arrivals {
  #waiting: ((arrival: Arrival) => void) | undefined;

  /** The next notification; a bench that hears nothing for `giveUpMs` stops and says so instead of hanging. */
  next(giveUpMs = 10_000): Promise<Arrival> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiting = undefined;
        reject(new Error(`bench: no notification within ${giveUpMs} ms of a change; see the receiver's [webhooks] lines above`));
      }, giveUpMs);
      this.#waiting = (arrival) => {
        clearTimeout(timer);
        resolve(arrival);
      };
    });
  }

  arrive(arrival: Arrival): void {
    const resolve = this.#waiting;
    this.#waiting = undefined;
    resolve?.(arrival);
  }
}

/** Counts requests and response bytes through the transport; `measure` reports one read's share and its time. */
class Meter {
  requests = 0;
  bytes = 0;

  readonly transport = async (request: Request): Promise<Response> => {
    this.requests += 1;
    const response = await fetch(request);
    // The whole body arrives before the caller reads it: each read's time includes every byte.
    this.bytes += (await response.clone().arrayBuffer()).byteLength;
    return response;
  };

  async measure(read: () => Promise<number>): Promise<ReadCost> {
    const [requests, bytes, started] = [this.requests, this.bytes, performance.now()];
    const tasks = await read();
    return { requests: this.requests - requests, bytes: this.bytes - bytes, ms: performance.now() - started, tasks };
  }
}

/** One warm-up, then `runs` timed runs; the run with the median time. */
async function median(runs: number, measure: () => Promise<ReadCost>): Promise<ReadCost> {
  await measure();
  const costs: ReadCost[] = [];
  for (let run = 0; run < runs; run++) costs.push(await measure());
  return costs.sort((a, b) => a.ms - b.ms)[Math.floor(runs / 2)]!;
}

function delayedFetch(ms: number): typeof fetch {
  return async (input, init) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return fetch(input, init);
  };
}

/** The value below which `p` % of the sorted values fall (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? NaN };
}
