/**
 * Test harness: the authorization server over real HTTP, a fake upstream, a
 * movable clock, and a "browser" that follows the sign-in redirects and
 * keeps cookies the way a real one would for this flow.
 */
import { MemoryStateStore } from '@/lib/state';
import { serveFetch, type RunningServer } from '@/lib/http/serve-fetch';
import { createAuthorizationServer, type AuthorizationServer, type AuthorizationServerOptions } from '../authorization-server';
import { s256Challenge } from '../pkce';
import { randomToken } from '../keys';
import { startFakeUpstream, type FakeUpstream } from './fake-upstream';

export interface Harness {
  origin: string;
  resource: string;
  as: AuthorizationServer;
  store: MemoryStateStore;
  fake: FakeUpstream;
  clock: { now: number };
  close(): Promise<void>;
}

export async function startHarness(overrides: Partial<AuthorizationServerOptions> = {}): Promise<Harness> {
  const fake = await startFakeUpstream();
  // Real time: the SDK's bearer check compares expiresAt with Date.now(), so tests move forward from now.
  const clock = { now: Date.now() };
  const store = new MemoryStateStore({ idleMs: 60 * 60_000, maxEntries: 10_000, now: () => clock.now, sweepEveryMs: 0 });
  const as = createAuthorizationServer({
    upstream: fake.upstream,
    store,
    secret: Buffer.from('test secret for the authorization server'),
    now: () => clock.now,
    env: {},
    ...overrides,
  });
  const server: RunningServer = await serveFetch(async (request) => (await as.fetch(request)) ?? new Response('not ours', { status: 404 }));
  return {
    origin: server.origin,
    resource: `${server.origin}/api/mcp`,
    as,
    store,
    fake,
    clock,
    close: async () => {
      await server.close();
      await fake.close();
      store.close();
    },
  };
}

export const CLIENT_REDIRECT = 'http://127.0.0.1:9/callback';

export async function registerTestClient(h: Harness, redirectUris = [CLIENT_REDIRECT]): Promise<string> {
  const response = await fetch(`${h.origin}/oauth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ redirect_uris: redirectUris, client_name: 'Test client', token_endpoint_auth_method: 'none' }),
  });
  if (response.status !== 201) throw new Error(`registration failed: ${response.status}`);
  return ((await response.json()) as { client_id: string }).client_id;
}

export function pkcePair() {
  const verifier = randomToken(32);
  return { verifier, challenge: s256Challenge(verifier) };
}

export function authorizeUrl(h: Harness, params: Record<string, string | undefined>): string {
  const url = new URL(`${h.origin}/oauth/authorize`);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(name, value);
  return url.href;
}

/** A browser: GET with cookies, no automatic redirects. */
export class TestBrowser {
  readonly cookies = new Map<string, string>();

  async get(url: string): Promise<Response> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, value] = pair!.trim().split('=') as [string, string];
      if (attributes.some((attribute) => attribute.trim().toLowerCase() === 'max-age=0')) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /**
   * Follows redirects from `url` until one leaves for `stopAt` (the client's
   * redirect URI) or a page is shown. Returns the last response and, when
   * stopped at the client, the URL it was sent to.
   */
  async follow(url: string, stopAt: string): Promise<{ response: Response; arrivedAt?: URL; steps: string[] }> {
    const steps: string[] = [];
    let next = url;
    for (let hop = 0; hop < 10; hop += 1) {
      steps.push(next);
      const response = await this.get(next);
      const location = response.headers.get('location');
      if (response.status !== 302 || !location) return { response, steps };
      if (location.startsWith(stopAt)) return { response, arrivedAt: new URL(location), steps };
      next = location;
    }
    throw new Error('too many redirects');
  }
}

/** Runs the whole browser part of a sign-in and returns our authorization code. */
export async function signIn(
  h: Harness,
  clientId: string,
  extra: Record<string, string> = {},
): Promise<{ code: string; verifier: string; arrivedAt: URL }> {
  const { verifier, challenge } = pkcePair();
  const browser = new TestBrowser();
  const url = authorizeUrl(h, {
    response_type: 'code',
    client_id: clientId,
    redirect_uri: CLIENT_REDIRECT,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 'client-state-1',
    ...extra,
  });
  const { arrivedAt } = await browser.follow(url, CLIENT_REDIRECT);
  const code = arrivedAt?.searchParams.get('code');
  if (!arrivedAt || !code) throw new Error(`sign-in did not return a code: ${arrivedAt?.search}`);
  return { code, verifier, arrivedAt };
}

export async function tokenRequest(h: Harness, params: Record<string, string>): Promise<{ status: number; body: Record<string, string> }> {
  const response = await fetch(`${h.origin}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

export async function redeem(h: Harness, clientId: string, code: string, verifier: string) {
  return tokenRequest(h, { grant_type: 'authorization_code', client_id: clientId, code, code_verifier: verifier, redirect_uri: CLIENT_REDIRECT });
}
