/**
 * The MCP endpoint as an OAuth 2.1 resource server, over real HTTP with the
 * SDKs' clients: 401 challenges that point at the protected resource
 * metadata, audience checks, per-tool scopes (403 insufficient_scope), the
 * tenant taken from the verified token only, each user's own Todoist token,
 * and a rate limit per tenant.
 *
 * Tokens here come from a small fake verifier; lib/auth's tests cover the
 * real one (JWTs), and the isolation test runs both together.
 */
import { OAuthError, OAuthErrorCode, type AuthInfo } from '@modelcontextprotocol/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueLearnerId, userTenant, type Tenant } from '@/lib/identity/learner';
import { NaiveProcesses } from '@/lib/tenancy/naive-server';
import { serveFetch, type RunningServer } from '@/lib/http/serve-fetch';
import { MemoryStateStore } from '@/lib/state';
import { startBuiltinStandin } from '../http/builtin-standin';
import { createMcpEndpoint, type EndpointAuth } from '../http/endpoint';
import { PROVENANCE_META_KEY, type Provenance } from '../provenance';
import { ERAS, connectEra } from './eras';
import { postMcp } from './helpers';

const secret = Buffer.from('resource-server-test-secret');
const store = new MemoryStateStore({ idleMs: 60_000, maxEntries: 1_000, sweepEveryMs: 0 });
const policy = { origins: [], hosts: [] };
const alice = userTenant({ id: 'alice', name: 'Alice Ahmed', upstream: 'standin' });
const bob = userTenant({ id: 'bob', name: 'Bob Brown', upstream: 'standin' });
const carol = userTenant({ id: '4242', name: 'Carol (real Todoist)', upstream: 'todoist' });
let running: RunningServer;
let multiUser: RunningServer;
let standin: Awaited<ReturnType<typeof startBuiltinStandin>>;
const naive = new NaiveProcesses();
/** Todoist tokens "the vault" holds, per tenant key; a test can revoke one upstream by replacing it. */
const vault = new Map<string, string>();

/** token → who and what, as a verifier would read it out of a signed JWT. */
function fakeAuth(resource: () => string): EndpointAuth {
  const tokens: Record<string, { tenant: Tenant; scopes: string[]; resource?: string; expired?: boolean }> = {
    'alice-rw': { tenant: alice, scopes: ['tasks:read', 'tasks:write'] },
    'alice-read': { tenant: alice, scopes: ['tasks:read'] },
    'bob-rw': { tenant: bob, scopes: ['tasks:read', 'tasks:write'] },
    'carol-rw': { tenant: carol, scopes: ['tasks:read', 'tasks:write'] },
    'alice-other-audience': { tenant: alice, scopes: ['tasks:read'], resource: 'https://other.example/api/mcp' },
    'alice-expired': { tenant: alice, scopes: ['tasks:read'], expired: true },
  };
  return {
    verifier: () => ({
      verifyAccessToken: async (token): Promise<AuthInfo> => {
        const known = tokens[token];
        if (!known) throw new OAuthError(OAuthErrorCode.InvalidToken, 'Unknown token');
        const now = Math.floor(Date.now() / 1000);
        return {
          token,
          clientId: 'test-client',
          scopes: known.scopes,
          expiresAt: known.expired ? now - 10 : now + 600,
          resource: new URL(known.resource ?? resource()),
          extra: { tenant: known.tenant },
        };
      },
    }),
    todoistAccess: async (tenant) => {
      if (tenant.key === carol.key) return { token: 'carol-real-todoist-token', apiBase: 'http://127.0.0.1:9/api/v1', upstream: 'todoist' };
      const token = vault.get(tenant.key);
      return token ? { token, apiBase: standin.baseUrl, upstream: 'standin' } : undefined;
    },
  };
}

beforeAll(async () => {
  standin = await startBuiltinStandin(store, secret);
  const common = {
    store,
    policy,
    secret,
    loadConfig: async () => ({ token: undefined, baseUrl: 'https://api.todoist.com/api/v1', whereToSetToken: 'Set TODOIST_API_TOKEN.' }),
    standin: async () => standin,
  };
  const single = createMcpEndpoint({ ...common, auth: fakeAuth(() => `${running.origin}/api/mcp`), serverWideToken: true, naive });
  running = await serveFetch(single);
  // The multi-user server keeps its own store, with a tight rate limit to show.
  const multi = createMcpEndpoint({
    ...common,
    store: new MemoryStateStore({ idleMs: 60_000, maxEntries: 1_000, sweepEveryMs: 0 }),
    auth: fakeAuth(() => `${multiUser.origin}/api/mcp`),
    serverWideToken: false,
    rateLimit: { burst: 5, perSecond: 0.5 },
  });
  multiUser = await serveFetch(multi);
  // Each user's Todoist token opens their own sample account on the stand-in.
  vault.set(alice.key, standin.tokenFor(alice, 'default'));
  vault.set(bob.key, standin.tokenFor(bob, 'default'));
});
afterAll(async () => {
  await running.close();
  await multiUser.close();
  await standin.close();
});

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const provenance = (result: { _meta?: Record<string, unknown> }) => result._meta?.[PROVENANCE_META_KEY] as Provenance;
const text = (result: { content: unknown[] }) => String((result.content[0] as { text?: string }).text);

function post(origin: string, body: unknown, headers: Record<string, string> = {}, query = ''): Promise<Response> {
  return postMcp(`${origin}/api/mcp${query}`, body, headers);
}

const toolCall = (name: string, args: Record<string, unknown> = {}) => ({
  jsonrpc: '2.0',
  id: 7,
  method: 'tools/call',
  params: { name, arguments: args },
});

describe('401: a token this resource does not accept', () => {
  it.each([
    ['an unknown token', 'forged'],
    ['a token for another resource (audience)', 'alice-other-audience'],
    ['an expired token', 'alice-expired'],
  ])('refuses %s with a challenge naming the metadata and the scopes', async (_what, token) => {
    const response = await post(running.origin, toolCall('list_projects'), bearer(token));
    expect(response.status).toBe(401);
    const challenge = response.headers.get('www-authenticate') ?? '';
    expect(challenge).toMatch(/^Bearer /);
    expect(challenge).toContain('error="invalid_token"');
    expect(challenge).toContain(`resource_metadata="${running.origin}/.well-known/oauth-protected-resource/api/mcp"`);
    expect(challenge).toContain('scope="tasks:read tasks:write"');
    expect(JSON.stringify(await response.json())).not.toContain(token);
  });

  it('answers a multi-user deployment\'s real-account request without a token with 401, so the client signs in', async () => {
    const response = await post(multiUser.origin, toolCall('list_projects'), {}, '?backend=real&upstream=todoist');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('resource_metadata=');
    // The open local mock stays open.
    const mock = await post(multiUser.origin, toolCall('list_projects'), {}, '?backend=mock');
    expect(mock.status).toBe(200);
  });

  it("never lends a multi-user deployment's configured token to a caller without one, whatever upstream they ask for", async () => {
    const configured = createMcpEndpoint({
      store: new MemoryStateStore({ idleMs: 60_000, maxEntries: 100, sweepEveryMs: 0 }),
      policy,
      secret,
      loadConfig: async () => ({ token: standin.tokenFor(alice, 'default'), baseUrl: standin.baseUrl, whereToSetToken: 'Set TODOIST_API_TOKEN.' }),
      standin: async () => standin,
      auth: fakeAuth(() => 'http://unused.example/api/mcp'),
      serverWideToken: false,
    });
    const server = await serveFetch(configured);
    try {
      const response = await post(server.origin, toolCall('list_projects'), {}, '?backend=real&upstream=auto');
      const body = await response.text();
      expect(body).toContain('Todoist stand-in on this machine'); // the caller's own sample account
      expect(body).not.toContain('"upstream":"todoist"');
    } finally {
      await server.close();
    }
  });

  it('in single-user mode serves a real-account request without a token with the server-wide configuration', async () => {
    const response = await post(running.origin, toolCall('list_projects'), {}, '?backend=real&upstream=todoist');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('No Todoist API token is configured');
  });
});

describe('scopes: writes need tasks:write', () => {
  it('answers 403 insufficient_scope naming tasks:write to a read-only token, and lets it read', async () => {
    const write = await post(running.origin, toolCall('complete_task', { task_id: 'x' }), bearer('alice-read'));
    expect(write.status).toBe(403);
    const challenge = write.headers.get('www-authenticate') ?? '';
    expect(challenge).toContain('error="insufficient_scope"');
    expect(challenge).toContain('scope="tasks:read tasks:write"');
    expect(challenge).toContain('resource_metadata=');
    const read = await post(running.origin, toolCall('list_projects'), bearer('alice-read'));
    expect(read.status).toBe(200);
  });

  it('delete_task is a write: 403 naming tasks:write to a read-only token, before anything is read or asked', async () => {
    const deletion = await post(running.origin, toolCall('delete_task', { task_id: 'x' }), bearer('alice-read'));
    expect(deletion.status).toBe(403);
    expect(deletion.headers.get('www-authenticate')).toContain('scope="tasks:read tasks:write"');
  });

  it('lets a read-write token write', async () => {
    const client = await connectEra('2026-07-28', new URL(`${running.origin}/api/mcp`), bearer('alice-rw'));
    try {
      const result = await client.call('create_task', { content: 'Written with tasks:write' });
      expect(result.isError).toBeFalsy();
    } finally {
      await client.close();
    }
  });
});

describe('the tenant comes from the verified token', () => {
  it.each(ERAS)('%s: each user reads their own workspace, and provenance names them', async (era) => {
    const seen: Record<string, string> = {};
    for (const [token, tenant] of [['alice-rw', alice], ['bob-rw', bob]] as const) {
      const client = await connectEra(era, new URL(`${running.origin}/api/mcp?backend=mock&workspace=scopes-${era.length}`), bearer(token));
      try {
        const created = await client.call('create_task', { content: `Only for ${tenant.user!.name} (${era})` });
        expect(provenance(created)).toMatchObject({ tenant: tenant.key, account: tenant.user!.name });
        seen[tenant.key] = text(await client.call('list_tasks', { filter: 'today' }));
      } finally {
        await client.close();
      }
    }
    expect(seen[alice.key]).not.toContain('Only for Bob');
    expect(seen[bob.key]).not.toContain('Only for Alice');
  });

  it('ignores a learner cookie or URL id when a token is present', async () => {
    const response = await post(running.origin, toolCall('list_projects'), { ...bearer('bob-rw'), Cookie: 'dojo-learner=anything' }, '?learner=someone');
    const body = await response.text();
    expect(body).toContain(`"tenant":"${bob.key}"`);
  });
});

describe("each user's own Todoist token", () => {
  it('reads the account the user connected, and says whose it is', async () => {
    const client = await connectEra('2026-07-28', new URL(`${running.origin}/api/mcp?backend=real&upstream=todoist`), bearer('alice-rw'));
    try {
      const result = await client.call('list_projects');
      expect(result.isError).toBeFalsy();
      expect(provenance(result)).toMatchObject({ backend: 'real', upstream: 'standin', tenant: alice.key });
      expect(text(result).split('\n')[0]).toContain('sample account of Alice Ahmed');
    } finally {
      await client.close();
    }
  });

  it("turns Todoist's 401 for one user into a reconnect error for that user only", async () => {
    vault.set(alice.key, 'revoked-upstream');
    try {
      const aliceCall = await post(running.origin, toolCall('list_projects'), bearer('alice-rw'), '?backend=real');
      const aliceText = await aliceCall.text();
      expect(aliceText).toContain('Reconnect Todoist');
      expect(aliceText).toContain('Other users are not affected');
      expect(aliceText).not.toContain('revoked-upstream');
      const bobCall = await post(running.origin, toolCall('list_projects'), bearer('bob-rw'), '?backend=real');
      expect(await bobCall.text()).not.toContain('Reconnect');
    } finally {
      vault.set(alice.key, standin.tokenFor(alice, 'default'));
    }
  });

  it('says to reconnect when the server holds no Todoist token for the user', async () => {
    vault.delete(bob.key);
    try {
      const response = await post(running.origin, toolCall('list_projects'), bearer('bob-rw'), '?backend=real');
      expect(await response.text()).toContain('Sign in to this server again from your MCP client to reconnect Todoist');
    } finally {
      vault.set(bob.key, standin.tokenFor(bob, 'default'));
    }
  });
});

describe('rate limit per tenant', () => {
  it("answers 429 to a noisy tenant's calls while another tenant's calls go through", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) statuses.push((await post(multiUser.origin, toolCall('list_projects'), bearer('bob-rw'))).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const limited = await post(multiUser.origin, toolCall('list_projects'), bearer('bob-rw'));
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).error.message).toContain('Other accounts are not affected');
    expect((await post(multiUser.origin, toolCall('list_projects'), bearer('alice-rw'))).status).toBe(200);
    // Listing tools is not a tool call: a limited tenant can still see what exists.
    expect((await post(multiUser.origin, { jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }, bearer('bob-rw'))).status).toBe(200);
  });
});

describe('lesson 7: the naive multi-user server next to the production one', () => {
  const household = { Cookie: `dojo-learner=${issueLearnerId(secret)}` };
  const listTasks = toolCall('list_tasks');

  async function naiveList(token: string): Promise<string> {
    return (await post(running.origin, listTasks, { ...bearer(token), ...household }, '?tenancy=naive')).text();
  }

  it("shows Bob Alice's tasks (one client, one cache for everyone); the production server never does", async () => {
    const created = await post(running.origin, toolCall('create_task', { content: 'Alice private: dentist' }), bearer('alice-rw'), '?backend=real');
    expect(await created.text()).toContain('Alice private: dentist');

    expect(await naiveList('alice-rw')).toContain('Alice private: dentist');
    expect(await naiveList('bob-rw')).toContain('Alice private: dentist'); // the leak

    const production = await post(running.origin, listTasks, bearer('bob-rw'), '?backend=real');
    expect(await production.text()).not.toContain('Alice private: dentist');
  });

  it('leaks through the process-wide client even without the cache: the first token wins', async () => {
    const learner = issueLearnerId(secret);
    const cookie = { Cookie: `dojo-learner=${learner}` };
    const first = await post(running.origin, toolCall('list_tasks', {}), { ...bearer('alice-rw'), ...cookie }, '?tenancy=naive');
    expect(await first.text()).toContain('Alice private: dentist');
    // Other arguments: a cache miss, read through Alice's client all the same.
    const project = await post(running.origin, toolCall('list_tasks', { project_id: 'no-such-project' }), { ...bearer('bob-rw'), ...cookie }, '?tenancy=naive');
    expect(naive.for(`learner-${learner.split('.')[0]}`).todoist).toBeDefined();
    expect(project.status).toBe(200);
  });

  it('keeps each learner\'s naive process apart', async () => {
    const other = { Cookie: `dojo-learner=${issueLearnerId(secret)}` };
    const body = await (await post(running.origin, listTasks, { ...bearer('bob-rw'), ...other }, '?tenancy=naive')).text();
    expect(body).not.toContain('Alice private: dentist');
  });

  it('refuses to run without a signed-in user, or against a real Todoist account', async () => {
    const anonymous = await post(running.origin, listTasks, household, '?tenancy=naive');
    expect(anonymous.status).toBe(400);
    expect(await anonymous.text()).toContain('needs a signed-in user');
    const real = await post(running.origin, listTasks, { ...bearer('carol-rw'), ...household }, '?tenancy=naive');
    expect(real.status).toBe(400);
    const text = await real.text();
    expect(text).toContain("runs only against the stand-in's sample accounts");
    expect(text).not.toContain('carol-real-todoist-token');
  });
});
