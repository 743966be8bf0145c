/**
 * POST /oauth/token — codes and refresh tokens become access tokens.
 *
 * authorization_code: the code must be ours, unused, unexpired, and the
 * request must repeat what the code was bound to — same client, same
 * redirect URI, and the PKCE verifier whose hash the client sent first.
 * refresh_token: rotating. Each use returns a new refresh token; using an
 * old one again means two parties hold it, so the whole family is revoked.
 * Errors are RFC 6749 §5.2 JSON with the codes the spec names.
 */
import { readBodyCapped } from '@/lib/http/read-body';
import { ACCESS_TOKEN_TTL_SECONDS, issueAccessToken } from './access-token';
import { authUrls, sameResource, type AuthContext } from './context';
import type { Grant } from './grants';
import { verifierMatchesChallenge } from './pkce';
import { jsonResponse, oauthErrorResponse, singleParams } from './responses';

const MAX_BODY_BYTES = 16 * 1024;

export async function handleToken(ctx: AuthContext, request: Request, publicOrigin: string): Promise<Response> {
  const urls = authUrls(publicOrigin);
  const body = await readForm(request);
  if ('error' in body) return oauthErrorResponse(400, 'invalid_request', body.error);
  const params = singleParams(body.params);
  if ('repeated' in params) return oauthErrorResponse(400, 'invalid_request', `The parameter "${params.repeated}" appears more than once.`);

  const clientId = params.get('client_id');
  // Public clients identify themselves with client_id alone; PKCE and one-time codes stand in for a secret.
  if (!clientId) return oauthErrorResponse(401, 'invalid_client', 'client_id is required (public clients, no secret).');
  const resource = params.get('resource');
  if (resource && !sameResource(resource, urls.resource)) {
    return oauthErrorResponse(400, 'invalid_target', `This server issues tokens for ${urls.resource} only.`);
  }

  const grantType = params.get('grant_type');
  if (grantType === 'authorization_code') return redeemCode(ctx, params, clientId, urls.issuer);
  if (grantType === 'refresh_token') return refresh(ctx, params, clientId, urls.issuer);
  return oauthErrorResponse(400, 'unsupported_grant_type', 'Supported grant types: authorization_code, refresh_token.');
}

async function redeemCode(ctx: AuthContext, params: { get(name: string): string | undefined }, clientId: string, issuer: string) {
  const code = params.get('code');
  const verifier = params.get('code_verifier');
  const redirectUri = params.get('redirect_uri');
  if (!code || !verifier || !redirectUri) {
    return oauthErrorResponse(400, 'invalid_request', 'code, code_verifier and redirect_uri are required.');
  }
  const redemption = await ctx.grants.redeemCode(code);
  if (redemption.status === 'unknown') return oauthErrorResponse(400, 'invalid_grant', 'The authorization code is unknown or expired.');
  if (redemption.status === 'reused') {
    return oauthErrorResponse(400, 'invalid_grant', 'The authorization code was already used; the tokens it produced are revoked.');
  }
  const { binding } = redemption;
  if (binding.clientId !== clientId) return oauthErrorResponse(400, 'invalid_grant', 'The authorization code was issued to another client.');
  if (binding.redirectUri !== redirectUri) {
    return oauthErrorResponse(400, 'invalid_grant', 'redirect_uri does not match the one of the authorization request.');
  }
  if (!verifierMatchesChallenge(verifier, binding.codeChallenge)) {
    return oauthErrorResponse(400, 'invalid_grant', 'The PKCE code_verifier does not match the code_challenge.');
  }
  const grant = await ctx.grants.createGrant({
    clientId,
    tenant: binding.tenant,
    scopes: binding.scopes,
    resource: binding.resource,
  });
  await redemption.settle(grant.id);
  return tokenAnswer(ctx, grant, grant.scopes, issuer);
}

async function refresh(ctx: AuthContext, params: { get(name: string): string | undefined }, clientId: string, issuer: string) {
  const token = params.get('refresh_token');
  if (!token) return oauthErrorResponse(400, 'invalid_request', 'refresh_token is required.');
  const use = await ctx.grants.useRefreshToken(token);
  if (use.status === 'unknown') return oauthErrorResponse(400, 'invalid_grant', 'The refresh token is unknown, expired or revoked.');
  if (use.status === 'reused') {
    return oauthErrorResponse(400, 'invalid_grant', 'The refresh token was already used; every token of this sign-in is now revoked.');
  }
  const { grant } = use;
  if (grant.clientId !== clientId) {
    // Someone else's refresh token in this client's hands: treat it as stolen.
    await ctx.grants.revokeGrant(grant.id);
    return oauthErrorResponse(400, 'invalid_grant', 'The refresh token was issued to another client.');
  }
  // A refresh may narrow the scope, never widen it (RFC 6749 §6).
  const asked = params.get('scope');
  const scopes = asked ? [...new Set(asked.trim().split(/\s+/))] : grant.scopes;
  if (!scopes.every((scope) => grant.scopes.includes(scope))) {
    return oauthErrorResponse(400, 'invalid_scope', 'A refresh cannot add scopes that were not granted.');
  }
  return tokenAnswer(ctx, grant, scopes, issuer);
}

async function tokenAnswer(ctx: AuthContext, grant: Grant, scopes: string[], issuer: string): Promise<Response> {
  const { token } = await issueAccessToken(
    ctx.keys.signing,
    { issuer, audience: grant.resource, subject: grant.tenant.key, scopes, clientId: grant.clientId, grantId: grant.id },
    ctx.now(),
  );
  const refreshToken = await ctx.grants.issueRefreshToken(grant.id);
  // The only response that ever carries a secret of ours; no-store keeps it out of caches.
  return jsonResponse({
    access_token: token,
    token_type: 'Bearer',
    expires_in: ACCESS_TOKEN_TTL_SECONDS,
    refresh_token: refreshToken,
    scope: scopes.join(' '),
  });
}

export async function readForm(request: Request): Promise<{ params: URLSearchParams } | { error: string }> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return { error: 'The body must be application/x-www-form-urlencoded.' };
  }
  const body = await readBodyCapped(request, MAX_BODY_BYTES);
  if ('tooLarge' in body) return { error: 'The request body is too large.' };
  return { params: new URLSearchParams(new TextDecoder().decode(body.bytes)) };
}
