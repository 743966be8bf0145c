/**
 * The OAuth 2.1 authorization server for the MCP endpoint, with Todoist as
 * the upstream identity provider ("third-party authorization").
 *
 * Framework-free: `fetch(request)` answers our routes and returns
 * `undefined` for any other path, so the same object serves Next routes,
 * node:http in tests, or anything else that speaks Request/Response.
 *
 *   /.well-known/oauth-authorization-server       RFC 8414 metadata
 *   /.well-known/oauth-protected-resource/api/mcp  RFC 9728 metadata
 *   GET  /oauth/authorize    client → (Todoist consent)
 *   GET  /oauth/callback     Todoist → vault → our code → client
 *   POST /oauth/token        code / refresh token → access token
 *   POST /oauth/register     RFC 7591 dynamic registration
 *   POST /oauth/revoke       RFC 7009
 *   POST /oauth/disconnect   the user ends everything (Bearer)
 */
import type { OAuthTokenVerifier } from '@modelcontextprotocol/server';
import { serverSecret } from '@/lib/identity/learner';
import { getStateStore, type StateStore } from '@/lib/state';
import { handleAuthorize } from './authorize';
import { handleCallback } from './callback';
import type { AuthContext } from './context';
import { createGrantStore } from './grants';
import { authKeysFrom, type AuthKeys } from './keys';
import { metadataResponse } from './metadata';
import { errorPageResponse } from './pages';
import { handleRegister } from './registration';
import { CORS, oauthErrorResponse } from './responses';
import { disconnectTenant, handleDisconnect, handleRevoke, type DisconnectResult } from './revocation';
import { issueSampleAccountToken, type SampleAccountToken, type SampleAccountTokenRequest } from './sample-account-token';
import { handleToken } from './token-endpoint';
import type { UpstreamOAuth } from './upstream';
import { openVault, type Vault } from './vault';
import { createVerifier } from './verifier';
import { publicOrigin as originOf } from '@/lib/http/public-origin';
import { publicOnlyFetch } from './public-fetch';

export interface AuthorizationServerOptions {
  /** The upstream OAuth app (Todoist or a stand-in), or a function of the public origin giving it. */
  upstream: UpstreamOAuth | ((publicOrigin: string) => Promise<UpstreamOAuth>);
  store?: StateStore;
  /** The server secret keys are derived from (default: serverSecret()). */
  secret?: Buffer;
  /** Explicit keys (default: from DOJO_SIGNING_KEY / DOJO_VAULT_KEY, else derived from the secret). */
  keys?: AuthKeys;
  /** Milliseconds since the epoch (default Date.now). */
  now?: () => number;
  /** Used only to fetch Client ID Metadata Documents (default: global fetch). */
  fetch?: typeof fetch;
  /** The public origin, e.g. https://dojo.example.com (default: DOJO_PUBLIC_URL, else each request's origin). */
  publicOrigin?: string;
  env?: Record<string, string | undefined>;
}

export interface AuthorizationServer {
  /** Our answer, or `undefined` when the request is for no route of ours. */
  fetch(request: Request): Promise<Response | undefined>;
  /** For the MCP endpoint: verifies our access tokens for this resource URL (the audience). */
  verifier(resourceUrl: string | URL): OAuthTokenVerifier;
  /** Ends a user's access: Todoist token revoked and erased, every token of ours revoked. */
  disconnect(tenantKey: string, publicOrigin?: string): Promise<DisconnectResult>;
  /** The upstream tokens, for the resource server acting on a user's behalf. */
  vault: Vault;
  /** The public origin a request is served under (DOJO_PUBLIC_URL, else the request's). */
  publicOrigin(request: Request): string;
  /** Lesson 9's demos: a grant and an access token for a stand-in sample account, for any resource (see sample-account-token.ts). */
  issueSampleAccountToken(request: SampleAccountTokenRequest): Promise<SampleAccountToken>;
}

export function createAuthorizationServer(options: AuthorizationServerOptions): AuthorizationServer {
  const env = options.env ?? process.env;
  const store = options.store ?? getStateStore(env);
  const keys = options.keys ?? authKeysFrom(options.secret ?? serverSecret(env), env);
  const now = options.now ?? Date.now;
  const upstream = options.upstream;
  const ctx: AuthContext = {
    store,
    keys,
    now,
    grants: createGrantStore(store, now),
    vault: openVault(store, keys.vault),
    upstream: typeof upstream === 'function' ? upstream : async () => upstream,
    // Client ID Metadata Documents: URLs a stranger chose, so the public internet only.
    fetch: options.fetch ?? publicOnlyFetch(),
  };
  const configuredOrigin = options.publicOrigin ?? env.DOJO_PUBLIC_URL;
  const publicOrigin = (request: Request) => (configuredOrigin ? new URL(configuredOrigin).origin : originOf(request, env));

  async function route(request: Request): Promise<Response | undefined> {
    const origin = publicOrigin(request);
    const path = new URL(request.url).pathname;
    if (path.startsWith('/.well-known/')) return metadataResponse(request, origin);
    if (!path.startsWith('/oauth/')) return undefined;
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: CORS });
    const method = request.method;
    switch (path) {
      case '/oauth/authorize':
        return method === 'GET' ? handleAuthorize(ctx, request, origin) : notAllowed('GET');
      case '/oauth/callback':
        return method === 'GET' ? handleCallback(ctx, request, origin) : notAllowed('GET');
      case '/oauth/token':
        return method === 'POST' ? handleToken(ctx, request, origin) : notAllowed('POST');
      case '/oauth/register':
        return method === 'POST' ? handleRegister(ctx, request) : notAllowed('POST');
      case '/oauth/revoke':
        return method === 'POST' ? handleRevoke(ctx, request, origin) : notAllowed('POST');
      case '/oauth/disconnect':
        return method === 'POST' ? handleDisconnect(ctx, request, origin) : notAllowed('POST');
      default:
        return undefined;
    }
  }

  return {
    async fetch(request) {
      try {
        return await route(request);
      } catch (error) {
        // A bug or a store outage: say so without echoing anything from the request.
        console.error('[auth] request failed:', error instanceof Error ? error.name : 'unknown error');
        const path = new URL(request.url).pathname;
        if (path === '/oauth/authorize' || path === '/oauth/callback') {
          return errorPageResponse({
            status: 500,
            title: 'Sign-in failed',
            what: 'Something went wrong on this server while signing you in.',
            why: 'An internal error; nothing about it was shown to anyone else.',
            next: 'Try connecting again in a moment.',
          });
        }
        return oauthErrorResponse(500, 'server_error', 'The authorization server failed; try again.');
      }
    },
    verifier: (resourceUrl) => createVerifier(ctx, resourceUrl),
    disconnect: (tenantKey, origin) => disconnectTenant(ctx, tenantKey, origin ?? configuredOrigin ?? 'http://localhost'),
    vault: ctx.vault,
    publicOrigin,
    issueSampleAccountToken: (request) => issueSampleAccountToken(ctx, request),
  };
}

function notAllowed(allow: string): Response {
  return oauthErrorResponse(405, 'invalid_request', `Use ${allow} for this endpoint.`, { allow });
}
