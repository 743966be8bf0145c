/**
 * What every endpoint of the authorization server shares, and the URLs it
 * answers at. All URLs derive from one public origin, so the issuer, the
 * endpoints in the metadata and the tokens' audience always agree.
 */
import type { StateStore } from '@/lib/state';
import type { GrantStore } from './grants';
import type { AuthKeys } from './keys';
import type { UpstreamOAuth } from './upstream';
import type { Vault } from './vault';

export interface AuthContext {
  store: StateStore;
  keys: AuthKeys;
  grants: GrantStore;
  vault: Vault;
  /** The upstream for a request arriving at this public origin (the stand-in's consent URL depends on it). */
  upstream(publicOrigin: string): Promise<UpstreamOAuth>;
  /** Milliseconds since the epoch; injectable so tests can expire things without waiting. */
  now(): number;
  /** For Client ID Metadata Documents only: injectable, because it fetches URLs strangers chose. */
  fetch: typeof fetch;
}

export interface AuthUrls {
  issuer: string;
  /** The MCP endpoint: the audience of every access token. */
  resource: string;
  authorize: string;
  callback: string;
  token: string;
  register: string;
  revoke: string;
  disconnect: string;
}

export const MCP_PATH = '/api/mcp';

export function authUrls(publicOrigin: string): AuthUrls {
  const origin = new URL(publicOrigin).origin;
  return {
    issuer: origin,
    resource: `${origin}${MCP_PATH}`,
    authorize: `${origin}/oauth/authorize`,
    callback: `${origin}/oauth/callback`,
    token: `${origin}/oauth/token`,
    register: `${origin}/oauth/register`,
    revoke: `${origin}/oauth/revoke`,
    disconnect: `${origin}/oauth/disconnect`,
  };
}

/** RFC 8707 resources compare as strings, ignoring one trailing slash. */
export function sameResource(a: string, b: string): boolean {
  const trim = (value: string) => (value.endsWith('/') ? value.slice(0, -1) : value);
  return trim(a) === trim(b);
}
