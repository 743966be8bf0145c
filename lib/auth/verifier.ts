/**
 * The resource server's side: turn a Bearer token into the SDK's AuthInfo.
 * The JWT proves who issued it, for which resource, until when; one store
 * lookup then proves its grant is still alive, which is what makes
 * "disconnect" and refresh-token-reuse revocation take effect at once,
 * not ten minutes later when the token would have expired anyway.
 */
import { OAuthError, OAuthErrorCode, type AuthInfo, type OAuthTokenVerifier } from '@modelcontextprotocol/server';
import type { Tenant } from '@/lib/identity/learner';
import { readAccessToken } from './access-token';
import type { AuthContext } from './context';

/** Where the tenant travels in `AuthInfo.extra`. */
export const TENANT_EXTRA_KEY = 'tenant';

export function createVerifier(ctx: AuthContext, resourceUrl: string | URL): OAuthTokenVerifier {
  const resource = new URL(resourceUrl);
  const audience = resource.href;
  // Our issuer is the origin that serves the MCP endpoint (both derive from one public origin).
  const issuer = resource.origin;
  return {
    async verifyAccessToken(token: string): Promise<AuthInfo> {
      const claims = await readAccessToken(ctx.keys.signing, token, { issuer, audience, nowMs: ctx.now() });
      const grant = await ctx.grants.getGrant(claims.grantId);
      if (!grant || grant.revoked) throw new OAuthError(OAuthErrorCode.InvalidToken, 'The access token has been revoked.');
      if (grant.tenant.key !== claims.subject) throw new OAuthError(OAuthErrorCode.InvalidToken, 'The access token does not match its grant.');
      const tenant: Tenant = grant.tenant;
      return {
        token,
        clientId: claims.clientId,
        scopes: claims.scopes,
        expiresAt: claims.expiresAt,
        resource: new URL(claims.audience),
        extra: { [TENANT_EXTRA_KEY]: tenant },
      };
    },
  };
}
