/**
 * DNS-rebinding and cross-site protection for the MCP endpoint.
 *
 * A web page on another site can make a victim's browser send requests to
 * localhost; a rebound DNS name can even make them same-origin. So every
 * request's `Host` must be one we serve, and an `Origin`, when sent, must be
 * one we trust. Loopback names on any port are trusted by default.
 */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface OriginPolicy {
  /** Extra trusted origins, e.g. "https://dojo.example.com" (from DOJO_ALLOWED_ORIGINS). */
  origins: string[];
  /** Extra host names we answer to, e.g. "dojo.example.com" (from DOJO_ALLOWED_HOSTS). */
  hosts: string[];
}

export function originPolicyFromEnv(env: Record<string, string | undefined> = process.env): OriginPolicy {
  const list = (value: string | undefined) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim().toLowerCase())
      .filter(Boolean);
  return { origins: list(env.DOJO_ALLOWED_ORIGINS), hosts: list(env.DOJO_ALLOWED_HOSTS) };
}

/** Returns why the request is refused, or `undefined` when it may proceed. */
export function checkOrigin(request: Request, policy: OriginPolicy): string | undefined {
  const host = request.headers.get('host');
  if (host && !isAllowedHost(hostnameOf(host), policy)) return `Host "${host}" is not served here`;
  const origin = request.headers.get('origin');
  if (origin && !isAllowedOrigin(origin, policy)) return `Origin "${origin}" is not allowed`;
  return undefined;
}

export function isAllowedOrigin(origin: string, policy: OriginPolicy): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // includes the literal "null" origin of sandboxed frames and file: pages
  }
  if (policy.origins.includes(url.origin.toLowerCase())) return true;
  return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname.toLowerCase());
}

function isAllowedHost(hostname: string, policy: OriginPolicy): boolean {
  return LOOPBACK_HOSTS.has(hostname) || policy.hosts.includes(hostname);
}

/** "127.0.0.1:3000" → "127.0.0.1", "[::1]:3000" → "[::1]". */
function hostnameOf(host: string): string {
  const value = host.trim().toLowerCase();
  if (value.startsWith('[')) return value.slice(0, value.indexOf(']') + 1);
  return value.split(':')[0] ?? value;
}

/** For routes that only pages of this app may use: a 403 response, or `undefined` to go on. */
export function refuseForeignRequest(request: Request, policy: OriginPolicy = originPolicyFromEnv()): Response | undefined {
  const refusal = checkOrigin(request, policy);
  return refusal ? Response.json({ error: `Forbidden: ${refusal}.` }, { status: 403 }) : undefined;
}
