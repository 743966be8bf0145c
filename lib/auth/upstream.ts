/**
 * The upstream identity provider: Todoist, or the app's stand-in that speaks
 * the same OAuth. We are Todoist's *client* here (with a client secret,
 * because this server can keep one), while being the authorization server
 * for MCP clients.
 */
export interface UpstreamOAuth {
  kind: 'standin' | 'todoist';
  /** Where the *browser* goes for consent (the public URL). */
  authorizeUrl: string;
  /** Server-to-server: code → token (form-encoded, Todoist style). */
  tokenUrl: string;
  /** Server-to-server: RFC 7009 revocation, HTTP Basic client auth. */
  revokeUrl: string;
  /** Server-to-server: the REST API base, e.g. https://api.todoist.com/api/v1. */
  apiBase: string;
  clientId: string;
  clientSecret: string;
}

/** The real Todoist when its OAuth app is configured, else `undefined` (use the stand-in). */
export function todoistUpstreamFromEnv(env: Record<string, string | undefined> = process.env): UpstreamOAuth | undefined {
  const clientId = env.TODOIST_CLIENT_ID;
  const clientSecret = env.TODOIST_CLIENT_SECRET;
  if (!clientId || !clientSecret) return undefined;
  const oauthBase = (env.TODOIST_OAUTH_URL ?? 'https://todoist.com').replace(/\/+$/, '');
  const apiBase = (env.TODOIST_API_BASE_URL ?? 'https://api.todoist.com/api/v1').replace(/\/+$/, '');
  return {
    kind: 'todoist',
    authorizeUrl: `${oauthBase}/oauth/authorize`,
    tokenUrl: `${oauthBase}/oauth/access_token`,
    revokeUrl: `${apiBase}/revoke`,
    apiBase,
    clientId,
    clientSecret,
  };
}

/** Todoist's consent URL: scopes are comma-separated there. */
export function upstreamConsentUrl(upstream: UpstreamOAuth, request: { scope: string; state: string; redirectUri: string }): string {
  const url = new URL(upstream.authorizeUrl);
  url.searchParams.set('client_id', upstream.clientId);
  url.searchParams.set('scope', request.scope);
  url.searchParams.set('state', request.state);
  url.searchParams.set('redirect_uri', request.redirectUri);
  return url.href;
}

const UPSTREAM_TIMEOUT_MS = 10_000;

/** Why an upstream call failed, in words safe to show (never a token or a body). */
export type UpstreamFailure = { ok: false; kind: 'network' | 'refused' | 'malformed'; detail: string };

export async function exchangeUpstreamCode(
  upstream: UpstreamOAuth,
  code: string,
  redirectUri: string,
): Promise<{ ok: true; token: string; scopes: string[] } | UpstreamFailure> {
  let response: Response;
  try {
    response = await fetch(upstream.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        client_id: upstream.clientId,
        client_secret: upstream.clientSecret,
        code,
        redirect_uri: redirectUri,
        grant_type: 'authorization_code',
      }),
      signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
    });
  } catch {
    return { ok: false, kind: 'network', detail: 'the token endpoint could not be reached' };
  }
  const body = await response.json().catch(() => undefined) as Record<string, unknown> | undefined;
  if (!response.ok) {
    return { ok: false, kind: 'refused', detail: `HTTP ${response.status}${oauthErrorCode(body)}` };
  }
  if (!body || typeof body.access_token !== 'string' || body.access_token.length === 0) {
    return { ok: false, kind: 'malformed', detail: 'the answer carried no access_token' };
  }
  const scopes = typeof body.scope === 'string' ? body.scope.split(/[,\s]+/).filter(Boolean) : [];
  return { ok: true, token: body.access_token, scopes };
}

export async function fetchUpstreamUser(
  upstream: UpstreamOAuth,
  token: string,
): Promise<{ ok: true; id: string; name: string } | UpstreamFailure> {
  let response: Response;
  try {
    response = await fetch(`${upstream.apiBase}/user`, {
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
    });
  } catch {
    return { ok: false, kind: 'network', detail: 'the user endpoint could not be reached' };
  }
  const body = await response.json().catch(() => undefined) as Record<string, unknown> | undefined;
  if (!response.ok) return { ok: false, kind: 'refused', detail: `HTTP ${response.status} from the user endpoint` };
  const id = typeof body?.id === 'string' || typeof body?.id === 'number' ? String(body.id) : undefined;
  // The id becomes part of a store key: letters, digits, - and _ only.
  if (!id || !/^[\w-]{1,64}$/.test(id)) return { ok: false, kind: 'malformed', detail: 'the user endpoint gave no usable id' };
  const name = typeof body?.full_name === 'string' && body.full_name ? body.full_name.slice(0, 100) : id;
  return { ok: true, id, name };
}

/** RFC 7009 at Todoist: HTTP Basic client auth, JSON body. `true` when the upstream confirmed. */
export async function revokeUpstreamToken(upstream: UpstreamOAuth, token: string): Promise<boolean> {
  try {
    const basic = Buffer.from(`${upstream.clientId}:${upstream.clientSecret}`).toString('base64');
    const response = await fetch(upstream.revokeUrl, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/json' },
      body: JSON.stringify({ token, token_type_hint: 'access_token' }),
      signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
    });
    await response.body?.cancel().catch(() => undefined);
    return response.ok;
  } catch {
    return false;
  }
}

/** `, invalid_grant` when the body names a short OAuth error code; nothing else of the body is repeated. */
function oauthErrorCode(body: Record<string, unknown> | undefined): string {
  const code = body?.error;
  return typeof code === 'string' && /^[a-z_]{1,40}$/.test(code) ? `, ${code}` : '';
}
