/**
 * Ending access.
 * - POST /oauth/revoke (RFC 7009): a client gives up a refresh or access
 *   token; the grant behind it is revoked, so the whole family stops.
 * - POST /oauth/disconnect (Bearer): the *user* ends everything — the
 *   Todoist token is revoked at Todoist and erased from the vault, and every
 *   grant this server issued to the user is revoked, so the next MCP call
 *   answers 401 at once.
 */
import { bearerAuthChallengeResponse, verifyBearerToken } from '@modelcontextprotocol/server';
import { decodeJwt } from 'jose';
import { readAccessToken } from './access-token';
import { authUrls, type AuthContext } from './context';
import { CORS, jsonResponse, NO_STORE, oauthErrorResponse, singleParams } from './responses';
import { readForm } from './token-endpoint';
import { revokeUpstreamToken } from './upstream';
import { createVerifier } from './verifier';

export interface DisconnectResult {
  /** Todoist confirmed the revocation (false: no token, or Todoist unreachable — the token is erased here either way). */
  upstreamRevoked: boolean;
  /** Grants (sign-ins) of this server that were live and are now revoked. */
  grantsRevoked: number;
}

export async function disconnectTenant(ctx: AuthContext, tenantKey: string, publicOrigin: string): Promise<DisconnectResult> {
  // Our own tokens first: whatever happens upstream, this user's MCP access ends now.
  const grantsRevoked = await ctx.grants.revokeTenant(tenantKey);
  const entry = await ctx.vault.get(tenantKey);
  await ctx.vault.delete(tenantKey);
  let upstreamRevoked = false;
  if (entry) {
    try {
      const upstream = await ctx.upstream(publicOrigin);
      upstreamRevoked = await revokeUpstreamToken(upstream, entry.token);
    } catch {
      upstreamRevoked = false;
    }
  }
  return { upstreamRevoked, grantsRevoked };
}

export async function handleRevoke(ctx: AuthContext, request: Request, publicOrigin: string): Promise<Response> {
  const body = await readForm(request);
  if ('error' in body) return oauthErrorResponse(400, 'invalid_request', body.error);
  const params = singleParams(body.params);
  if ('repeated' in params) return oauthErrorResponse(400, 'invalid_request', `The parameter "${params.repeated}" appears more than once.`);
  const token = params.get('token');
  const clientId = params.get('client_id');
  if (!token) return oauthErrorResponse(400, 'invalid_request', 'token is required.');
  if (!clientId) return oauthErrorResponse(401, 'invalid_client', 'client_id is required (public clients, no secret).');

  const grantId = (await ctx.grants.grantOfRefreshToken(token))?.id ?? (await grantOfAccessToken(ctx, token, publicOrigin));
  const grant = grantId ? await ctx.grants.getGrant(grantId) : undefined;
  // RFC 7009 §2.2: unknown tokens answer 200 too, so the endpoint reveals nothing about which tokens exist.
  // A token of another client is left alone, also with 200.
  if (grant && grant.clientId === clientId) await ctx.grants.revokeGrant(grant.id);
  return new Response(null, { status: 200, headers: { ...NO_STORE, ...CORS } });
}

/** The grant of one of our access tokens, expired or not (revoking an expired token still ends its family). */
async function grantOfAccessToken(ctx: AuthContext, token: string, publicOrigin: string): Promise<string | undefined> {
  const urls = authUrls(publicOrigin);
  try {
    // Checked as of its own issue time: an expired token of ours is still ours.
    const { iat } = decodeJwt(token); // unverified, only to pick the clock; readAccessToken verifies everything
    const issuedAt = typeof iat === 'number' ? iat * 1000 : ctx.now();
    const claims = await readAccessToken(ctx.keys.signing, token, { issuer: urls.issuer, audience: urls.resource, nowMs: issuedAt });
    return claims.grantId;
  } catch {
    return undefined;
  }
}

export async function handleDisconnect(ctx: AuthContext, request: Request, publicOrigin: string): Promise<Response> {
  const urls = authUrls(publicOrigin);
  let tenantKey: string;
  try {
    const info = await verifyBearerToken(request.headers.get('authorization'), {
      verifier: createVerifier(ctx, urls.resource),
      expectedResource: new URL(urls.resource),
    });
    tenantKey = (info.extra?.tenant as { key: string }).key;
  } catch (error) {
    const challenge = bearerAuthChallengeResponse(error);
    return new Response(challenge.body, { status: challenge.status, headers: { ...Object.fromEntries(challenge.headers), ...CORS } });
  }
  const result = await disconnectTenant(ctx, tenantKey, publicOrigin);
  return jsonResponse({ disconnected: true, ...result });
}
