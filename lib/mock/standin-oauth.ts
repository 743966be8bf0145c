/**
 * The stand-in speaks Todoist's OAuth: the routes an app uses to let a person
 * sign in to "Todoist" and hand the app a token of their own.
 *
 *   GET  /oauth/authorize     consent page: pick a sample user, Allow or Deny
 *   POST /oauth/authorize     the decision → 302 to redirect_uri with ?code= (or ?error=access_denied)
 *   POST /oauth/access_token  client_id, client_secret, code → {access_token, token_type: "Bearer"}
 *   POST /api/v1/revoke       HTTP Basic client_id:client_secret, {token} → 200; the token is dead at once
 *   *    /api/v1/*            with one of these tokens: that account's data, within its scopes
 *
 * A fetch handler that answers `undefined` for anything else, so the stand-ins
 * (built-in and CLI) try it first and fall back to their own tokens.
 */
import { learnerFromRequest } from '@/lib/identity/learner';
import { publicOrigin } from '@/lib/http/public-origin';
import type { StateStore } from '@/lib/state';
import { API_ERRORS, apiErrorResponse } from './api-errors';
import { findSampleUser } from './sample-users';
import { answerForAccount, sampleAccountId } from './standin-accounts';
import {
  isAllowedRedirectUri,
  isStandinAppCredential,
  standinOAuthApp,
  STANDIN_APP_NAME,
  type StandinOAuthApp,
} from './standin-oauth-app';
import { isStandinOAuthToken, standinGrants, type StandinGrants } from './standin-oauth-grants';
import { consentPage, errorPage } from './standin-oauth-pages';
import { parseTodoistScopes, type TodoistScope } from './standin-oauth-scopes';
import type { DeliverWebhooks } from './webhook-outbox';

export interface StandinOAuthOptions {
  store: StateStore;
  /** The server's secret: the app's client secret and the per-learner account ids derive from it. */
  secret: Buffer;
  now?: () => number;
  /** For `DOJO_PUBLIC_URL` (the app's origin, an allowed redirect target). */
  env?: Record<string, string | undefined>;
  /** Takes an account's webhook events once its state is stored (accounts with a webhook registered only). */
  deliverWebhooks?: DeliverWebhooks;
}

export type StandinOAuthHandler = (request: Request) => Promise<Response | undefined>;

interface Context {
  store: StateStore;
  secret: Buffer;
  app: StandinOAuthApp;
  grants: StandinGrants;
  env: Record<string, string | undefined>;
  deliverWebhooks: DeliverWebhooks | undefined;
}

export function createStandinOAuth(options: StandinOAuthOptions): StandinOAuthHandler {
  const context: Context = {
    store: options.store,
    secret: options.secret,
    app: standinOAuthApp(options.secret),
    grants: standinGrants(options.store, options.now),
    env: options.env ?? process.env,
    deliverWebhooks: options.deliverWebhooks,
  };
  return async (request) => {
    const path = new URL(request.url).pathname;
    if (path === '/oauth/authorize') {
      if (request.method === 'GET') return showConsent(context, request);
      if (request.method === 'POST') return decide(context, request);
      return methodNotAllowed('GET, POST');
    }
    if (path === '/oauth/access_token') return request.method === 'POST' ? exchangeCode(context, request) : methodNotAllowed('POST');
    if (path === '/api/v1/revoke') return request.method === 'POST' ? revoke(context, request) : methodNotAllowed('POST');
    if (path.startsWith('/api/v1/')) return answerWithOAuthToken(context, request);
    return undefined;
  };
}

// ---------------------------------------------------------------------------
// Consent
// ---------------------------------------------------------------------------

interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string;
  scopes: TodoistScope[];
}

/**
 * Checks an authorize request. A bad client or redirect URI gets a page,
 * never a redirect: sending the browser to an unverified address is how
 * codes get stolen. Past that, errors go back to the app, as OAuth says.
 */
function checkAuthorize(context: Context, request: Request, params: URLSearchParams): AuthorizeRequest | Response {
  const clientId = params.get('client_id') ?? '';
  const redirectUri = params.get('redirect_uri') ?? '';
  if (clientId !== context.app.clientId) {
    return errorPage({
      title: 'Unknown app',
      problem: `No app with client_id "${clientId}" is registered with this stand-in; it knows only "${context.app.clientId}".`,
      whatToDo: 'Start signing in again from the app, which sends its own client_id.',
    });
  }
  if (!isAllowedRedirectUri(redirectUri, publicOrigin(request, context.env))) {
    return errorPage({
      title: 'Redirect address not allowed',
      problem: redirectUri
        ? `The app asked to be sent back to ${redirectUri}, which is not one of its registered addresses.`
        : 'The request has no redirect_uri, and this app has several registered addresses.',
      whatToDo: 'The stand-in sends codes only to /oauth/callback on a loopback address or on the app’s own origin. Start again from the app.',
    });
  }
  const state = params.get('state') ?? '';
  if (!state) return redirectWith(redirectUri, { error: 'invalid_request', error_description: 'state is required' });
  const scopes = parseTodoistScopes(params.get('scope'));
  if (!scopes) {
    return redirectWith(redirectUri, {
      error: 'invalid_scope',
      error_description: 'scope must list Todoist scopes, e.g. data:read_write',
      state,
    });
  }
  return { clientId, redirectUri, scope: params.get('scope') ?? '', state, scopes };
}

function showConsent(context: Context, request: Request): Response {
  const checked = checkAuthorize(context, request, new URL(request.url).searchParams);
  if (checked instanceof Response) return checked;
  return consentPage({
    appName: STANDIN_APP_NAME,
    scopes: checked.scopes,
    request: checked,
    ownCopies: learnerFromRequest(request, context.secret) !== undefined,
  });
}

async function decide(context: Context, request: Request): Promise<Response> {
  // Another site's hidden form must not click "Allow" for the person (SameSite cookies alone do not stop it here).
  if (request.headers.get('sec-fetch-site') === 'cross-site') {
    return errorPage({
      title: 'Consent must be given on this page',
      problem: 'The decision came from a form on another site.',
      whatToDo: 'Start signing in again from the app and choose on the stand-in’s own page.',
      status: 403,
    });
  }
  const params = await readParams(request);
  const checked = checkAuthorize(context, request, params);
  if (checked instanceof Response) return checked;
  const decision = params.get('decision');
  if (decision === 'deny') return redirectWith(checked.redirectUri, { error: 'access_denied', state: checked.state });
  const sample = findSampleUser(params.get('user') ?? '');
  if (decision !== 'allow' || !sample) {
    return errorPage({
      title: 'Choose a sample user',
      problem: 'The form did not say whom to sign in as, or whether to allow the app.',
      whatToDo: 'Go back, pick one of the sample users and press Allow or Deny.',
    });
  }
  const learner = learnerFromRequest(request, context.secret);
  const code = await context.grants.issueCode({
    accountId: sampleAccountId(sample, learner?.key, context.secret),
    sampleId: sample.id,
    scopes: checked.scopes,
    clientId: checked.clientId,
    redirectUri: checked.redirectUri,
  });
  return redirectWith(checked.redirectUri, { code, state: checked.state });
}

function redirectWith(redirectUri: string, params: Record<string, string>): Response {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return new Response(null, { status: 302, headers: { location: url.href, 'cache-control': 'no-store' } });
}

// ---------------------------------------------------------------------------
// Token exchange and revocation
// ---------------------------------------------------------------------------

async function exchangeCode(context: Context, request: Request): Promise<Response> {
  const params = await readParams(request);
  const basic = basicCredentials(request);
  const clientId = basic?.clientId ?? params.get('client_id') ?? '';
  const clientSecret = basic?.clientSecret ?? params.get('client_secret') ?? '';
  if (!isStandinAppCredential(clientId, clientSecret, context.secret)) {
    // RFC 6749 §5.2: 401 when the client tried HTTP authentication, else 400.
    return oauthError(basic ? 401 : 400, 'invalid_client', 'Unknown client_id or wrong client_secret');
  }
  const grantType = params.get('grant_type');
  if (grantType !== null && grantType !== 'authorization_code') {
    return oauthError(400, 'unsupported_grant_type', 'Only authorization_code is supported');
  }
  const code = params.get('code');
  if (!code) return oauthError(400, 'invalid_request', 'code is required');
  const redeemed = await context.grants.redeemCode(code, {
    clientId,
    redirectUri: params.get('redirect_uri') ?? undefined,
  });
  if (!redeemed.ok) return oauthError(400, redeemed.error, redeemed.description);
  return Response.json(
    { access_token: redeemed.accessToken, token_type: 'Bearer' },
    { headers: { 'cache-control': 'no-store' } },
  );
}

/** RFC 7009 as Todoist does it: the app authenticates with HTTP Basic; an unknown token is not an error. */
async function revoke(context: Context, request: Request): Promise<Response> {
  const basic = basicCredentials(request);
  if (!basic || !isStandinAppCredential(basic.clientId, basic.clientSecret, context.secret)) {
    return oauthError(401, 'invalid_client', 'Authenticate with HTTP Basic client_id:client_secret', {
      'www-authenticate': 'Basic realm="todoist-standin"',
    });
  }
  const token = (await readParams(request)).get('token');
  if (!token) return oauthError(400, 'invalid_request', 'token is required');
  const grant = await context.grants.tokenGrant(token);
  // Only the app a token was issued to may revoke it (RFC 7009 §2.1).
  if (grant?.clientId === basic.clientId) await context.grants.revokeToken(token);
  return new Response(null, { status: 200 });
}

async function answerWithOAuthToken(context: Context, request: Request): Promise<Response | undefined> {
  const token = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1]?.trim();
  if (!token || !isStandinOAuthToken(token)) return undefined; // not ours: the stand-in's other tokens
  const grant = await context.grants.tokenGrant(token);
  if (!grant) return apiErrorResponse(API_ERRORS.unauthorized, { message: 'Invalid token: revoked, expired or never issued' });
  return answerForAccount(context.store, grant, request, context.deliverWebhooks);
}

function basicCredentials(request: Request): { clientId: string; clientSecret: string } | undefined {
  const encoded = /^Basic (.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString();
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  // RFC 6749 §2.3.1: both parts are form-urlencoded before encoding.
  try {
    return {
      clientId: decodeURIComponent(decoded.slice(0, colon)),
      clientSecret: decodeURIComponent(decoded.slice(colon + 1)),
    };
  } catch {
    return undefined;
  }
}

/** Form-encoded (OAuth's usual) or JSON (Todoist's revoke): both arrive as plain string parameters. */
async function readParams(request: Request): Promise<URLSearchParams> {
  const text = await request.text();
  if (!(request.headers.get('content-type') ?? '').includes('json')) return new URLSearchParams(text);
  const params = new URLSearchParams();
  try {
    const json: unknown = JSON.parse(text);
    if (json && typeof json === 'object') {
      for (const [name, value] of Object.entries(json)) if (typeof value === 'string') params.set(name, value);
    }
  } catch {
    // An unreadable body has no parameters; the missing ones are named in the answer.
  }
  return params;
}

function oauthError(status: number, error: string, description: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error, error_description: description }, { status, headers: { 'cache-control': 'no-store', ...headers } });
}

function methodNotAllowed(allow: string): Response {
  return new Response(null, { status: 405, headers: { allow } });
}
