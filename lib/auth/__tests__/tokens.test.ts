import { bearerAuthChallengeResponse, verifyBearerToken } from '@modelcontextprotocol/server';
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { issueAccessToken } from '../access-token';
import { authKeysFrom } from '../keys';
import { CLIENT_REDIRECT, pkcePair, redeem, registerTestClient, signIn, startHarness, tokenRequest, type Harness } from './harness';

let h: Harness;
let clientId: string;
beforeEach(async () => {
  h = await startHarness();
  clientId = await registerTestClient(h);
});
afterEach(() => h.close());

const KEYS = authKeysFrom(Buffer.from('test secret for the authorization server'), {});

async function tokens() {
  const { code, verifier } = await signIn(h, clientId);
  const { status, body } = await redeem(h, clientId, code, verifier);
  expect(status).toBe(200);
  return body as { access_token: string; refresh_token: string };
}

/** What the MCP endpoint will do: the SDK's bearer check with our verifier and audience. */
async function bearerStatus(token: string, resource = h.resource): Promise<number> {
  try {
    await verifyBearerToken(`Bearer ${token}`, { verifier: h.as.verifier(resource), expectedResource: new URL(resource) });
    return 200;
  } catch (error) {
    return bearerAuthChallengeResponse(error).status;
  }
}

describe('authorization_code grant', () => {
  it('a wrong PKCE verifier → invalid_grant', async () => {
    const { code } = await signIn(h, clientId);
    const { status, body } = await redeem(h, clientId, code, pkcePair().verifier);
    expect(status).toBe(400);
    expect(body.error).toBe('invalid_grant');
  });

  it('a reused code → invalid_grant, and the tokens of its first use are revoked', async () => {
    const { code, verifier } = await signIn(h, clientId);
    const first = await redeem(h, clientId, code, verifier);
    expect(await bearerStatus(first.body.access_token!)).toBe(200);
    const second = await redeem(h, clientId, code, verifier);
    expect(second.body.error).toBe('invalid_grant');
    expect(await bearerStatus(first.body.access_token!)).toBe(401);
    const refreshed = await tokenRequest(h, { grant_type: 'refresh_token', client_id: clientId, refresh_token: first.body.refresh_token! });
    expect(refreshed.body.error).toBe('invalid_grant');
  });

  it('two redemptions of one code at the same instant → exactly one 200, the other invalid_grant', async () => {
    const { code, verifier } = await signIn(h, clientId);
    const answers = await Promise.all([redeem(h, clientId, code, verifier), redeem(h, clientId, code, verifier)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 400]);
    expect(answers.find((answer) => answer.status === 400)!.body.error).toBe('invalid_grant');
  });

  it('a redirect URI that differs from the authorization request → invalid_grant', async () => {
    const { code, verifier } = await signIn(h, clientId);
    const { body } = await tokenRequest(h, {
      grant_type: 'authorization_code',
      client_id: clientId,
      code,
      code_verifier: verifier,
      redirect_uri: `${CLIENT_REDIRECT}/other`,
    });
    expect(body.error).toBe('invalid_grant');
  });

  it('another client presenting the code → invalid_grant', async () => {
    const other = await registerTestClient(h);
    const { code, verifier } = await signIn(h, clientId);
    expect((await redeem(h, other, code, verifier)).body.error).toBe('invalid_grant');
  });

  it('a code older than 60 s → invalid_grant', async () => {
    const { code, verifier } = await signIn(h, clientId);
    h.clock.now += 61_000;
    expect((await redeem(h, clientId, code, verifier)).body.error).toBe('invalid_grant');
  });

  it('names the errors the spec names for malformed requests', async () => {
    expect((await tokenRequest(h, { grant_type: 'password', client_id: clientId })).body.error).toBe('unsupported_grant_type');
    expect((await tokenRequest(h, { grant_type: 'authorization_code', client_id: clientId })).body.error).toBe('invalid_request');
    const noClient = await tokenRequest(h, { grant_type: 'authorization_code', code: 'x' });
    expect([noClient.status, noClient.body.error]).toEqual([401, 'invalid_client']);
    const response = await fetch(`${h.origin}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(((await response.json()) as { error: string }).error).toBe('invalid_request');
    const target = await tokenRequest(h, { grant_type: 'authorization_code', client_id: clientId, resource: 'https://other.example/mcp' });
    expect(target.body.error).toBe('invalid_target');
  });

  it('token answers are never cached', async () => {
    const { code, verifier } = await signIn(h, clientId);
    const response = await fetch(`${h.origin}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', client_id: clientId, code, code_verifier: verifier, redirect_uri: CLIENT_REDIRECT }),
    });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('refresh_token grant (rotating)', () => {
  const refresh = (token: string, client = clientId) =>
    tokenRequest(h, { grant_type: 'refresh_token', client_id: client, refresh_token: token });

  it('each use returns a new refresh token and a working access token', async () => {
    const first = await tokens();
    const second = await refresh(first.refresh_token);
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    expect(await bearerStatus(second.body.access_token!)).toBe(200);
    const third = await refresh(second.body.refresh_token!);
    expect(third.status).toBe(200);
  });

  it('a refresh token used twice → invalid_grant and the whole family revoked', async () => {
    const first = await tokens();
    const second = await refresh(first.refresh_token);
    const replay = await refresh(first.refresh_token);
    expect(replay.body.error).toBe('invalid_grant');
    // Everything descended from that sign-in is dead: the newer refresh token and both access tokens.
    expect((await refresh(second.body.refresh_token!)).body.error).toBe('invalid_grant');
    expect(await bearerStatus(second.body.access_token!)).toBe(401);
    expect(await bearerStatus(first.access_token)).toBe(401);
  });

  it('another user’s sign-in is untouched by that revocation', async () => {
    const alice = await tokens();
    h.fake.consent = { userId: 'bob', name: 'Bob Example' };
    const bob = await tokens();
    await refresh(alice.refresh_token);
    await refresh(alice.refresh_token);
    expect(await bearerStatus(alice.access_token)).toBe(401);
    expect(await bearerStatus(bob.access_token)).toBe(200);
  });

  it('may narrow the scope, never widen it; another client cannot use it', async () => {
    const first = await tokens();
    const narrowed = await tokenRequest(h, { grant_type: 'refresh_token', client_id: clientId, refresh_token: first.refresh_token, scope: 'tasks:read' });
    expect(narrowed.body.scope).toBe('tasks:read');
    const widened = await tokenRequest(h, { grant_type: 'refresh_token', client_id: clientId, refresh_token: narrowed.body.refresh_token!, scope: 'tasks:read admin' });
    expect(widened.body.error).toBe('invalid_scope');
    const other = await registerTestClient(h);
    expect((await refresh((await tokens()).refresh_token, other)).body.error).toBe('invalid_grant');
  });
});

describe('access tokens at the resource server → 401', () => {
  it('a valid token passes and carries scopes, expiry and audience', async () => {
    const { access_token } = await tokens();
    const info = await h.as.verifier(h.resource).verifyAccessToken(access_token);
    expect(info.scopes).toEqual(['tasks:read', 'tasks:write']);
    expect(info.expiresAt).toBe(Math.floor(h.clock.now / 1000) + 600);
    expect(info.clientId).toBe(clientId);
  });

  it('expired', async () => {
    const { access_token } = await tokens();
    h.clock.now += 10 * 60_000 + 1_000;
    expect(await bearerStatus(access_token)).toBe(401);
  });

  it('tampered (payload changed, signature kept)', async () => {
    const { access_token } = await tokens();
    const [header, payload, signature] = access_token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    claims.sub = 'user-standin-bob';
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    expect(await bearerStatus(forged)).toBe(401);
  });

  it('wrong audience: a token for this server is refused by another resource', async () => {
    const { access_token } = await tokens();
    expect(await bearerStatus(access_token, `${h.origin}/api/other`)).toBe(401);
  });

  it('wrong issuer, even with our key', async () => {
    const { access_token } = await tokens();
    const { gid, client_id, scope } = JSON.parse(Buffer.from(access_token.split('.')[1]!, 'base64url').toString());
    const { token } = await issueAccessToken(
      KEYS.signing,
      { issuer: 'https://evil.example', audience: h.resource, subject: 'user-standin-alice', scopes: scope.split(' '), clientId: client_id, grantId: gid },
      h.clock.now,
    );
    expect(await bearerStatus(token)).toBe(401);
  });

  it('alg: none, and any algorithm other than HS256', async () => {
    const { access_token } = await tokens();
    const claims = JSON.parse(Buffer.from(access_token.split('.')[1]!, 'base64url').toString());
    const unsigned = new UnsecuredJWT(claims).encode();
    expect(await bearerStatus(unsigned)).toBe(401);
    const hs512 = await new SignJWT(claims).setProtectedHeader({ alg: 'HS512', typ: 'at+jwt' }).sign(KEYS.signing);
    expect(await bearerStatus(hs512)).toBe(401);
  });

  it('a 401 body never echoes the token', async () => {
    const { access_token } = await tokens();
    h.clock.now += 11 * 60_000;
    try {
      await verifyBearerToken(`Bearer ${access_token}`, { verifier: h.as.verifier(h.resource) });
      expect.unreachable();
    } catch (error) {
      const response = bearerAuthChallengeResponse(error);
      expect(await response.text()).not.toContain(access_token);
    }
  });
});

describe('revocation and disconnect', () => {
  it('POST /oauth/revoke with a refresh token ends its family; unknown tokens answer 200', async () => {
    const { access_token, refresh_token } = await tokens();
    const revoke = (token: string) =>
      fetch(`${h.origin}/oauth/revoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token, client_id: clientId, token_type_hint: 'refresh_token' }),
      });
    expect((await revoke('no-such-token')).status).toBe(200);
    expect((await revoke(refresh_token)).status).toBe(200);
    expect(await bearerStatus(access_token)).toBe(401);
  });

  it('POST /oauth/revoke with an access token ends its family too', async () => {
    const { access_token, refresh_token } = await tokens();
    await fetch(`${h.origin}/oauth/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: access_token, client_id: clientId }),
    });
    expect((await tokenRequest(h, { grant_type: 'refresh_token', client_id: clientId, refresh_token })).body.error).toBe('invalid_grant');
  });

  it('POST /oauth/disconnect revokes the upstream token, empties the vault and every token of that user, not others', async () => {
    const alice1 = await tokens();
    const alice2 = await tokens();
    h.fake.consent = { userId: 'bob', name: 'Bob Example' };
    const bob = await tokens();
    const aliceUpstream = (await h.as.vault.get('user-standin-alice'))!.token;

    const unauthenticated = await fetch(`${h.origin}/oauth/disconnect`, { method: 'POST' });
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get('www-authenticate')).toContain('Bearer');

    const response = await fetch(`${h.origin}/oauth/disconnect`, { method: 'POST', headers: { authorization: `Bearer ${alice1.access_token}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ disconnected: true, upstreamRevoked: true, grantsRevoked: 2 });
    expect(h.fake.revoked).toContain(aliceUpstream);
    expect(await h.as.vault.get('user-standin-alice')).toBeUndefined();
    expect(await bearerStatus(alice1.access_token)).toBe(401);
    expect(await bearerStatus(alice2.access_token)).toBe(401);
    expect((await tokenRequest(h, { grant_type: 'refresh_token', client_id: clientId, refresh_token: alice2.refresh_token })).body.error).toBe('invalid_grant');

    expect(await bearerStatus(bob.access_token)).toBe(200);
    expect(await h.as.vault.get('user-standin-bob')).toBeDefined();
  });

  it('disconnect(tenantKey) is callable directly (the settings page)', async () => {
    const { access_token } = await tokens();
    expect(await h.as.disconnect('user-standin-alice')).toEqual({ upstreamRevoked: true, grantsRevoked: 1 });
    expect(await bearerStatus(access_token)).toBe(401);
    expect(await h.as.disconnect('user-standin-alice')).toEqual({ upstreamRevoked: false, grantsRevoked: 0 });
  });
});
