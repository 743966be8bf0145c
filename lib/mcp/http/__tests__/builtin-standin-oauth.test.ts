/**
 * The built-in stand-in over real HTTP, as the authorization server will use
 * it: the browser at the app's /standin mount, the server on loopback, one
 * StateStore — and the signed per-workspace tokens working as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueLearnerId, LEARNER_COOKIE, type Tenant } from '@/lib/identity/learner';
import { serveFetch, type RunningServer } from '@/lib/http/serve-fetch';
import { STANDIN_MOUNT_PATH } from '@/lib/mock/standin-oauth-app';
import { MemoryStateStore } from '@/lib/state';
import { builtinStandinHandler, MAX_STANDIN_BODY_BYTES, servedUnder, startBuiltinStandin } from '../builtin-standin';

const secret = Buffer.from('builtin-standin-oauth-secret');
const store = new MemoryStateStore({ idleMs: 60_000, maxEntries: 1_000, sweepEveryMs: 0 });
let standin: Awaited<ReturnType<typeof startBuiltinStandin>>;
/** Plays the app: the stand-in mounted under /standin on another origin. */
let app: RunningServer;

beforeAll(async () => {
  standin = await startBuiltinStandin(store, secret);
  app = await serveFetch(servedUnder(STANDIN_MOUNT_PATH, builtinStandinHandler(store, secret, {})));
});
afterAll(async () => {
  await app.close();
  await standin.close();
});

const callback = () => `${app.origin}/oauth/callback`;

/** The browser's part: open the consent page, pick a user, follow nothing (we read the redirect). */
async function consent(authorizeUrl: string, options: { user: string; scope?: string; cookie?: string }): Promise<URL> {
  const query = new URLSearchParams({ client_id: standin.oauth.clientId, redirect_uri: callback(), scope: options.scope ?? 'data:read_write', state: 'abc' });
  const headers: Record<string, string> = options.cookie ? { cookie: `${LEARNER_COOKIE}=${options.cookie}` } : {};
  const page = await fetch(`${authorizeUrl}?${query}`, { headers });
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('action="authorize"');
  query.set('user', options.user);
  query.set('decision', 'allow');
  const decided = await fetch(authorizeUrl, { method: 'POST', body: query, headers, redirect: 'manual' });
  expect(decided.status).toBe(302);
  return new URL(decided.headers.get('location')!);
}

/** The server's part: exchange the code on loopback. */
async function exchange(code: string): Promise<string> {
  const response = await fetch(standin.oauth.tokenUrl, {
    method: 'POST',
    body: new URLSearchParams({ client_id: standin.oauth.clientId, client_secret: standin.oauth.clientSecret, code }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

const get = (token: string, path: string) => fetch(`${standin.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });

async function taskIds(token: string): Promise<string[]> {
  return ((await (await get(token, '/tasks?limit=200')).json()) as { results: { id: string }[] }).results.map((task) => task.id);
}

describe('the built-in stand-in speaks Todoist OAuth', () => {
  it('tells the server where everything is, on loopback, and the browser which path to open', () => {
    expect(standin.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(standin.oauth).toMatchObject({
      clientId: 'mcp-dojo',
      clientSecret: expect.any(String),
      browserAuthorizePath: '/standin/oauth/authorize',
      authorizeUrl: `${standin.origin}/oauth/authorize`,
      tokenUrl: `${standin.origin}/oauth/access_token`,
      revokeUrl: `${standin.baseUrl}/revoke`,
    });
  });

  it('redeems on loopback a code the browser got at the app’s /standin mount, for that learner’s own Alice', async () => {
    const learner = issueLearnerId(secret);
    const location = await consent(`${app.origin}${standin.oauth.browserAuthorizePath}`, { user: 'alice', cookie: learner });
    expect(`${location.origin}${location.pathname}`).toBe(callback());
    const token = await exchange(location.searchParams.get('code')!);
    const user = (await (await get(token, '/user')).json()) as { id: string; full_name: string };
    expect(user.id).toMatch(/^alice-[0-9a-f]{8}$/);
    expect(user.full_name).toBe('Alice Example');
    expect(await taskIds(token)).toHaveLength(180);
  });

  it('revokes on loopback: the token answers 401 at once, another user’s token is untouched', async () => {
    const alice = await exchange((await consent(standin.oauth.authorizeUrl, { user: 'alice' })).searchParams.get('code')!);
    const bob = await exchange((await consent(standin.oauth.authorizeUrl, { user: 'bob' })).searchParams.get('code')!);
    const basic = Buffer.from(`${standin.oauth.clientId}:${standin.oauth.clientSecret}`).toString('base64');
    const revoked = await fetch(standin.oauth.revokeUrl, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/json' },
      body: JSON.stringify({ token: alice, token_type_hint: 'access_token' }),
    });
    expect(revoked.status).toBe(200);
    expect((await get(alice, '/tasks')).status).toBe(401);
    expect((await get(bob, '/tasks')).status).toBe(200);
  });

  it('keeps the signed per-workspace tokens working, apart from the OAuth accounts', async () => {
    const tenant: Tenant = { key: 'learner-builtin-oauth-test', kind: 'learner' };
    const signed = standin.tokenFor(tenant, 'default');
    const signedIds = await taskIds(signed);
    expect(signedIds).toHaveLength(180);
    const alice = await exchange((await consent(standin.oauth.authorizeUrl, { user: 'alice' })).searchParams.get('code')!);
    expect((await taskIds(alice)).filter((id) => signedIds.includes(id))).toEqual([]);
    expect((await get('standin.forged.token', '/tasks')).status).toBe(401);
  });

  it('answers 404 outside the API and the mount', async () => {
    expect((await fetch(`${standin.origin}/elsewhere`)).status).toBe(404);
    expect((await fetch(`${app.origin}/not-standin/oauth/authorize`)).status).toBe(404);
  });

  it("refuses a redirect to anywhere but loopback or the app's own origin, with a page", async () => {
    const query = new URLSearchParams({ client_id: 'mcp-dojo', redirect_uri: 'https://evil.example/oauth/callback', scope: 'data:read', state: 's' });
    const handler = builtinStandinHandler(store, secret, {});
    const onApp = await handler(new Request(`https://dojo.example/oauth/authorize?${query}`));
    expect(onApp.status).toBe(400);
    query.set('redirect_uri', 'https://dojo.example/oauth/callback');
    expect((await handler(new Request(`https://dojo.example/oauth/authorize?${query}`))).status).toBe(200);
  });
});

describe('the /standin mount caps what it reads', () => {
  it('answers an oversized body with 413 in Todoist’s error shape, naming the limit', async () => {
    let sent = 0;
    const chunk = new Uint8Array(64 * 1024).fill(120);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 64) return controller.close(); // 4 MiB, with no Content-Length: the cap must count as it reads
        sent += 1;
        controller.enqueue(chunk);
      },
    });
    const response = await fetch(`${app.origin}${STANDIN_MOUNT_PATH}/oauth/access_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    const answer = (await response.json()) as { error: string; http_code: number };
    expect(answer.http_code).toBe(413);
    expect(answer.error).toContain(`at most ${MAX_STANDIN_BODY_BYTES.toLocaleString('en-US')} bytes`);
  });

  it('passes a body under the cap through as it was', async () => {
    const response = await fetch(`${app.origin}${STANDIN_MOUNT_PATH}/oauth/access_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=authorization_code&code=nope',
    });
    expect(response.status).toBe(400); // the stand-in read it: an unknown code, not a size problem
  });
});
