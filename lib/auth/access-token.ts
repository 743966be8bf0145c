/**
 * This server's access tokens: short-lived JWTs (RFC 9068 profile) signed
 * with HS256 by jose. A resource server checks them without a network call;
 * the audience pins each token to one MCP endpoint, so a token minted for
 * another server is useless here and ours is useless elsewhere.
 *
 * Verification pins the algorithm: a token that says `alg: none`, or any
 * other algorithm, is refused before its claims are read.
 */
import { OAuthError, OAuthErrorCode } from '@modelcontextprotocol/server';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';

export const ACCESS_TOKEN_TTL_SECONDS = 10 * 60;
const ALGORITHM = 'HS256';
/** RFC 9068's media type: an ID token or other JWT of ours can never pass as an access token. */
const TOKEN_TYPE = 'at+jwt';

export interface AccessTokenGrant {
  issuer: string;
  /** The MCP endpoint's URL (RFC 8707 resource). */
  audience: string;
  /** The tenant key. */
  subject: string;
  scopes: string[];
  clientId: string;
  /** The grant (refresh-token family) this token belongs to: revoking it kills the token at once. */
  grantId: string;
}

export interface VerifiedAccessToken extends AccessTokenGrant {
  /** Seconds since the epoch. */
  expiresAt: number;
  jti: string;
}

export async function issueAccessToken(
  key: Uint8Array,
  grant: AccessTokenGrant,
  nowMs: number,
): Promise<{ token: string; expiresAt: number }> {
  const issuedAt = Math.floor(nowMs / 1000);
  const expiresAt = issuedAt + ACCESS_TOKEN_TTL_SECONDS;
  const token = await new SignJWT({ scope: grant.scopes.join(' '), client_id: grant.clientId, gid: grant.grantId })
    .setProtectedHeader({ alg: ALGORITHM, typ: TOKEN_TYPE })
    .setIssuer(grant.issuer)
    .setAudience(grant.audience)
    .setSubject(grant.subject)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .setJti(crypto.randomUUID())
    .sign(key);
  return { token, expiresAt };
}

/**
 * The token's claims, or an `invalid_token` OAuthError saying why (never
 * echoing the token). `nowMs` lets tests move the clock instead of waiting.
 */
export async function readAccessToken(
  key: Uint8Array,
  token: string,
  expected: { issuer: string; audience: string; nowMs: number },
): Promise<VerifiedAccessToken> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, key, {
      algorithms: [ALGORITHM],
      typ: TOKEN_TYPE,
      issuer: expected.issuer,
      audience: expected.audience,
      currentDate: new Date(expected.nowMs),
      requiredClaims: ['iss', 'aud', 'sub', 'exp', 'iat', 'jti'],
    }));
  } catch (error) {
    throw new OAuthError(OAuthErrorCode.InvalidToken, describeJoseFailure(error));
  }
  const { scope, client_id: clientId, gid: grantId } = payload;
  if (typeof scope !== 'string' || typeof clientId !== 'string' || typeof grantId !== 'string') {
    throw new OAuthError(OAuthErrorCode.InvalidToken, 'The access token lacks its scope, client or grant.');
  }
  return {
    issuer: expected.issuer,
    audience: expected.audience,
    subject: payload.sub as string,
    scopes: scope.split(' ').filter(Boolean),
    clientId,
    grantId,
    expiresAt: payload.exp as number,
    jti: payload.jti as string,
  };
}

/** A short reason for the 401 body: which check failed, not what the token said. */
function describeJoseFailure(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'The access token has expired.';
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return 'The access token was issued for another resource.';
    if (error.claim === 'iss') return 'The access token was issued by another authorization server.';
    return `The access token's "${error.claim}" claim is not valid.`;
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'The access token uses an algorithm this server does not accept.';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'The access token signature is not valid.';
  return 'The access token is not valid.';
}
