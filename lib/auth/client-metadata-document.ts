/**
 * Client ID Metadata Documents: the client's id *is* an HTTPS URL, and the
 * document found there says its name and redirect URIs. No registration
 * step, and the AS learns about a client from the client's own domain.
 *
 * Fetching a URL a stranger chose is a server-side request forgery risk,
 * so the fetch is fenced: HTTPS only, no redirects followed, at most 5 KB,
 * at most 5 s, and the document must name itself (`client_id` equals the URL).
 */
import { redirectUriProblem } from './redirect-uris';
import type { OAuthClient } from './clients';
import { readCapped } from '@/lib/http/read-body';

export const MAX_DOCUMENT_BYTES = 5 * 1024;
export const DOCUMENT_TIMEOUT_MS = 5_000;

export function isClientMetadataUrl(clientId: string): boolean {
  return clientId.startsWith('https://');
}

export async function fetchClientMetadataDocument(
  clientId: string,
  fetchFn: typeof fetch,
): Promise<{ client: OAuthClient } | { problem: string }> {
  let url: URL;
  try {
    url = new URL(clientId);
  } catch {
    return { problem: 'The client id looks like a URL but is not one.' };
  }
  if (url.protocol !== 'https:' || url.hash || url.username || url.password || url.pathname === '/') {
    return { problem: 'A client id URL must be https, with a path, and without a fragment or credentials.' };
  }
  let response: Response;
  try {
    response = await fetchFn(url, {
      redirect: 'manual',
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(DOCUMENT_TIMEOUT_MS),
    });
  } catch {
    return { problem: "The client's metadata document could not be fetched (network error or timeout)." };
  }
  if (response.status !== 200) {
    await response.body?.cancel().catch(() => undefined);
    return { problem: `The client's metadata document answered HTTP ${response.status} (redirects are not followed).` };
  }
  const text = await readTextCapped(response, MAX_DOCUMENT_BYTES);
  if (text === undefined) return { problem: `The client's metadata document is larger than ${MAX_DOCUMENT_BYTES} bytes.` };
  let document: Record<string, unknown>;
  try {
    document = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { problem: "The client's metadata document is not JSON." };
  }
  if (typeof document !== 'object' || document === null) return { problem: "The client's metadata document is not a JSON object." };
  if (document.client_id !== clientId) return { problem: "The client's metadata document names a different client_id." };
  const method = document.token_endpoint_auth_method;
  if (method !== undefined && method !== 'none') {
    return { problem: 'Only public clients (token_endpoint_auth_method "none") may use a metadata document.' };
  }
  const redirectUris = document.redirect_uris;
  if (!Array.isArray(redirectUris) || redirectUris.length === 0 || redirectUris.some((uri) => redirectUriProblem(uri))) {
    return { problem: "The client's metadata document has no valid redirect_uris." };
  }
  return {
    client: {
      clientId,
      redirectUris: redirectUris as string[],
      clientName: typeof document.client_name === 'string' ? document.client_name.slice(0, 100) : undefined,
      kind: 'metadata-document',
    },
  };
}

/** Reads at most `maxBytes`, stopping (not buffering the rest) when a body is larger. */
async function readTextCapped(response: Response, maxBytes: number): Promise<string | undefined> {
  const bytes = await readCapped(response, maxBytes);
  return bytes && new TextDecoder().decode(bytes);
}
