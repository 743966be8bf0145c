/**
 * Resource subscriptions over real HTTP, through the SDKs' own clients:
 * a 2026-07-28 client's `subscriptions/listen` stream hears its own tenant's
 * changes and nobody else's, only for the URIs it named; nothing is left
 * behind when it closes or its connection drops; one tenant cannot hold
 * streams without bound; a 2025 client is told plainly that stateless
 * serving cannot push; and while the bus is down, reads still work and say so.
 *
 * The test publishes on the bus itself, as the replica will after a webhook
 * and an incremental sync (lib/realtime).
 */
import { request } from 'node:http';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { Client as ClientV1 } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport as TransportV1 } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { issueLearnerId, verifyLearnerId } from '@/lib/identity/learner';
import { serveFetch, type RunningServer } from '@/lib/http/serve-fetch';
import { InMemoryTenantEventBus } from '@/lib/realtime/bus';
import { MemoryStateStore } from '@/lib/state';
import { createMcpEndpoint } from '../http/endpoint';
import { MAX_URIS_PER_LISTEN } from '../http/listen';
import { PROVENANCE_META_KEY, type Provenance } from '../provenance';
import { RESOURCE_URIS, projectTasksUri } from '../resources';

const TODAY = RESOURCE_URIS.tasksToday;
const OVERDUE = RESOURCE_URIS.tasksOverdue;
const CAP = 2;

const secret = Buffer.from('subscriptions-test-secret');
const store = new MemoryStateStore({ idleMs: 60_000, maxEntries: 1_000, sweepEveryMs: 0 });
const bus = new InMemoryTenantEventBus();
let running: RunningServer;
let endpoint: ReturnType<typeof createMcpEndpoint>;

beforeAll(async () => {
  endpoint = createMcpEndpoint({
    store,
    policy: { origins: [], hosts: [] },
    secret,
    loadConfig: async () => ({ token: undefined, baseUrl: 'https://api.todoist.com/api/v1', whereToSetToken: 'Set TODOIST_API_TOKEN.' }),
    bus,
    maxSubscriptionsPerTenant: CAP,
  });
  running = await serveFetch(endpoint);
});
afterAll(async () => {
  await running.close();
  store.close();
});

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  bus.recover();
  for (const close of closers.splice(0)) await close().catch(() => undefined);
});

interface Learner {
  key: string;
  url: URL;
}

function newLearner(): Learner {
  const id = issueLearnerId(secret);
  return { key: verifyLearnerId(id, secret)!.key, url: new URL(`${running.origin}/api/mcp?learner=${id}`) };
}

/** Notifications as they arrive, and a promise for the next one: awaited, never slept for. */
class Inbox {
  readonly received: string[] = [];
  #waiting: Array<(uri: string) => void> = [];
  #unread: string[] = [];

  push(uri: string): void {
    this.received.push(uri);
    const waiter = this.#waiting.shift();
    if (waiter) waiter(uri);
    else this.#unread.push(uri);
  }

  next(): Promise<string> {
    const unread = this.#unread.shift();
    return unread !== undefined ? Promise.resolve(unread) : new Promise((resolve) => this.#waiting.push(resolve));
  }
}

/** A 2026-07-28 client (the SDK v2 client, version negotiation `auto`) whose resources/updated notifications land in an inbox. */
async function modernClient(url: URL): Promise<{ client: Client; inbox: Inbox }> {
  const client = new Client({ name: 'dojo-subscriber', version: '1.0.0' }, { versionNegotiation: { mode: 'auto' } });
  const inbox = new Inbox();
  client.setNotificationHandler('notifications/resources/updated', (notification) => inbox.push(notification.params.uri));
  await client.connect(new StreamableHTTPClientTransport(url));
  closers.push(() => client.close());
  return { client, inbox };
}

/** Resolves once the tenant has `count` listeners on the bus (at once if it has). */
function untilListeners(tenantKey: string, count: number): Promise<void> {
  if (bus.listenerCount(tenantKey) === count) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = bus.watchListeners((tenant, now) => {
      if (tenant !== tenantKey || now !== count) return;
      stop();
      resolve();
    });
  });
}

const updated = (uri: string) => ({ kind: 'resource_updated', uri }) as const;

describe('subscriptions/listen (2026-07-28)', () => {
  it('advertises resources.subscribe and honours the URIs asked for', async () => {
    const alice = newLearner();
    const { client } = await modernClient(alice.url);
    expect(client.getNegotiatedProtocolVersion()).toBe('2026-07-28');
    expect(client.getServerCapabilities()?.resources?.subscribe).toBe(true);
    const subscription = await client.listen({ resourceSubscriptions: [TODAY, projectTasksUri('abc')] });
    expect(subscription.honoredFilter).toEqual({ resourceSubscriptions: [TODAY, projectTasksUri('abc')] });
  });

  it('delivers a tenant’s change to that tenant’s stream, never to another tenant subscribed to the same URI', async () => {
    const alice = newLearner();
    const bob = newLearner();
    const a = await modernClient(alice.url);
    const b = await modernClient(bob.url);
    await a.client.listen({ resourceSubscriptions: [TODAY] });
    await b.client.listen({ resourceSubscriptions: [TODAY, OVERDUE] });

    expect(await bus.publish(alice.key, updated(TODAY))).toBe(true);
    expect(await a.inbox.next()).toBe(TODAY);
    // Bob's own event comes after Alice's on the bus: had hers leaked to his stream, it would be ahead of it.
    await bus.publish(bob.key, updated(OVERDUE));
    expect(await b.inbox.next()).toBe(OVERDUE);
    expect(b.inbox.received).toEqual([OVERDUE]);
    expect(a.inbox.received).toEqual([TODAY]);
  });

  it('delivers only the URIs the stream named', async () => {
    const alice = newLearner();
    const a = await modernClient(alice.url);
    await a.client.listen({ resourceSubscriptions: [TODAY] });
    await bus.publish(alice.key, updated(OVERDUE));
    await bus.publish(alice.key, updated(projectTasksUri('abc')));
    await bus.publish(alice.key, updated(TODAY));
    expect(await a.inbox.next()).toBe(TODAY);
    expect(a.inbox.received).toEqual([TODAY]);
  });

  it('end to end: a task created for today, the change published, the notification, the re-read shows it', async () => {
    const alice = newLearner();
    const a = await modernClient(alice.url);
    await a.client.listen({ resourceSubscriptions: [TODAY] });
    await a.client.callTool({ name: 'create_task', arguments: { content: 'Announced task', due_string: 'today' } });
    // What the replica does once a sync shows the change:
    await bus.publish(alice.key, updated(TODAY));
    const uri = await a.inbox.next();
    const reread = await a.client.readResource({ uri });
    const text = String((reread.contents[0] as { text: string }).text);
    expect(text).toContain('Announced task');
    expect((reread._meta?.[PROVENANCE_META_KEY] as Provenance).tenant).toBe(alice.key);
  });

  it('leaves nothing behind when the client closes the subscription', async () => {
    const alice = newLearner();
    const { client } = await modernClient(alice.url);
    const before = bus.listenerCount(alice.key);
    const subscription = await client.listen({ resourceSubscriptions: [TODAY] });
    expect(bus.listenerCount(alice.key)).toBe(before + 1);
    await subscription.close();
    await untilListeners(alice.key, before);
    expect(await subscription.closed).toBe('local');
    expect(bus.listenerCount(alice.key)).toBe(before);
  });

  it('leaves nothing behind when the connection drops mid-stream, and gives the tenant its slots back', async () => {
    const alice = newLearner();
    const before = bus.listenerCount(alice.key);
    const streams = [await openRawListen(alice.url), await openRawListen(alice.url)];
    for (const stream of streams) expect(stream.firstEvent).toContain('notifications/subscriptions/acknowledged');
    expect(bus.listenerCount(alice.key)).toBe(before + 2);

    for (const stream of streams) stream.drop();
    await untilListeners(alice.key, before);
    // Both slots are free again: the tenant can open as many streams as before.
    const { client } = await modernClient(alice.url);
    await client.listen({ resourceSubscriptions: [TODAY] });
    await client.listen({ resourceSubscriptions: [OVERDUE] });
    expect(bus.listenerCount(alice.key)).toBe(before + 2);
  });

  it('frees the slot when the host aborts the request without ever reading or cancelling the stream', async () => {
    const alice = newLearner();
    const abort = new AbortController();
    const response = await endpoint(
      new Request(alice.url, { method: 'POST', headers: LISTEN_HEADERS, body: rawListenBody(), signal: abort.signal }),
    );
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(bus.listenerCount(alice.key)).toBe(1);
    abort.abort();
    await untilListeners(alice.key, 0);
    const { client } = await modernClient(alice.url);
    await client.listen({ resourceSubscriptions: [TODAY] });
    await client.listen({ resourceSubscriptions: [OVERDUE] });
    expect(bus.listenerCount(alice.key)).toBe(CAP);
  });

  it(`caps open streams per tenant (${CAP} here) with an error that says what to do; other tenants are not affected`, async () => {
    const alice = newLearner();
    const bob = newLearner();
    const { client } = await modernClient(alice.url);
    const first = await client.listen({ resourceSubscriptions: [TODAY] });
    await client.listen({ resourceSubscriptions: [OVERDUE] });
    await expect(client.listen({ resourceSubscriptions: [TODAY] })).rejects.toThrow(
      `Too many open subscriptions: this account already holds ${CAP} subscriptions/listen streams, the most one account may. ` +
        'Close one you no longer need, or listen once for several URIs (resourceSubscriptions takes a list). Other accounts are not affected.',
    );
    expect(bus.listenerCount(alice.key)).toBe(CAP);

    await (await modernClient(bob.url)).client.listen({ resourceSubscriptions: [TODAY] });
    await first.close();
    await untilListeners(alice.key, CAP - 1);
    await client.listen({ resourceSubscriptions: [TODAY] });
    expect(bus.listenerCount(alice.key)).toBe(CAP);
  });

  it(`refuses more than ${MAX_URIS_PER_LISTEN} URIs in one request`, async () => {
    const { client } = await modernClient(newLearner().url);
    const uris = Array.from({ length: MAX_URIS_PER_LISTEN + 1 }, (_, n) => projectTasksUri(`p${n}`));
    await expect(client.listen({ resourceSubscriptions: uris })).rejects.toThrow(/may name at most 100 \(this one names 101\)/);
  });

  it('refuses a caller without a valid learner id or token: its throwaway workspace never changes', async () => {
    const forged = `${issueLearnerId(secret).split('.')[0]}.forged-signature-aaaaaaaaaaaaaaaaaaaaaa`;
    for (const query of ['', `?learner=${forged}`]) {
      const { client } = await modernClient(new URL(`${running.origin}/api/mcp${query}`));
      await expect(client.listen({ resourceSubscriptions: [TODAY] })).rejects.toThrow(/subscriptions\/listen needs a learner id or a signed-in user/);
    }
    expect(bus.listenerCount()).toBe(0);
  });

  it('while the bus is down: no notification, the stream stays open, reads work and say updates are paused', async () => {
    const alice = newLearner();
    const a = await modernClient(alice.url);
    await a.client.listen({ resourceSubscriptions: [TODAY] });
    bus.simulateOutage('the pub/sub server does not answer');

    expect(await bus.publish(alice.key, updated(TODAY))).toBe(false);
    const read = await a.client.readResource({ uri: TODAY });
    const provenance = read._meta?.[PROVENANCE_META_KEY] as Provenance;
    expect(provenance).toMatchObject({ source: 'live', tenant: alice.key });
    expect(provenance.note).toMatch(/^live updates paused: the pub\/sub server does not answer \(since .*\); this read is current/);
    expect(bus.listenerCount(alice.key)).toBe(1);

    bus.recover();
    await bus.publish(alice.key, updated(TODAY));
    expect(await a.inbox.next()).toBe(TODAY);
    // The change published during the outage was dropped, not replayed: one notification in all.
    expect(a.inbox.received).toEqual([TODAY]);
    const after = await a.client.readResource({ uri: TODAY });
    expect((after._meta?.[PROVENANCE_META_KEY] as Provenance).note).toBeUndefined();
  });
});

describe('2025-11-25 clients, served statelessly', () => {
  it('the v1 SDK client (1.32) sees no subscribe capability, and resources/subscribe says why and what to do instead', async () => {
    const alice = newLearner();
    const client = new ClientV1({ name: 'dojo-v1-subscriber', version: '1.0.0' });
    await client.connect(new TransportV1(alice.url));
    closers.push(() => client.close());
    expect(client.getServerCapabilities()?.resources).toBeDefined();
    expect(client.getServerCapabilities()?.resources?.subscribe).toBeUndefined();
    await expect(client.subscribeResource({ uri: TODAY })).rejects.toThrow(
      /resources\/subscribe is not available: this server serves 2025-11-25 clients statelessly .* open subscriptions\/listen, or read the resource again/,
    );
    // The documented alternative: read again. It works, with its provenance.
    const read = await client.readResource({ uri: OVERDUE });
    expect((read._meta?.[PROVENANCE_META_KEY] as Provenance).tenant).toBe(alice.key);
    expect(bus.listenerCount(alice.key)).toBe(0);
  });

  it('the v2 client in its default (2025) mode refuses listen() itself and points to resources/subscribe', async () => {
    const client = new Client({ name: 'dojo-legacy', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(newLearner().url));
    closers.push(() => client.close());
    expect(client.getNegotiatedProtocolVersion()).toBe('2025-11-25');
    await expect(client.listen({ resourceSubscriptions: [TODAY] })).rejects.toThrow(/requires a 2026-07-28-era connection/);
  });
});

/**
 * A listen request as a 2026-07-28 client puts it on the wire, over a connection of its own;
 * resolves with the first SSE event (the acknowledgement). `drop()` destroys the socket mid-stream.
 */
function openRawListen(url: URL): Promise<{ firstEvent: string; drop(): void }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent: false, headers: LISTEN_HEADERS },
      (res) => {
        res.setEncoding('utf8');
        res.once('data', (chunk: string) => resolve({ firstEvent: chunk, drop: () => req.destroy() }));
        res.once('error', () => undefined); // the drop itself
      },
    );
    req.on('error', (error) => {
      if (!req.destroyed) reject(error);
    });
    req.end(rawListenBody());
  });
}

const LISTEN_HEADERS = {
  'Content-Type': 'application/json',
  Accept: 'application/json, text/event-stream',
  'MCP-Protocol-Version': '2026-07-28',
  'Mcp-Method': 'subscriptions/listen',
};

function rawListenBody(): string {
  return JSON.stringify({
    jsonrpc: '2.0',
    id: 'raw-listen',
    method: 'subscriptions/listen',
    params: {
      _meta: {
        'io.modelcontextprotocol/protocolVersion': '2026-07-28',
        'io.modelcontextprotocol/clientInfo': { name: 'dojo-raw-listener', version: '1.0.0' },
        'io.modelcontextprotocol/clientCapabilities': {},
      },
      notifications: { resourceSubscriptions: [TODAY] },
    },
  });
}
