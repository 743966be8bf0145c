/**
 * The two kinds of error answer an OAuth server gives:
 * - to a client's API call (token, register, revoke): RFC 6749 §5.2 JSON
 *   `{error, error_description}`, never cached;
 * - to a browser, once the client and redirect URI are trusted: a redirect
 *   back to the client with `error=…&state=…` (§4.1.2.1), plus `iss`
 *   (RFC 9207) so the client can tell which server answered.
 */
export const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' } as const;

/** Token endpoints may be called from a browser-based MCP client on another origin; no cookies are involved. */
export const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type, authorization, mcp-protocol-version',
  'access-control-max-age': '600',
} as const;

export function oauthErrorResponse(status: number, error: string, description: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error, error_description: description }, { status, headers: { ...NO_STORE, ...CORS, ...headers } });
}

export function jsonResponse(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...CORS } });
}

export function redirectResponse(location: string, headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 302, headers: { location, ...NO_STORE, ...headers } });
}

/** `redirect_uri?…params` keeping any query the registered URI already has (RFC 6749 §3.1.2). */
export function withParams(redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(name, value);
  return url.href;
}

/** Form parameters, refusing any sent twice (RFC 6749 §3.1: parameters MUST NOT repeat). */
export function singleParams(params: URLSearchParams): { get(name: string): string | undefined } | { repeated: string } {
  for (const name of new Set(params.keys())) {
    if (params.getAll(name).length > 1) return { repeated: name };
  }
  return { get: (name) => params.get(name) ?? undefined };
}
