/**
 * The stand-in's Todoist OAuth, driven as an app and a browser would drive it:
 * consent → code → token → that user's data, and every way it must refuse.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { issueLearnerId, LEARNER_COOKIE } from '@/lib/identity/learner';
import { MemoryStateStore } from '@/lib/state';
import { SAMPLE_USERS } from '../sample-users';
import { standinOAuthApp } from '../standin-oauth-app';
import { CODE_TTL_MS } from '../standin-oauth-grants';
import { createStandinOAuth, type StandinOAuthHandler } from '../standin-oauth';

const ORIGIN = 'http://127.0.0.1:4010';
const REDIRECT = 'http://localhost:3000/oauth/callback';
const secret = Buffer.from('standin-oauth-test-secret');
const app = standinOAuthApp(secret);
const env = {}; // no DOJO_PUBLIC_URL: the request's origin is the app's

let clock = 1_000_000;
let store: MemoryStateStore;
let handler: StandinOAuthHandler;

beforeEach(() => {
  clock = 1_000_000;
  store = new MemoryStateStore({ idleMs: 60 * 60_000, maxEntries: 1_000, sweepEveryMs: 0, now: () => clock });
  handler = createStandinOAuth({ store, secret, now: () => clock, env });
});

async function send(request: Request): Promise<Response> {
  const response = await handler(request);
  if (!response) throw new Error(`The OAuth handler passed on ${request.method} ${request.url}`);
  return response;
}

function authorizeQuery(overrides: Record<string, string | undefined> = {}): URLSearchParams {
  const params = new URLSearchParams();
  const all = { client_id: app.clientId, redirect_uri: REDIRECT, scope: 'data:read_write', state: 'st-123', ...overrides };
  for (const [name, value] of Object.entries(all)) if (value !== undefined) params.set(name, value);
  return params;
}

/** Submits the consent form; returns where the browser is sent. */
async function decide(options: { user?: string; decision?: string; scope?: string; cookie?: string; headers?: Record<string, string> } = {}) {
  const form = authorizeQuery(options.scope ? { scope: options.scope } : {});
  form.set('decision', options.decision ?? 'allow');
  if (options.user !== '') form.set('user', options.user ?? 'alice');
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', ...options.headers };
  if (options.cookie) headers.cookie = `${LEARNER_COOKIE}=${options.cookie}`;
  const response = await send(new Request(`${ORIGIN}/oauth/authorize`, { method: 'POST', headers, body: form }));
  return { response, location: response.headers.get('location') ? new URL(response.headers.get('location')!) : undefined };
}

function exchange(code: string, overrides: Record<string, string> = {}) {
  const body = new URLSearchParams({ client_id: app.clientId, client_secret: app.clientSecret, code, ...overrides });
  return send(new Request(`${ORIGIN}/oauth/access_token`, { method: 'POST', body }));
}

async function tokenFor(options: Parameters<typeof decide>[0] = {}): Promise<string> {
  const { location } = await decide(options);
  const response = await exchange(location!.searchParams.get('code')!);
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

function api(token: string, path: string, init: RequestInit = {}) {
  return send(new Request(`${ORIGIN}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } }));
}

async function taskIds(token: string): Promise<string[]> {
  const body = (await (await api(token, '/tasks?limit=200')).json()) as { results: { id: string }[] };
  return body.results.map((task) => task.id);
}

function revoke(token: string, credentials = `${app.clientId}:${app.clientSecret}`) {
  return send(
    new Request(`${ORIGIN}/api/v1/revoke`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(credentials).toString('base64')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ token, token_type_hint: 'access_token' }),
    }),
  );
}

describe('consent page', () => {
  it('names the app, says what it may do in words, and labels every choice', async () => {
    const response = await send(new Request(`${ORIGIN}/oauth/authorize?${authorizeQuery({ scope: 'data:read,task:add' })}`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const html = await response.text();
    expect(html).toContain('<main>');
    expect(html).toMatch(/<h1>MCP Dojo wants to access your Todoist account<\/h1>/);
    expect(html).toContain('Read your tasks');
    expect(html).toContain('Add new tasks');
    expect(html).not.toContain('<script');
    for (const user of SAMPLE_USERS) expect(html).toContain(`<label for="user-${user.id}">${user.name}`);
    expect(html).toMatch(/<button type="submit" name="decision" value="deny">Deny<\/button>/);
    expect(html).not.toContain(app.clientSecret);
  });

  it('escapes what the request puts on the page', async () => {
    const response = await send(new Request(`${ORIGIN}/oauth/authorize?${authorizeQuery({ state: '"><script>x</script>' })}`));
    const html = await response.text();
    expect(html).not.toContain('<script>x');
    expect(html).toContain('&#34;&#62;&#60;script&#62;');
  });

  it('answers an unknown client or an unregistered redirect with a page, never a redirect', async () => {
    for (const overrides of [
      { client_id: 'someone-else' },
      { redirect_uri: 'https://evil.example/oauth/callback' },
      { redirect_uri: 'http://localhost:3000/oauth/callback?next=/elsewhere' },
      { redirect_uri: 'http://localhost:3000/other' },
      { redirect_uri: undefined },
    ]) {
      const response = await send(new Request(`${ORIGIN}/oauth/authorize?${authorizeQuery(overrides)}`));
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect(await response.text()).toContain('What to do');
    }
  });

  it("allows the app's own public origin as a redirect target", async () => {
    const deployed = createStandinOAuth({ store, secret, env: { DOJO_PUBLIC_URL: 'https://dojo.example' } });
    const ok = await deployed(new Request(`${ORIGIN}/oauth/authorize?${authorizeQuery({ redirect_uri: 'https://dojo.example/oauth/callback' })}`));
    expect(ok?.status).toBe(200);
  });

  it('sends an unknown scope or a missing state back to the app as an OAuth error', async () => {
    const badScope = await send(new Request(`${ORIGIN}/oauth/authorize?${authorizeQuery({ scope: 'data:everything' })}`));
    expect(badScope.status).toBe(302);
    const location = new URL(badScope.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('invalid_scope');
    expect(location.searchParams.get('state')).toBe('st-123');
    const noState = await send(new Request(`${ORIGIN}/oauth/authorize?${authorizeQuery({ state: undefined })}`));
    expect(new URL(noState.headers.get('location')!).searchParams.get('error')).toBe('invalid_request');
  });
});

describe('consent → code → token → data', () => {
  it("gives the app a token that reads the chosen user's account and nobody else's", async () => {
    const { response, location } = await decide({ user: 'alice' });
    expect(response.status).toBe(302);
    expect(`${location!.origin}${location!.pathname}`).toBe(REDIRECT);
    expect(location!.searchParams.get('state')).toBe('st-123');
    const tokenResponse = await exchange(location!.searchParams.get('code')!, { redirect_uri: REDIRECT });
    expect(tokenResponse.headers.get('cache-control')).toBe('no-store');
    const body = (await tokenResponse.json()) as { access_token: string; token_type: string };
    expect(body.token_type).toBe('Bearer');

    const user = await (await api(body.access_token, '/user')).json();
    expect(user).toMatchObject({ id: 'alice', full_name: 'Alice Example', email: 'alice@example.com', inbox_project_id: expect.any(String) });

    const bob = await tokenFor({ user: 'bob' });
    const aliceIds = await taskIds(body.access_token);
    const bobIds = await taskIds(bob);
    expect(aliceIds).toHaveLength(180);
    expect(bobIds.filter((id) => aliceIds.includes(id))).toEqual([]);
    // Naming another account's task by id does not reach it.
    expect((await api(body.access_token, `/tasks/${bobIds[0]}`)).status).toBe(404);
  });

  it("keeps each account's writes in that account", async () => {
    const alice = await tokenFor({ user: 'alice' });
    const bob = await tokenFor({ user: 'bob' });
    const created = await api(alice, '/tasks', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ content: 'Only Alice sees this' }),
    });
    expect(created.status).toBe(200);
    const { id } = (await created.json()) as { id: string };
    expect(await taskIds(alice)).toContain(id);
    expect(await taskIds(bob)).not.toContain(id);
    // A second token for the same account sees the same data.
    expect(await taskIds(await tokenFor({ user: 'alice' }))).toContain(id);
  });

  it('sends a refusal back to the app as access_denied, with its state', async () => {
    const { response, location } = await decide({ decision: 'deny' });
    expect(response.status).toBe(302);
    expect(location!.searchParams.get('error')).toBe('access_denied');
    expect(location!.searchParams.get('state')).toBe('st-123');
    expect(location!.searchParams.has('code')).toBe(false);
  });

  it('refuses a decision without a sample user, and one posted from another site', async () => {
    expect((await decide({ user: '' })).response.status).toBe(400);
    expect((await decide({ user: 'nobody' })).response.status).toBe(400);
    const crossSite = await decide({ headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.response.status).toBe(403);
    expect(crossSite.location).toBeUndefined();
  });
});

describe('token endpoint', () => {
  it('takes a code once; the second try is invalid_grant and revokes the first token', async () => {
    const { location } = await decide();
    const code = location!.searchParams.get('code')!;
    const first = (await (await exchange(code)).json()) as { access_token: string };
    expect((await api(first.access_token, '/user')).status).toBe(200);
    const again = await exchange(code);
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: 'invalid_grant' });
    expect((await api(first.access_token, '/user')).status).toBe(401);
  });

  it('refuses a wrong client secret (invalid_client) without spending the code', async () => {
    const { location } = await decide();
    const code = location!.searchParams.get('code')!;
    const wrong = await exchange(code, { client_secret: 'not-the-secret' });
    expect(wrong.status).toBe(400);
    const body = await wrong.text();
    expect(JSON.parse(body)).toMatchObject({ error: 'invalid_client' });
    expect(body).not.toContain(app.clientSecret);
    expect((await exchange(code)).status).toBe(200);
  });

  it('accepts client credentials by HTTP Basic too, and answers 401 when they are wrong', async () => {
    const { location } = await decide();
    const basic = (credentials: string) =>
      send(
        new Request(`${ORIGIN}/oauth/access_token`, {
          method: 'POST',
          headers: { authorization: `Basic ${Buffer.from(credentials).toString('base64')}` },
          body: new URLSearchParams({ code: location!.searchParams.get('code')!, grant_type: 'authorization_code' }),
        }),
      );
    expect((await basic(`${app.clientId}:wrong`)).status).toBe(401);
    expect((await basic(`${app.clientId}:${app.clientSecret}`)).status).toBe(200);
  });

  it('refuses an unknown code, an expired one, and one sent with another redirect_uri', async () => {
    expect(await (await exchange('0123456789abcdef')).json()).toMatchObject({ error: 'invalid_grant' });

    const expired = (await decide()).location!.searchParams.get('code')!;
    clock += CODE_TTL_MS + 1;
    expect(await (await exchange(expired)).json()).toMatchObject({ error: 'invalid_grant' });

    const moved = (await decide()).location!.searchParams.get('code')!;
    const mismatch = await exchange(moved, { redirect_uri: 'http://localhost:3000/oauth/callback2' });
    expect(await mismatch.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('names a missing code and an unsupported grant type', async () => {
    const noCode = await send(
      new Request(`${ORIGIN}/oauth/access_token`, {
        method: 'POST',
        body: new URLSearchParams({ client_id: app.clientId, client_secret: app.clientSecret }),
      }),
    );
    expect(await noCode.json()).toMatchObject({ error: 'invalid_request' });
    expect(await (await exchange('x', { grant_type: 'password' })).json()).toMatchObject({ error: 'unsupported_grant_type' });
  });
});

describe('revocation', () => {
  it('kills a token at once with the app credentials (HTTP Basic)', async () => {
    const token = await tokenFor();
    expect((await api(token, '/tasks')).status).toBe(200);
    const response = await revoke(token);
    expect(response.status).toBe(200);
    const after = await api(token, '/tasks');
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ error_tag: 'UNAUTHORIZED', http_code: 401 });
    // Revoking again, or an unknown token, is not an error (RFC 7009).
    expect((await revoke(token)).status).toBe(200);
  });

  it('refuses without the right client credentials, and the token keeps working', async () => {
    const token = await tokenFor();
    const refused = await revoke(token, `${app.clientId}:wrong`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('Basic');
    const unauthenticated = await send(new Request(`${ORIGIN}/api/v1/revoke`, { method: 'POST', body: JSON.stringify({ token }) }));
    expect(unauthenticated.status).toBe(401);
    expect((await api(token, '/tasks')).status).toBe(200);
  });

  it('takes a form-encoded body too', async () => {
    const token = await tokenFor();
    const response = await send(
      new Request(`${ORIGIN}/api/v1/revoke`, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64')}` },
        body: new URLSearchParams({ token }),
      }),
    );
    expect(response.status).toBe(200);
    expect((await api(token, '/tasks')).status).toBe(401);
  });
});

describe('scopes', () => {
  it("lets a data:read token read but answers any write with Todoist's 403 body", async () => {
    const token = await tokenFor({ scope: 'data:read' });
    expect((await api(token, '/tasks')).status).toBe(200);
    const [someTask] = await taskIds(token);
    const writes = [
      api(token, '/tasks', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"content":"x"}' }),
      api(token, `/tasks/${someTask}/close`, { method: 'POST' }),
      api(token, `/tasks/${someTask}`, { method: 'DELETE' }),
    ];
    for (const response of await Promise.all(writes)) {
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({
        error_tag: 'AUTH_INSUFFICIENT_TOKEN_SCOPE',
        error_code: 403,
        http_code: 403,
        error_extra: { event_id: expect.any(String) },
      });
    }
    expect(await taskIds(token)).toContain(someTask);
  });

  it('lets a task:add token create tasks and nothing else', async () => {
    const token = await tokenFor({ scope: 'task:add' });
    const created = await api(token, '/tasks', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"content":"x"}' });
    expect(created.status).toBe(200);
    expect((await api(token, '/tasks')).status).toBe(403);
  });
});

describe('per-learner sample accounts', () => {
  it("gives each learner's cookie its own copy of Alice, and the CLI plain alice", async () => {
    const first = issueLearnerId(secret);
    const second = issueLearnerId(secret);
    const firstAlice = await tokenFor({ cookie: first });
    const secondAlice = await tokenFor({ cookie: second });
    const plainAlice = await tokenFor();

    const ids = await Promise.all([firstAlice, secondAlice, plainAlice].map(async (token) => ((await (await api(token, '/user')).json()) as { id: string; email: string })));
    expect(ids[0]!.id).toMatch(/^alice-[0-9a-f]{8}$/);
    expect(ids[1]!.id).toMatch(/^alice-[0-9a-f]{8}$/);
    expect(ids[0]!.id).not.toBe(ids[1]!.id);
    expect(ids[2]!.id).toBe('alice');
    expect(ids[0]!.email).toBe(`alice+${ids[0]!.id.slice(6)}@example.com`);
    // The suffix tells nothing of the learner id it comes from.
    expect(first).not.toContain(ids[0]!.id.slice(6));

    // Same dataset (Alice's), separate changes.
    expect(await taskIds(firstAlice)).toEqual(await taskIds(secondAlice));
    const created = await api(firstAlice, '/tasks', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"content":"mine"}' });
    const { id } = (await created.json()) as { id: string };
    expect(await taskIds(firstAlice)).toContain(id);
    expect(await taskIds(secondAlice)).not.toContain(id);
    expect(await taskIds(plainAlice)).not.toContain(id);

    // The same learner signing in again gets the same account back.
    expect(await taskIds(await tokenFor({ cookie: first }))).toContain(id);
  });

  it('says on the consent page whether the accounts are your own copies', async () => {
    const page = (cookie?: string) =>
      send(new Request(`${ORIGIN}/oauth/authorize?${authorizeQuery()}`, { headers: cookie ? { cookie: `${LEARNER_COOKIE}=${cookie}` } : {} }));
    expect(await (await page(issueLearnerId(secret))).text()).toContain('your own copy');
    expect(await (await page()).text()).toContain('shared by everyone');
  });
});

describe('routing', () => {
  it('passes on requests that are not OAuth routes or OAuth tokens', async () => {
    expect(await handler(new Request(`${ORIGIN}/api/v1/tasks`, { headers: { authorization: 'Bearer some-other-token' } }))).toBeUndefined();
    expect(await handler(new Request(`${ORIGIN}/api/v1/tasks`))).toBeUndefined();
    expect(await handler(new Request(`${ORIGIN}/__dojo/state`))).toBeUndefined();
  });

  it('answers an unknown token of the OAuth form with 401, never with another account', async () => {
    const response = await api('standin_oauth_0000000000000000000000000000000000000000', '/tasks');
    expect(response.status).toBe(401);
  });

  it('answers wrong methods with 405', async () => {
    expect((await send(new Request(`${ORIGIN}/oauth/access_token`))).status).toBe(405);
    expect((await send(new Request(`${ORIGIN}/oauth/authorize`, { method: 'DELETE' }))).status).toBe(405);
  });
});
