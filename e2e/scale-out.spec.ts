/**
 * The app on two instances (`next start` twice, from this build) behind a
 * round-robin proxy with no sticky sessions: first sharing one Redis
 * (REDIS_URL: the state store and the event bus), then sharing nothing, to
 * show what goes wrong without it. Through the real SDK client (2026-07-28)
 * and plain HTTP, as learners' pages and the presenter's do.
 *
 * Each describe starts its own throwaway redis-server and instances
 * (scripts/support/cluster.ts); the app the other specs use is not involved.
 */
import { Client, StreamableHTTPClientTransport, type CallToolResult } from '@modelcontextprotocol/client';
import { issueLearnerId } from '@/lib/identity/learner';
import { RESOURCE_URIS } from '@/lib/mcp/resources';
import { startCluster, type Cluster } from '@/scripts/support/cluster';
import { expect, test } from './support/test';

const CLUSTER_START_MS = 240_000;
const MOCK = 'backend=mock&size=small&strategy=production';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

function newLearner(cluster: Cluster): string {
  return issueLearnerId(Buffer.from(cluster.secret));
}

async function mcpClient(origin: string, learner: string, query: string): Promise<Client> {
  const client = new Client({ name: 'scale-out-e2e', version: '1.0.0' }, { versionNegotiation: { mode: 'auto' } });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${origin}/api/mcp?${query}&learner=${learner}`)));
  expect(client.getNegotiatedProtocolVersion()).toBe('2026-07-28');
  return client;
}

async function call(client: Client, name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

const scenarioOf = (result: CallToolResult) => (result._meta?.['dojo/provenance'] as { scenario?: string } | undefined)?.scenario;

const textOf = (result: CallToolResult) => result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');

/** A same-origin JSON request with the learner's cookie, as the app's own pages send one. */
function asPage(origin: string, learner: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${origin}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { cookie: `dojo-learner=${learner}`, origin, 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}

test.describe('two instances sharing one Redis, behind a round-robin proxy', () => {
  let cluster: Cluster;
  test.beforeAll(async () => {
    test.setTimeout(CLUSTER_START_MS);
    cluster = await startCluster({ redis: true });
  });
  test.afterAll(async () => cluster?.stop());

  test("a learner's calls alternate between the instances and see one workspace, writes included", async () => {
    const learner = newLearner(cluster);
    const client = await mcpClient(cluster.origin, learner, `${MOCK}&workspace=scale-out`);
    const before = [...cluster.proxy.hits];
    const created = await call(client, 'create_task', { content: 'Written through the proxy' });
    expect(created.isError).toBeFalsy();
    for (let read = 0; read < 4; read++) {
      const listed = await call(client, 'list_tasks', {});
      expect(textOf(listed)).toContain('Written through the proxy');
    }
    const served = cluster.proxy.hits.map((hits, index) => hits - before[index]!);
    expect(served.every((count) => count >= 2)).toBe(true); // both instances answered this learner's calls
    await client.close();
  });

  test("the presenter's scenario switch on instance A changes a learner's answers on instance B at their next call", async () => {
    const [a, b] = cluster.instances.map((instance) => instance.origin) as [string, string];
    const presenter = newLearner(cluster);
    const learner = newLearner(cluster);
    const opened = await asPage(a, presenter, '/api/rooms', {});
    expect(opened.status).toBe(201);
    const { room } = (await opened.json()) as { room: { code: string } };
    expect((await asPage(b, learner, `/api/rooms/${room.code}/seat`, { join: true, name: 'Bea' })).status).toBe(200);

    const onB = await mcpClient(b, learner, `${MOCK}&workspace=panel-under-a-fault&scenario=faithful`);
    const before = await call(onB, 'get_overview');
    expect(scenarioOf(before)).toBe('faithful');
    expect(before.isError).toBeFalsy();

    expect((await asPage(a, presenter, `/api/rooms/${room.code}`, { action: 'scenario', scenario: 'down' })).status).toBe(200);
    const after = await call(onB, 'get_overview'); // the page still asks for faithful; the room says down
    expect(scenarioOf(after)).toBe('down');
    expect(textOf(after)).toMatch(/DEGRADED|CACHED|could not be reached/); // production falls back, and says so

    const presence = (await (await asPage(a, presenter, `/api/rooms/${room.code}/presence`)).json()) as { learners: { label: string }[] };
    expect(presence.learners.map((seat) => seat.label)).toEqual(['Bea']); // the seat taken on B, seen from A
    await onB.close();
  });

  test('a subscription opened on instance A receives a change made through instance B', async () => {
    const [a, b] = cluster.instances.map((instance) => instance.origin) as [string, string];
    const learner = newLearner(cluster);
    const query = `${MOCK}&workspace=real-time`;
    // Live updates by webhook, switched on through B: its receiver is B's own (/api/webhooks/todoist).
    const switched = await asPage(b, learner, `/api/realtime/live?${query}&learner=${learner}`, { delivery: 'webhook' });
    expect(switched.status, await switched.clone().text()).toBe(200);

    const onA = await mcpClient(a, learner, query);
    const updates: string[] = [];
    let heard: () => void = () => {};
    const arrived = new Promise<void>((resolve) => (heard = resolve));
    onA.setNotificationHandler('notifications/resources/updated', (notification) => {
      updates.push(notification.params.uri);
      heard();
    });
    await onA.listen({ resourceSubscriptions: [RESOURCE_URIS.tasksToday] });

    const onB = await mcpClient(b, learner, query);
    const today = await call(onB, 'filter_tasks', { query: 'today' });
    const [first] = (today.structuredContent as { tasks: { id: string }[] }).tasks;
    expect(first).toBeDefined();
    expect((await call(onB, 'complete_task', { task_id: first!.id })).isError).toBeFalsy();

    await arrived; // B stored it, B's stand-in sent the webhook, B synced and published on Redis; A's stream heard it
    expect(updates).toContain(RESOURCE_URIS.tasksToday);
    await onA.close();
    await onB.close();
  });
});

test.describe('two instances sharing nothing (no Redis): why scale-out needs it', () => {
  let cluster: Cluster;
  test.beforeAll(async () => {
    test.setTimeout(CLUSTER_START_MS);
    cluster = await startCluster({ redis: false });
  });
  test.afterAll(async () => cluster?.stop());

  test('a write made on A is missing on B, and a room opened on A does not exist on B', async () => {
    const [a, b] = cluster.instances.map((instance) => instance.origin) as [string, string];
    const learner = newLearner(cluster);
    const onA = await mcpClient(a, learner, `${MOCK}&workspace=scale-out`);
    const onB = await mcpClient(b, learner, `${MOCK}&workspace=scale-out`);
    expect((await call(onA, 'create_task', { content: 'Only A knows this' })).isError).toBeFalsy();
    expect(textOf(await call(onA, 'list_tasks'))).toContain('Only A knows this');
    expect(textOf(await call(onB, 'list_tasks'))).not.toContain('Only A knows this'); // B answers from its own memory

    const presenter = newLearner(cluster);
    const { room } = (await (await asPage(a, presenter, '/api/rooms', {})).json()) as { room: { code: string } };
    const join = await asPage(b, learner, `/api/rooms/${room.code}/seat`, { join: true });
    expect(join.status).toBe(404);
    expect(((await join.json()) as { error: string }).error).toContain(`no open room ${room.code}`);
    await onA.close();
    await onB.close();
  });
});
