/**
 * GET /oauth/authorize — an MCP client asks for a user's consent.
 *
 * Order matters (RFC 6749 §4.1.2.1): until the client and its redirect URI
 * are known to be genuine, errors go on a page, never in a redirect —
 * otherwise this endpoint would be an open redirector. After that, errors go
 * back to the client. When all is well, we park the request and send the
 * browser to Todoist's (or the stand-in's) own consent page.
 */
import { findClient } from './clients';
import { authUrls, sameResource, type AuthContext } from './context';
import { errorPageResponse } from './pages';
import { parkAuthorization, browserBindingCookie } from './pending';
import { isValidS256Challenge } from './pkce';
import { redirectResponse, singleParams, withParams } from './responses';
import { parseScopes, upstreamScopeFor } from './scopes';
import { upstreamConsentUrl } from './upstream';

export async function handleAuthorize(ctx: AuthContext, request: Request, publicOrigin: string): Promise<Response> {
  const urls = authUrls(publicOrigin);
  const query = new URL(request.url).searchParams;
  const clientId = query.get('client_id');

  const found = await findClient(ctx.store, clientId, ctx.fetch);
  if ('problem' in found) {
    return errorPageResponse({
      status: 400,
      title: 'Unknown application',
      what: 'The application that sent you here could not be identified, so this sign-in was stopped.',
      why: found.problem,
      next: 'Go back to your MCP client and connect again; if it keeps happening, its registration with this server needs renewing.',
    });
  }
  const { client } = found;
  const askedRedirect = query.get('redirect_uri');
  // Exact string match: no prefix, no normalisation, nothing an attacker could stretch.
  const redirectUri = askedRedirect ?? (client.redirectUris.length === 1 ? client.redirectUris[0] : undefined);
  if (!redirectUri || !client.redirectUris.includes(redirectUri) || query.getAll('redirect_uri').length > 1) {
    return errorPageResponse({
      status: 400,
      title: 'Unexpected return address',
      what: `The application "${client.clientName ?? client.clientId}" asked to be sent the result at an address it did not register.`,
      why: askedRedirect ? 'The redirect_uri must match one of the registered ones exactly.' : 'The request has no redirect_uri and the application registered several.',
      next: 'Go back to your MCP client and connect again. If you did not start this sign-in, close this page.',
    });
  }

  const clientState = query.get('state') ?? undefined;
  const fail = (error: string, description: string) =>
    redirectResponse(withParams(redirectUri, { error, error_description: description, state: clientState, iss: urls.issuer }));

  const params = singleParams(query);
  if ('repeated' in params) return fail('invalid_request', `The parameter "${params.repeated}" appears more than once.`);
  if (params.get('response_type') !== 'code') return fail('unsupported_response_type', 'Only response_type=code is supported.');
  const codeChallenge = params.get('code_challenge');
  if (!codeChallenge) return fail('invalid_request', 'PKCE is required: send code_challenge with code_challenge_method=S256.');
  if (params.get('code_challenge_method') !== 'S256') return fail('invalid_request', 'Only code_challenge_method=S256 is accepted (plain is refused).');
  if (!isValidS256Challenge(codeChallenge)) return fail('invalid_request', 'code_challenge is not a base64url SHA-256 value.');
  const scopes = parseScopes(params.get('scope'));
  if (!scopes) return fail('invalid_scope', 'Supported scopes: tasks:read tasks:write.');
  const resource = params.get('resource') ?? urls.resource;
  if (!sameResource(resource, urls.resource)) return fail('invalid_target', `This server issues tokens for ${urls.resource} only.`);

  let upstream;
  try {
    upstream = await ctx.upstream(publicOrigin);
  } catch {
    return fail('temporarily_unavailable', 'The Todoist sign-in is not available right now; try again shortly.');
  }
  const upstreamScope = upstreamScopeFor(scopes);
  const state = await parkAuthorization(ctx.store, {
    clientId: client.clientId,
    redirectUri,
    codeChallenge,
    scopes,
    resource: urls.resource,
    clientState,
    upstreamScope,
  });
  const consent = upstreamConsentUrl(upstream, { scope: upstreamScope, state, redirectUri: urls.callback });
  return redirectResponse(consent, { 'set-cookie': browserBindingCookie(state, urls.issuer.startsWith('https:')) });
}
