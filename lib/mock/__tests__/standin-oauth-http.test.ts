/**
 * The CLI stand-in (`npm run todoist:standin`) with its OAuth switched on:
 * OAuth tokens reach their own accounts, every other token the stand-in's
 * one backend as before, and a revoked OAuth token never falls through to it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStateStore } from '@/lib/state';
import { createMockBackend } from '../backend';
import { startStandin, type RunningStandin } from '../standin';
import { createStandinOAuth } from '../standin-oauth';
import { standinOAuthApp } from '../standin-oauth-app';

const secret = Buffer.from('cli-standin-oauth-secret');
const app = standinOAuthApp(secret);
const lines: string[] = [];
let standin: RunningStandin;

beforeAll(async () => {
  standin = await startStandin({
    // No --token: the backend accepts any bearer token, the case a revoked OAuth token must not slip into.
    backend: createMockBackend({ size: 'small', seed: 1 }),
    oauth: createStandinOAuth({ store: new MemoryStateStore({ idleMs: 60_000, maxEntries: 100, sweepEveryMs: 0 }), secret, env: {} }),
    log: (line) => lines.push(line),
  });
});
afterAll(() => standin.close());

async function signIn(user: string): Promise<string> {
  const form = new URLSearchParams({
    client_id: app.clientId,
    redirect_uri: 'http://localhost:3000/oauth/callback',
    scope: 'data:read_write',
    state: 'cli-state-value',
    user,
    decision: 'allow',
  });
  const decided = await fetch(`${standin.origin}/oauth/authorize`, { method: 'POST', body: form, redirect: 'manual' });
  const code = new URL(decided.headers.get('location')!).searchParams.get('code')!;
  const token = await fetch(`${standin.origin}/oauth/access_token`, {
    method: 'POST',
    body: new URLSearchParams({ client_id: app.clientId, client_secret: app.clientSecret, code }),
  });
  return ((await token.json()) as { access_token: string }).access_token;
}

const get = (token: string, path: string) => fetch(`${standin.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });

describe('CLI stand-in with OAuth', () => {
  it('serves the sample account to its token and the shared backend to any other', async () => {
    const token = await signIn('carol');
    expect(await (await get(token, '/user')).json()).toMatchObject({ id: 'carol', full_name: 'Carol Example' });
    expect(await (await get('any-token', '/user')).json()).toMatchObject({ full_name: 'Alex Morgan' });
    expect(await (await fetch(`${standin.origin}/__dojo/state`)).json()).toMatchObject({ tasks: 180 });
  });

  it('answers a revoked OAuth token 401 instead of handing it the shared backend', async () => {
    const token = await signIn('dave');
    const revoked = await fetch(`${standin.baseUrl}/revoke`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ token, token_type_hint: 'access_token' }),
    });
    expect(revoked.status).toBe(200);
    expect((await get(token, '/tasks')).status).toBe(401);
  });

  it('logs each request without tokens, codes or the state', async () => {
    await signIn('erin');
    const log = lines.join('\n');
    expect(log).toMatch(/POST \/oauth\/authorize -> 302/);
    expect(log).toMatch(/POST \/oauth\/access_token -> 200/);
    expect(log).not.toContain('cli-state-value');
    expect(log).not.toContain('standin_oauth_');
    expect(log).not.toContain(app.clientSecret);
  });
});
