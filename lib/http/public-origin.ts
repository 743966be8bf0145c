/**
 * The origin this app is reached at, for the URLs it puts into tokens and
 * metadata (issuer, MCP resource URL, redirect URIs).
 *
 * `DOJO_PUBLIC_URL` when set (a deployment behind a proxy knows its public
 * name); else the request's own origin, whose Host header already passed the
 * DNS-rebinding guard. A token is bound to the origin it was issued for, so
 * one issued at http://localhost:3000 is refused at http://127.0.0.1:3000.
 */
export function publicOrigin(request: Request, env: Record<string, string | undefined> = process.env): string {
  if (env.DOJO_PUBLIC_URL) return new URL(env.DOJO_PUBLIC_URL).origin;
  return new URL(request.url).origin;
}

/** The MCP endpoint's URL: the OAuth resource identifier (RFC 8707) its tokens are bound to. */
export function mcpResourceUrl(origin: string): string {
  return `${origin}/api/mcp`;
}
