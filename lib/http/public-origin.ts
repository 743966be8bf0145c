/**
 * The origin this app is reached at, for the URLs it puts into tokens and
 * metadata (issuer, MCP resource URL, redirect URIs).
 *
 * `DOJO_PUBLIC_URL` when set (a deployment behind a proxy knows its public
 * name); else the origin the caller used: the Host header it sent (which the
 * MCP endpoint's DNS-rebinding guard has checked). Not `request.url` alone:
 * `next start -H 127.0.0.1` reports its requests as http://localhost:PORT,
 * and a client that connected to 127.0.0.1 must find 127.0.0.1 in the
 * metadata. A token is bound to the origin it was issued for, so one issued
 * at http://localhost:3000 is refused at http://127.0.0.1:3000.
 */
export function publicOrigin(request: Request, env: Record<string, string | undefined> = process.env): string {
  if (env.DOJO_PUBLIC_URL) return new URL(env.DOJO_PUBLIC_URL).origin;
  const url = new URL(request.url);
  const host = request.headers.get('host');
  if (!host) return url.origin;
  try {
    return new URL(`${url.protocol}//${host}`).origin;
  } catch {
    return url.origin; // a malformed Host: fall back to what the server itself reports
  }
}

/** The MCP endpoint's URL: the OAuth resource identifier (RFC 8707) its tokens are bound to. */
export function mcpResourceUrl(origin: string): string {
  return `${origin}/api/mcp`;
}
