/**
 * DNS-rebinding and cross-site protection for the MCP endpoint and the app's API.
 *
 * A web page on another site can make a victim's browser send requests to
 * localhost; a rebound DNS name can even make them same-origin. So every
 * request's `Host` must be one we serve, and an `Origin`, when sent, must be
 * one we trust: the app's own (the scheme, host and port the request came to,
 * or DOJO_PUBLIC_URL) or one listed in DOJO_ALLOWED_ORIGINS. Loopback on
 * another port is *not* trusted: that is another local app (a dev server, a
 * page a learner opened from disk through a local server), and trusting it
 * would let it read and change the real Todoist through our CORS headers.
 */
import { fetchMetadataRefusal } from './fetch-metadata';
import { publicOrigin } from './public-origin';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface OriginPolicy {
  /** Extra trusted origins, e.g. the MCP Inspector's "http://localhost:6274" (from DOJO_ALLOWED_ORIGINS). */
  origins: string[];
  /** Extra host names we answer to, e.g. "dojo.example.com" (from DOJO_ALLOWED_HOSTS). */
  hosts: string[];
  /** The public URL behind a proxy (DOJO_PUBLIC_URL): its origin is the app's own, and its host one we serve. */
  publicUrl?: string;
}

export function originPolicyFromEnv(env: Record<string, string | undefined> = process.env): OriginPolicy {
  const list = (value: string | undefined) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim().toLowerCase())
      .filter(Boolean);
  return {
    origins: list(env.DOJO_ALLOWED_ORIGINS).map((origin) => originOf(origin) ?? origin),
    hosts: list(env.DOJO_ALLOWED_HOSTS),
    ...(env.DOJO_PUBLIC_URL && { publicUrl: env.DOJO_PUBLIC_URL }),
  };
}

/** Returns why the request is refused, or `undefined` when it may proceed. */
export function checkOrigin(request: Request, policy: OriginPolicy): string | undefined {
  const host = request.headers.get('host');
  if (host && !isAllowedHost(hostnameOf(host), policy)) return `Host "${host}" is not served here`;
  const origin = request.headers.get('origin');
  if (origin && !isAllowedOrigin(origin, policy, request)) return `Origin "${origin}" is not allowed`;
  return undefined;
}

/**
 * A listed origin, or — when the request is given — the app's own origin.
 * Without the request only the listed ones: that is what CORS headers are
 * for (a page of our own origin is same-origin and needs none).
 */
export function isAllowedOrigin(origin: string, policy: OriginPolicy, request?: Request): boolean {
  const normalized = originOf(origin);
  if (normalized === undefined) return false; // includes the literal "null" origin of sandboxed frames and file: pages
  if (policy.origins.includes(normalized)) return true;
  return request !== undefined && isOwnOrigin(normalized, request, policy);
}

/** The origin the request was sent to (its Host), or the public one behind a proxy. */
export function isOwnOrigin(origin: string, request: Request, policy: OriginPolicy): boolean {
  const normalized = originOf(origin);
  if (normalized === undefined) return false;
  const own = [publicOrigin(request, {}), ...(policy.publicUrl ? [originOf(policy.publicUrl)] : [])];
  return own.includes(normalized);
}

/**
 * A page of this very app asked: the browser says same-origin (it sends no
 * Origin on a same-origin GET), or an older browser without Fetch Metadata
 * sent our own Origin. Not the user's address bar, not curl: for what only
 * the app's pages should see (absolute server paths in the settings report).
 */
export function isOwnPageRequest(request: Request, policy: OriginPolicy): boolean {
  if (checkOrigin(request, policy)) return false;
  const origin = request.headers.get('origin');
  if (origin && !isOwnOrigin(origin, request, policy)) return false;
  const site = request.headers.get('sec-fetch-site');
  return site ? site === 'same-origin' : origin !== null;
}

function isAllowedHost(hostname: string, policy: OriginPolicy): boolean {
  if (LOOPBACK_HOSTS.has(hostname) || policy.hosts.includes(hostname)) return true;
  return policy.publicUrl !== undefined && URL.canParse(policy.publicUrl) && new URL(policy.publicUrl).hostname === hostname;
}

/** "HTTPS://Dojo.Example.com/" → "https://dojo.example.com"; only http(s) origins, else `undefined`. */
function originOf(value: string): string | undefined {
  if (!URL.canParse(value)) return undefined;
  const url = new URL(value);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
}

/** "127.0.0.1:3000" → "127.0.0.1", "[::1]:3000" → "[::1]". */
function hostnameOf(host: string): string {
  const value = host.trim().toLowerCase();
  if (value.startsWith('[')) return value.slice(0, value.indexOf(']') + 1);
  return value.split(':')[0] ?? value;
}

/**
 * For routes that only pages of this app may use: a 403 response, or `undefined` to go on.
 * Fetch Metadata first: a cross-site `<img>` or `<script>` GET sends no Origin to check.
 */
export function refuseForeignRequest(request: Request, policy: OriginPolicy = originPolicyFromEnv()): Response | undefined {
  const refusal = fetchMetadataRefusal(request) ?? checkOrigin(request, policy);
  return refusal ? Response.json({ error: `Forbidden: ${refusal}.` }, { status: 403 }) : undefined;
}
