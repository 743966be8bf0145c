import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vaultStateKey } from '../vault';
import { FAKE_CLIENT_SECRET } from './fake-upstream';
import { authorizeUrl, CLIENT_REDIRECT, pkcePair, redeem, registerTestClient, signIn, TestBrowser, type Harness, startHarness } from './harness';

let h: Harness;
let clientId: string;
beforeEach(async () => {
  h = await startHarness();
  clientId = await registerTestClient(h);
});
afterEach(() => h.close());

function validParams(extra: Record<string, string | undefined> = {}) {
  const { challenge } = pkcePair();
  return {
    response_type: 'code',
    client_id: clientId,
    redirect_uri: CLIENT_REDIRECT,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 'xyz',
    ...extra,
  };
}

describe('discovery', () => {
  it('serves RFC 8414 authorization server metadata', async () => {
    const metadata = await (await fetch(`${h.origin}/.well-known/oauth-authorization-server`)).json();
    expect(metadata).toMatchObject({
      issuer: h.origin,
      authorization_endpoint: `${h.origin}/oauth/authorize`,
      token_endpoint: `${h.origin}/oauth/token`,
      registration_endpoint: `${h.origin}/oauth/register`,
      revocation_endpoint: `${h.origin}/oauth/revoke`,
      scopes_supported: ['tasks:read', 'tasks:write'],
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none'],
      client_id_metadata_document_supported: true,
    });
  });

  it('serves RFC 9728 protected resource metadata for /api/mcp', async () => {
    const response = await fetch(`${h.origin}/.well-known/oauth-protected-resource/api/mcp`);
    expect(await response.json()).toMatchObject({
      resource: h.resource,
      authorization_servers: [h.origin],
      scopes_supported: ['tasks:read', 'tasks:write'],
    });
  });

  it('leaves other paths alone (undefined)', async () => {
    expect(await h.as.fetch(new Request(`${h.origin}/api/mcp`))).toBeUndefined();
    expect(await h.as.fetch(new Request(`${h.origin}/oauth/nothing`))).toBeUndefined();
  });
});

describe('happy path', () => {
  it('signs in through the upstream, issues a code, and keeps the upstream token only in the vault', async () => {
    const { code, verifier, arrivedAt } = await signIn(h, clientId);
    expect(arrivedAt.searchParams.get('state')).toBe('client-state-1');
    expect(arrivedAt.searchParams.get('iss')).toBe(h.origin);
    const { status, body } = await redeem(h, clientId, code, verifier);
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 600, scope: 'tasks:read tasks:write' });

    const info = await h.as.verifier(h.resource).verifyAccessToken(body.access_token!);
    expect(info.extra?.tenant).toEqual({
      key: 'user-standin-alice',
      kind: 'user',
      user: { id: 'alice', name: 'Alice Example', upstream: 'standin' },
    });
    expect(info.resource?.href).toBe(h.resource);

    const entry = await h.as.vault.get('user-standin-alice');
    const [upstreamToken] = h.fake.liveTokens.keys();
    expect(entry).toMatchObject({ token: upstreamToken, upstream: 'standin', userId: 'alice', scopes: ['data:read_write', 'data:delete'] });
    // At rest, only ciphertext.
    expect(JSON.stringify(await h.store.get(vaultStateKey('user-standin-alice')))).not.toContain(upstreamToken);
    // The client's answer never carries the upstream token.
    expect(JSON.stringify(body)).not.toContain(upstreamToken);
  });

  it('asks the upstream for data:read only when only tasks:read is wanted', async () => {
    const browser = new TestBrowser();
    const first = await browser.get(authorizeUrl(h, validParams({ scope: 'tasks:read' })));
    expect(new URL(first.headers.get('location')!).searchParams.get('scope')).toBe('data:read');
  });

  it('replacing a user’s upstream token revokes the old one', async () => {
    await signIn(h, clientId);
    const [first] = h.fake.liveTokens.keys();
    await signIn(h, clientId);
    expect(h.fake.revoked).toEqual([first]);
  });
});

describe('GET /oauth/authorize refusals', () => {
  async function pageFor(params: Record<string, string | undefined>) {
    const response = await fetch(authorizeUrl(h, params), { redirect: 'manual' });
    return { response, text: await response.text() };
  }
  async function errorFor(params: Record<string, string | undefined>) {
    const response = await fetch(authorizeUrl(h, params), { redirect: 'manual' });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location')!);
    expect(location.href.startsWith(CLIENT_REDIRECT)).toBe(true);
    return location.searchParams;
  }

  it('unknown client → an HTML page, never a redirect', async () => {
    const { response, text } = await pageFor(validParams({ client_id: 'dcr_nobody' }));
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(text).toContain('Unknown application');
    expect(text).not.toContain('<script');
  });

  it('a redirect URI that does not match exactly → an HTML page, never a redirect', async () => {
    for (const redirect of [`${CLIENT_REDIRECT}/`, `${CLIENT_REDIRECT}?x=1`, 'http://127.0.0.1:9/callbac', 'https://evil.example/callback']) {
      const { response, text } = await pageFor(validParams({ redirect_uri: redirect }));
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect(text).toContain('Unexpected return address');
    }
  });

  it('escapes what the request said on the page', async () => {
    const evil = await registerTestClient(h, ['http://127.0.0.1:9/a', 'http://127.0.0.1:9/b']);
    const { text } = await pageFor(validParams({ client_id: evil, redirect_uri: '<script>alert(1)</script>' }));
    expect(text).not.toContain('<script>');
  });

  it('PKCE is required, and only S256', async () => {
    expect((await errorFor(validParams({ code_challenge: undefined }))).get('error')).toBe('invalid_request');
    const plain = await errorFor(validParams({ code_challenge_method: 'plain' }));
    expect(plain.get('error')).toBe('invalid_request');
    expect(plain.get('error_description')).toContain('S256');
    expect(plain.get('state')).toBe('xyz');
  });

  it('unknown scope → invalid_scope; foreign resource → invalid_target; other response types refused', async () => {
    expect((await errorFor(validParams({ scope: 'tasks:read admin' }))).get('error')).toBe('invalid_scope');
    expect((await errorFor(validParams({ resource: 'https://other.example/mcp' }))).get('error')).toBe('invalid_target');
    expect((await errorFor(validParams({ response_type: 'token' }))).get('error')).toBe('unsupported_response_type');
  });

  it('accepts the resource when it is our MCP URL', async () => {
    const response = await fetch(authorizeUrl(h, validParams({ resource: h.resource })), { redirect: 'manual' });
    expect(response.headers.get('location')!.startsWith(h.fake.upstream.authorizeUrl)).toBe(true);
  });
});

describe('GET /oauth/callback faults', () => {
  it('missing state → a 400 page naming the problem', async () => {
    const response = await fetch(`${h.origin}/oauth/callback?code=abc`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('state');
  });

  it('wrong state → a 400 page', async () => {
    const response = await fetch(`${h.origin}/oauth/callback?code=abc&state=not-one-of-ours`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('expired or already used');
  });

  it('a state is one-time, and must come back to the browser that started', async () => {
    const browser = new TestBrowser();
    const toUpstream = await browser.get(authorizeUrl(h, validParams()));
    const toCallback = await browser.get(toUpstream.headers.get('location')!);
    const callbackUrl = toCallback.headers.get('location')!;
    const elsewhere = await fetch(callbackUrl, { redirect: 'manual' }); // another browser: no cookie
    expect(elsewhere.status).toBe(400);
    expect(await elsewhere.text()).toContain('different browser');
    const again = await browser.get(callbackUrl); // the state was consumed by the attempt
    expect(again.status).toBe(400);
  });

  it('consent refused upstream → access_denied back to the client, with its state', async () => {
    h.fake.consent = 'deny';
    const { arrivedAt } = await new TestBrowser().follow(authorizeUrl(h, validParams()), CLIENT_REDIRECT);
    expect(arrivedAt?.searchParams.get('error')).toBe('access_denied');
    expect(arrivedAt?.searchParams.get('state')).toBe('xyz');
    expect(arrivedAt?.searchParams.get('code')).toBeNull();
  });

  for (const [mode, words] of [
    ['http-500', 'refused'],
    ['malformed', 'could not be understood'],
    ['drop', 'could not reach'],
  ] as const) {
    it(`upstream token endpoint ${mode} → a clear 502 page, no secret on it`, async () => {
      h.fake.tokenEndpoint = mode;
      const { response, arrivedAt } = await new TestBrowser().follow(authorizeUrl(h, validParams()), CLIENT_REDIRECT);
      expect(arrivedAt).toBeUndefined();
      expect(response.status).toBe(502);
      const text = await response.text();
      expect(text).toContain('Todoist sign-in failed');
      expect(text).toContain(words);
      expect(text).toContain('What to do');
      expect(text).not.toContain(FAKE_CLIENT_SECRET);
      expect(await h.as.vault.get('user-standin-alice')).toBeUndefined();
    });
  }
});
