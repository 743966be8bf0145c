/**
 * A tiny Todoist-shaped OAuth provider for the authorization server's tests:
 * consent is decided by a switch (no page), and the token endpoint can be
 * told to fail in each way the real one might.
 */
import { randomBytes } from 'node:crypto';
import { serveFetch, type RunningServer } from '@/lib/http/serve-fetch';
import type { UpstreamOAuth } from '../upstream';

export interface FakeUpstream {
  server: RunningServer;
  upstream: UpstreamOAuth;
  /** Who consents next, or 'deny'. */
  consent: { userId: string; name: string } | 'deny';
  tokenEndpoint: 'ok' | 'http-500' | 'malformed' | 'drop';
  /** Live upstream tokens → user id. */
  liveTokens: Map<string, string>;
  revoked: string[];
  close(): Promise<void>;
}

export const FAKE_CLIENT_SECRET = `fake-secret-${randomBytes(8).toString('hex')}`;

export async function startFakeUpstream(): Promise<FakeUpstream> {
  const codes = new Map<string, { userId: string; name: string; scope: string }>();
  const names = new Map<string, string>();
  const fake: FakeUpstream = {
    server: undefined as unknown as RunningServer,
    upstream: undefined as unknown as UpstreamOAuth,
    consent: { userId: 'alice', name: 'Alice Example' },
    tokenEndpoint: 'ok',
    liveTokens: new Map(),
    revoked: [],
    close: () => fake.server.close(),
  };
  fake.server = await serveFetch(async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/oauth/authorize') {
      const redirect = new URL(url.searchParams.get('redirect_uri')!);
      redirect.searchParams.set('state', url.searchParams.get('state') ?? '');
      if (url.searchParams.get('client_id') !== 'fake-client') return new Response('unknown client', { status: 400 });
      if (fake.consent === 'deny') redirect.searchParams.set('error', 'access_denied');
      else {
        const code = randomBytes(12).toString('hex');
        codes.set(code, { ...fake.consent, scope: url.searchParams.get('scope') ?? '' });
        redirect.searchParams.set('code', code);
      }
      return Response.redirect(redirect.href, 302);
    }
    if (url.pathname === '/oauth/access_token' && request.method === 'POST') {
      if (fake.tokenEndpoint === 'drop') throw new Error('connection dropped on purpose');
      if (fake.tokenEndpoint === 'http-500') return Response.json({ error: 'server_error' }, { status: 500 });
      if (fake.tokenEndpoint === 'malformed') return new Response('<html>oops</html>', { status: 200 });
      const form = new URLSearchParams(await request.text());
      if (form.get('client_id') !== 'fake-client' || form.get('client_secret') !== FAKE_CLIENT_SECRET) {
        return Response.json({ error: 'invalid_client' }, { status: 400 });
      }
      const grant = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      if (!grant) return Response.json({ error: 'invalid_grant' }, { status: 400 });
      const token = `upstream-${randomBytes(16).toString('hex')}`;
      fake.liveTokens.set(token, grant.userId);
      names.set(grant.userId, grant.name);
      return Response.json({ access_token: token, token_type: 'Bearer', scope: grant.scope });
    }
    if (url.pathname === '/api/v1/user') {
      const token = (request.headers.get('authorization') ?? '').replace(/^Bearer /, '');
      const userId = fake.liveTokens.get(token);
      if (!userId) return Response.json({ error: 'Unauthorized' }, { status: 401 });
      return Response.json({ id: userId, full_name: names.get(userId), email: `${userId}@example.com` });
    }
    if (url.pathname === '/api/v1/revoke' && request.method === 'POST') {
      const expected = `Basic ${Buffer.from(`fake-client:${FAKE_CLIENT_SECRET}`).toString('base64')}`;
      if (request.headers.get('authorization') !== expected) return Response.json({ error: 'invalid_client' }, { status: 401 });
      const { token } = (await request.json()) as { token: string };
      fake.liveTokens.delete(token);
      fake.revoked.push(token);
      return new Response(null, { status: 200 });
    }
    return new Response('not found', { status: 404 });
  });
  const origin = fake.server.origin;
  fake.upstream = {
    kind: 'standin',
    authorizeUrl: `${origin}/oauth/authorize`,
    tokenUrl: `${origin}/oauth/access_token`,
    revokeUrl: `${origin}/api/v1/revoke`,
    apiBase: `${origin}/api/v1`,
    clientId: 'fake-client',
    clientSecret: FAKE_CLIENT_SECRET,
  };
  return fake;
}
