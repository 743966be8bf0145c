/**
 * Who may ask for tokens. Two ways to be known:
 * - a Client ID Metadata Document (client id = an HTTPS URL), fetched when used;
 * - Dynamic Client Registration (RFC 7591), for older MCP clients: a POST
 *   that stores the client's redirect URIs and hands back a random id.
 *
 * Every client is public (no secret): MCP clients run on users' machines and
 * in browsers, where a secret cannot be kept. PKCE does the secret's job.
 */
import { stateKey, type StateStore } from '@/lib/state';
import { fetchClientMetadataDocument, isClientMetadataUrl } from './client-metadata-document';
import { randomToken, sha256 } from './keys';
import { redirectUriProblem } from './redirect-uris';

export interface OAuthClient {
  clientId: string;
  redirectUris: string[];
  clientName?: string;
  kind: 'registered' | 'metadata-document';
}

/** Registrations outlive any token they get; the store still bounds them. */
export const REGISTRATION_TTL_MS = 90 * 24 * 60 * 60_000;
const MAX_REDIRECT_URIS = 10;

function clientStateKey(clientId: string): string {
  // Hashed: a stored key never contains the `/` of a URL-shaped id.
  return stateKey('oauth', 'client', sha256(clientId));
}

export async function findClient(
  store: StateStore,
  clientId: string | null,
  fetchFn: typeof fetch,
): Promise<{ client: OAuthClient } | { problem: string }> {
  if (!clientId) return { problem: 'The request has no client_id.' };
  if (isClientMetadataUrl(clientId)) return fetchClientMetadataDocument(clientId, fetchFn);
  const client = await store.get<OAuthClient>(clientStateKey(clientId));
  return client ? { client } : { problem: 'This client_id is not registered here (registrations expire; register again).' };
}

export type RegistrationResult =
  | { client: OAuthClient; answer: Record<string, unknown> }
  | { error: 'invalid_redirect_uri' | 'invalid_client_metadata'; description: string };

/** RFC 7591 §2–3: validate the metadata, store the client, answer its information. */
export async function registerClient(store: StateStore, metadata: unknown, nowMs: number): Promise<RegistrationResult> {
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    return { error: 'invalid_client_metadata', description: 'The body must be a JSON object.' };
  }
  const fields = metadata as Record<string, unknown>;
  const redirectUris = fields.redirect_uris;
  if (!Array.isArray(redirectUris) || redirectUris.length === 0 || redirectUris.length > MAX_REDIRECT_URIS) {
    return { error: 'invalid_redirect_uri', description: `redirect_uris must list 1 to ${MAX_REDIRECT_URIS} URIs.` };
  }
  for (const uri of redirectUris) {
    const problem = redirectUriProblem(uri);
    if (problem) return { error: 'invalid_redirect_uri', description: `A redirect URI ${problem}.` };
  }
  const grantTypes = fields.grant_types ?? ['authorization_code', 'refresh_token'];
  if (!Array.isArray(grantTypes) || grantTypes.some((type) => type !== 'authorization_code' && type !== 'refresh_token')) {
    return { error: 'invalid_client_metadata', description: 'Only the authorization_code and refresh_token grant types are supported.' };
  }
  const responseTypes = fields.response_types ?? ['code'];
  if (!Array.isArray(responseTypes) || responseTypes.some((type) => type !== 'code')) {
    return { error: 'invalid_client_metadata', description: 'Only the "code" response type is supported.' };
  }
  const client: OAuthClient = {
    clientId: `dcr_${randomToken(16)}`,
    redirectUris: redirectUris as string[],
    clientName: typeof fields.client_name === 'string' ? fields.client_name.slice(0, 100) : undefined,
    kind: 'registered',
  };
  await store.set(clientStateKey(client.clientId), client, { ttlMs: REGISTRATION_TTL_MS });
  return {
    client,
    answer: {
      client_id: client.clientId,
      client_id_issued_at: Math.floor(nowMs / 1000),
      redirect_uris: client.redirectUris,
      ...(client.clientName && { client_name: client.clientName }),
      grant_types: grantTypes,
      response_types: ['code'],
      // Whatever was asked for, the answer says "none": RFC 7591 lets the server
      // replace a requested method, and a public client has no secret to present.
      token_endpoint_auth_method: 'none',
    },
  };
}
