/**
 * Lesson 9, attacks 2 and 3, over real HTTP: the runners sign the learner's
 * copy of Alice in, then present tokens to naive servers and to the real
 * /api/mcp. Each demo's point is asserted on what the servers answered, and
 * no answer carries a secret or a whole token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAccessToken } from '@/lib/auth/access-token';
import { NOT_A_SAMPLE_ACCOUNT } from '@/lib/auth/sample-account-token';
import { userTenant } from '@/lib/identity/learner';
import { ConcurrencyLimit } from '@/lib/http/concurrency-limit';
import { DEMO_CLIENT_ID } from '../attack-context';
import { handleAttackRequest } from '../attack-endpoint';
import { CALENDAR_MCP_PATH, CALENDAR_SCOPE } from '../calendar-mcp';
import { callTool } from '../mcp-call';
import { naiveTokenCheck } from '../naive-audience-server';
import type { AttackRefusal, AttackReport } from '../report';
import { secretsIn, startAttackApp, type AttackApp } from './app-harness';

let app: AttackApp;
beforeAll(async () => {
  app = await startAttackApp();
});
afterAll(async () => {
  await app?.close();
});

async function run(attack: 'audience' | 'passthrough', cookie = app.learnerCookie()): Promise<{ status: number; text: string; report: AttackReport }> {
  const response = await fetch(`${app.origin}/api/security/attacks/${attack}`, { method: 'POST', headers: app.ownPage(cookie) });
  const text = await response.text();
  return { status: response.status, text, report: JSON.parse(text) as AttackReport };
}

describe('token audience', () => {
  let result: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    result = await run('audience');
  });

  it('the Calendar MCP accepts the token issued for its own audience (setup)', () => {
    expect(result.status).toBe(200);
    const [calendar] = result.report.setup;
    expect(calendar!.request.url).toBe(`${app.origin}${CALENDAR_MCP_PATH}`);
    expect(calendar!.response.status).toBe(200);
    expect(calendar!.token).toMatchObject({ kind: 'mcp-access-token', audience: `${app.origin}${CALENDAR_MCP_PATH}`, scopes: [CALENDAR_SCOPE] });
  });

  it("naive (signature only) accepts the Calendar MCP's token and serves the user's tasks", () => {
    const { naive, account } = result.report;
    expect(account.name).toBe('Alice Example');
    expect(naive.verdict.attack).toBe('succeeded');
    const [replay, upstream] = naive.requests;
    expect(replay!.token?.audience).toBe(`${app.origin}${CALENDAR_MCP_PATH}`);
    expect(replay!.response).toMatchObject({ status: 200, account: 'Alice Example' });
    expect(replay!.response.taskTitles?.length).toBeGreaterThan(0);
    // The naive server then read Alice's stand-in account with the Todoist token kept for her.
    expect(upstream!.request.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/tasks/);
    expect(upstream!.response.status).toBe(200);
  });

  it("production (/api/mcp) answers 401 invalid_token: issued for another resource, with the challenge", () => {
    const { production } = result.report;
    expect(production.verdict.attack).toBe('refused');
    const [replay] = production.requests;
    expect(replay!.request.url).toBe(`${app.origin}/api/mcp?backend=real`);
    expect(replay!.response.status).toBe(401);
    expect(replay!.response.error).toBe('The access token was issued for another resource.');
    const challenge = replay!.response.headers['WWW-Authenticate'];
    expect(challenge).toMatch(/^Bearer /);
    expect(challenge).toContain('error="invalid_token"');
    expect(challenge).toContain(`resource_metadata="${app.origin}/.well-known/oauth-protected-resource/api/mcp"`);
  });

  it('shows tokens redacted, and no secret', () => {
    for (const exchange of [...result.report.setup, ...result.report.naive.requests, ...result.report.production.requests]) {
      expect(exchange.request.headers.Authorization).toMatch(/^Bearer .{6}…$/);
    }
    expect(secretsIn(result.text)).toEqual([]);
  });
});

describe('token passthrough', () => {
  let result: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    result = await run('passthrough');
  });

  it('naive (a): the MCP access token forwarded to Todoist fails with 401', () => {
    const [client, upstream] = result.report.naive.requests;
    expect(client!.token).toMatchObject({ kind: 'mcp-access-token', audience: `${app.origin}/api/mcp` });
    expect(client!.response.error).toMatch(/^Todoist answered 401/);
    expect(upstream!.from).toContain('naive MCP server');
    expect(upstream!.token?.kind).toBe('mcp-access-token');
    expect(upstream!.response.status).toBe(401);
  });

  it("naive (b): a Todoist token the client was handed 'works', and Todoist saw the naive server call", () => {
    const { naive } = result.report;
    const [, , client, upstream] = naive.requests;
    expect(client!.token?.kind).toBe('todoist-token');
    expect(client!.response.status).toBe(200);
    expect(client!.response.taskTitles?.length).toBeGreaterThan(0);
    expect(upstream!.from).toContain('naive MCP server');
    expect(upstream!.token?.redacted).toBe(client!.token?.redacted);
    expect(upstream!.response.status).toBe(200);
    expect(naive.verdict.attack).toBe('succeeded');
    expect(naive.verdict.summary).toContain('confused deputy');
  });

  it('production (c): refuses the raw Todoist token with 401 invalid_token, and serves its own access token from the vault', () => {
    const { production } = result.report;
    const [raw, own] = production.requests;
    expect(raw!.token?.kind).toBe('todoist-token');
    expect(raw!.response.status).toBe(401);
    expect(raw!.response.headers['WWW-Authenticate']).toContain('error="invalid_token"');
    expect(raw!.response.error).toBe('The access token is not valid.');
    expect(own!.response).toMatchObject({ status: 200, account: 'Alice Example' });
    expect(production.verdict.attack).toBe('refused');
  });

  it('shows tokens redacted, and no secret', () => {
    expect(secretsIn(result.text)).toEqual([]);
    expect(result.text).not.toContain('standin_oauth_');
  });
});

describe('the runners answer only the learner on a page of this app', () => {
  const post = (path: string, headers: Record<string, string>, method = 'POST') => fetch(`${app.origin}${path}`, { method, headers });

  it.each([
    ['another site (Sec-Fetch-Site: cross-site)', { 'sec-fetch-site': 'cross-site' }, 403],
    ['another origin', { origin: 'https://evil.example' }, 403],
  ])('refuses %s', async (_what, extra, status) => {
    const response = await post('/api/security/attacks/audience', { ...app.ownPage(app.learnerCookie()), ...extra });
    expect(response.status).toBe(status);
    expect(((await response.json()) as AttackRefusal).error).toMatch(/^Forbidden: /);
  });

  it('needs the learner cookie, takes no parameters, and runs on POST only', async () => {
    const noLearner = await post('/api/security/attacks/passthrough', app.ownPage(''));
    expect(noLearner.status).toBe(400);
    expect(((await noLearner.json()) as AttackRefusal).error).toContain('No learner id');
    const withParameter = await post('/api/security/attacks/passthrough?account=bob', app.ownPage(app.learnerCookie()));
    expect(withParameter.status).toBe(400);
    expect(((await withParameter.json()) as AttackRefusal).error).toContain('"account"');
    const get = await post('/api/security/attacks/passthrough', app.ownPage(app.learnerCookie()), 'GET');
    expect(get.status).toBe(405);
  });

  it('runs again for the same learner (the sample account is reused) and for another learner (their own copy)', async () => {
    const cookie = app.learnerCookie();
    const first = await run('audience', cookie);
    const again = await run('passthrough', cookie);
    const other = await run('audience');
    expect(again.report.account.id).toBe(first.report.account.id);
    expect(other.report.account.id).not.toBe(first.report.account.id);
    expect(other.report.account.id).toMatch(/^alice-[0-9a-f]{8}$/);
  });
});

describe('the runners fail without saying more than they should', () => {
  const deps = () => ({ as: app.as, secret: app.secret, signingKey: app.signingKey, policy: { origins: [], hosts: [] } });
  const request = () => new Request(`${app.origin}/api/security/attacks/audience`, { method: 'POST', headers: app.ownPage(app.learnerCookie()) });

  it('an unexpected error is a 500 that repeats none of its text', async () => {
    const failing = async (): Promise<never> => {
      throw new Error(`boom ${app.secret.toString()}`);
    };
    const response = await handleAttackRequest('audience', request(), { ...deps(), standin: failing });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: 'The demo could not run: an unexpected error on the server.' });
  });

  it('busy: a few at once, the others 503 with Retry-After', async () => {
    const response = await handleAttackRequest('passthrough', request(), { ...deps(), standin: async () => never(), limit: new ConcurrencyLimit(0) });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('2');
  });
});

function never(): never {
  throw new Error('not reached');
}

describe('the pieces', () => {
  async function demoAccountToken(resource: string, scopes: string[]) {
    // A run leaves the learner's copy of Alice connected; a token for it, as the runner issues one.
    const { report } = await run('audience');
    const tenant = userTenant({ id: report.account.id, name: report.account.name, upstream: 'standin' });
    return app.as.issueSampleAccountToken({ tenant, resource, scopes, clientId: DEMO_CLIENT_ID });
  }

  it('the naive check accepts a token for any audience; the production check refuses it', async () => {
    const calendar = await demoAccountToken(`${app.origin}${CALENDAR_MCP_PATH}`, [CALENDAR_SCOPE]);
    await expect(naiveTokenCheck(calendar.token, app.signingKey)).resolves.toMatchObject({ subject: expect.stringMatching(/^user-standin-alice-/) });
    await expect(
      readAccessToken(app.signingKey, calendar.token, { issuer: app.origin, audience: `${app.origin}/api/mcp`, nowMs: Date.now() }),
    ).rejects.toThrow('The access token was issued for another resource.');
  });

  it('the Calendar MCP refuses a token for /api/mcp (it checks its audience too)', async () => {
    const todoist = await demoAccountToken(`${app.origin}/api/mcp`, ['tasks:read']);
    const exchange = await callTool({ step: '', from: '', to: '', url: `${app.origin}${CALENDAR_MCP_PATH}`, token: todoist.token, tool: 'list_events' });
    expect(exchange.response.status).toBe(401);
    expect(exchange.response.error).toBe('The access token was issued for another resource.');
  });

  it("a demo token dies with its grant: /api/mcp refuses it once revoked", async () => {
    const todoist = await demoAccountToken(`${app.origin}/api/mcp`, ['tasks:read']);
    const call = () => callTool({ step: '', from: '', to: '', url: `${app.origin}/api/mcp?backend=real`, token: todoist.token, tool: 'list_tasks' });
    expect((await call()).response.status).toBe(200);
    await todoist.revoke();
    const refused = await call();
    expect(refused.response.status).toBe(401);
    expect(refused.response.error).toBe('The access token has been revoked.');
  });

  it('issues demo tokens for stand-in sample accounts only', async () => {
    const realUser = userTenant({ id: '4242', name: 'Someone real', upstream: 'todoist' });
    await expect(
      app.as.issueSampleAccountToken({ tenant: realUser, resource: `${app.origin}/api/mcp`, scopes: ['tasks:read'], clientId: DEMO_CLIENT_ID }),
    ).rejects.toThrow(NOT_A_SAMPLE_ACCOUNT);
    const notConnected = userTenant({ id: 'carol-nobody', name: 'Carol', upstream: 'standin' });
    await expect(
      app.as.issueSampleAccountToken({ tenant: notConnected, resource: `${app.origin}/api/mcp`, scopes: ['tasks:read'], clientId: DEMO_CLIENT_ID }),
    ).rejects.toThrow(NOT_A_SAMPLE_ACCOUNT);
  });
});
