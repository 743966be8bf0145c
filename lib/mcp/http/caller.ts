/**
 * Who is calling the MCP endpoint, and what they may do.
 *
 * - A request with `Authorization: Bearer …` is a signed-in user: the token
 *   must be one our authorization server issued *for this resource* (RFC 8707
 *   audience), unexpired and not revoked, or the answer is 401 with a
 *   `WWW-Authenticate` challenge that tells the client where to sign in. The
 *   tenant comes from the verified token and nothing else.
 * - Without a token, the local learner (a signed id in a cookie or the URL)
 *   works on their own workspace — mock data or their own stand-in sample
 *   account. A real Todoist account without a token is reachable only in
 *   single-user mode, through the server-wide token; a multi-user deployment
 *   answers 401 so the client signs in.
 */
import {
  bearerAuthChallengeResponse,
  getOAuthProtectedResourceMetadataUrl,
  verifyBearerToken,
  type AuthInfo,
  type OAuthTokenVerifier,
} from '@modelcontextprotocol/server';
import { OAuthError, OAuthErrorCode } from '@modelcontextprotocol/server';
import {
  anonymousTenant,
  issueLearnerId,
  learnerCookie,
  learnerFromRequest,
  verifyLearnerId,
  type Tenant,
} from '@/lib/identity/learner';
import { isAllowedOrigin, type OriginPolicy } from '@/lib/http/origin';
import { SUPPORTED_SCOPES } from '../scopes';
import type { SessionSettings } from './session-settings';

export interface Caller {
  tenant: Tenant;
  /** What this caller may do: a token's scopes, or everything on the local learner's own workspace. */
  scopes: string[];
  /** The verified token's AuthInfo (signed-in users only). */
  token?: AuthInfo;
  /** A learner id issued with this very request, to set as a cookie. */
  cookie?: string;
}

export type CallerOrRefusal = { caller: Caller } | { refusal: Response };

export interface CallerOptions {
  policy: OriginPolicy;
  secret: Buffer;
  /** The URL tokens must be bound to: this endpoint's, e.g. http://localhost:3000/api/mcp. */
  resourceUrl: string;
  /** Verifies this server's own access tokens; without it, every token is refused. */
  verifier?: OAuthTokenVerifier;
  /** False in a multi-user deployment: a real account is reachable only by signing in. */
  serverWideToken: boolean;
}

export async function identifyCaller(request: Request, settings: SessionSettings, options: CallerOptions): Promise<CallerOrRefusal> {
  const resourceMetadataUrl = getOAuthProtectedResourceMetadataUrl(new URL(options.resourceUrl));
  const challenge = (error: unknown) =>
    bearerAuthChallengeResponse(error, { resourceMetadataUrl, requiredScopes: [...SUPPORTED_SCOPES] });

  const authorization = request.headers.get('authorization');
  if (authorization) {
    try {
      const token = await verifyBearerToken(authorization, {
        verifier: options.verifier ?? refuseEveryToken,
        expectedResource: new URL(options.resourceUrl),
        resourceMetadataUrl,
      });
      const tenant = token.extra?.tenant as Tenant | undefined;
      if (!tenant || tenant.kind !== 'user') throw new OAuthError(OAuthErrorCode.InvalidToken, 'Token names no user');
      return { caller: { tenant, scopes: token.scopes, token } };
    } catch (error) {
      return { refusal: challenge(error) };
    }
  }

  if (needsSignIn(settings, options)) {
    return {
      refusal: challenge(
        new OAuthError(OAuthErrorCode.InvalidToken, 'Sign in to read a real Todoist account: this server keeps no shared token'),
      ),
    };
  }
  return { caller: { ...localLearner(request, options), scopes: [...SUPPORTED_SCOPES] } };
}

/** A real Todoist account, asked for without a token, where no server-wide token may stand in. */
function needsSignIn(settings: SessionSettings, options: CallerOptions): boolean {
  return settings.backend === 'real' && settings.upstream === 'todoist' && !options.serverWideToken;
}

/**
 * A learner id this server signed (URL or cookie). A page of this app that
 * has none yet gets one now, used for this very request; any other caller
 * without one gets a throwaway workspace.
 */
function localLearner(request: Request, { policy, secret }: CallerOptions): { tenant: Tenant; cookie?: string } {
  const known = learnerFromRequest(request, secret);
  if (known) return { tenant: known };
  const origin = request.headers.get('origin');
  if (origin && isAllowedOrigin(origin, policy, request) && request.headers.get('sec-fetch-site') === 'same-origin') {
    const learnerId = issueLearnerId(secret);
    return { tenant: verifyLearnerId(learnerId, secret)!, cookie: learnerCookie(learnerId) };
  }
  return { tenant: anonymousTenant() };
}

const refuseEveryToken: OAuthTokenVerifier = {
  verifyAccessToken: async () => {
    throw new OAuthError(OAuthErrorCode.InvalidToken, 'This server issues no tokens here');
  },
};

/**
 * Single-user local use (the default) lets the server-wide token (environment,
 * config file, settings page) serve callers without a token;
 * `DOJO_SERVER_WIDE_TOKEN=off` makes the deployment multi-user.
 */
export function serverWideTokenFromEnv(env: Record<string, string | undefined> = process.env): boolean {
  return !['off', 'false', '0', 'no'].includes((env.DOJO_SERVER_WIDE_TOKEN ?? '').trim().toLowerCase());
}
