/**
 * Two instances of the endpoint sharing one store (a copying store: each
 * instance gets its own copies, as two app instances on one Redis do), and
 * one learner's tool calls racing on one workspace through both, with a
 * store round trip of 2 ms. Every
 * write must land: the workspace lock makes the calls take turns.
 */
import { Client, StreamableHTTPClientTransport, type CallToolResult } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueLearnerId } from '@/lib/identity/learner';
import { serveFetch, type RunningServer } from '@/lib/http/serve-fetch';
import { MemoryStateStore } from '@/lib/state';
import { copyingStore, delegateTo } from '@/lib/state/__tests__/copying-store';
import type { StateStore } from '@/lib/state';
import { createMcpEndpoint } from '../endpoint';

const secret = Buffer.from('workspace-races-secret');
const shared = new MemoryStateStore({ idleMs: 60_000, maxEntries: 1_000, sweepEveryMs: 0 });
const instances: RunningServer[] = [];

/** A round trip to the store takes a moment, as one to Redis does: without it, racing requests would never interleave. */
function withLatency(store: StateStore): StateStore {
  const pause = () => new Promise((resolve) => setTimeout(resolve, 2));
  return {
    ...delegateTo(store),
    get: async (key) => (await pause(), store.get(key)),
    set: async (key, value, options) => (await pause(), store.set(key, value, options)),
  };
}

beforeAll(async () => {
  for (let index = 0; index < 2; index++) {
    const endpoint = createMcpEndpoint({
      store: withLatency(copyingStore(shared)),
      secret,
      policy: { origins: [], hosts: [] },
      loadConfig: async () => ({ token: undefined, baseUrl: 'https://api.todoist.com/api/v1', whereToSetToken: 'Set TODOIST_API_TOKEN.' }),
      deliverWebhooks: () => {},
    });
    instances.push(await serveFetch(endpoint));
  }
});

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.close()));
  shared.close();
});

async function client(origin: string, learner: string): Promise<Client> {
  const connected = new Client({ name: 'races', version: '1.0.0' }, { versionNegotiation: { mode: 'auto' } });
  await connected.connect(new StreamableHTTPClientTransport(new URL(`${origin}/api/mcp?backend=mock&size=small&workspace=races&learner=${learner}`)));
  return connected;
}

describe('one workspace, two instances, racing writes', () => {
  it('12 create_task calls at once, alternating instances: all 12 tasks are there afterwards', async () => {
    const learner = issueLearnerId(secret);
    const clients = await Promise.all(instances.map((instance) => client(instance.origin, learner)));
    const titles = Array.from({ length: 12 }, (_, index) => `Race task ${index + 1}`);
    const results = await Promise.all(titles.map((content, index) => clients[index % 2]!.callTool({ name: 'create_task', arguments: { content } })));
    for (const result of results) expect((result as CallToolResult).isError).toBeFalsy();

    const listed = (await clients[0]!.callTool({ name: 'list_tasks', arguments: {} })) as CallToolResult;
    const text = listed.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
    for (const title of titles) expect(text).toContain(title);
    await Promise.all(clients.map((connected) => connected.close()));
  });
});
