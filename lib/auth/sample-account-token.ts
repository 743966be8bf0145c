/**
 * Lesson 9's attack demos need tokens a client would hold after signing in —
 * for a stand-in sample account, and for two resources: this app's MCP
 * endpoint, and the demo "Calendar MCP", another resource server that trusts
 * this authorization server (so its tokens are signed with the same key, but
 * carry its own audience). The token endpoint issues for our MCP endpoint
 * only, so the demos get theirs here: a real grant (revocable, checked by the
 * verifier like any other) and a real access token, minus the consent screen.
 *
 * Only for an account whose Todoist token in the vault is a stand-in one: a
 * real Todoist user never gets a token this way.
 */
import type { Tenant } from '@/lib/identity/learner';
import { issueAccessToken } from './access-token';
import type { AuthContext } from './context';

export interface SampleAccountTokenRequest {
  tenant: Tenant;
  /** The resource server the token is for (its `aud`), e.g. http://localhost:3000/api/mcp. */
  resource: string;
  scopes: string[];
  clientId: string;
}

export interface SampleAccountToken {
  token: string;
  /** Seconds since the epoch. */
  expiresAt: number;
  /** Revokes the grant: the token is refused from then on. */
  revoke(): Promise<void>;
}

export const NOT_A_SAMPLE_ACCOUNT = 'Demo tokens are issued for stand-in sample accounts only, never for a real Todoist account.';

export async function issueSampleAccountToken(ctx: AuthContext, request: SampleAccountTokenRequest): Promise<SampleAccountToken> {
  const kept = await ctx.vault.get(request.tenant.key);
  if (request.tenant.kind !== 'user' || kept?.upstream !== 'standin') throw new Error(NOT_A_SAMPLE_ACCOUNT);
  const resource = new URL(request.resource);
  const grant = await ctx.grants.createGrant({
    clientId: request.clientId,
    tenant: request.tenant,
    scopes: request.scopes,
    resource: resource.href,
  });
  const { token, expiresAt } = await issueAccessToken(
    ctx.keys.signing,
    // Our issuer is the origin that serves the resource, as the verifier expects.
    { issuer: resource.origin, audience: resource.href, subject: request.tenant.key, scopes: request.scopes, clientId: request.clientId, grantId: grant.id },
    ctx.now(),
  );
  return { token, expiresAt, revoke: () => ctx.grants.revokeGrant(grant.id) };
}
