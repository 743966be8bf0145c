/**
 * A pending authorization: the MCP client's request, parked while the
 * person is at Todoist's consent page. It is keyed by the `state` we send
 * Todoist (random, one-time, 10 minutes), and the browser that started it
 * gets a cookie named after that state, so a callback replayed into some
 * other browser is refused (login CSRF).
 */
import { stateKey, type StateStore } from '@/lib/state';
import { randomToken, sha256 } from './keys';

export const PENDING_TTL_MS = 10 * 60_000;

export interface PendingAuthorization {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  scopes: string[];
  resource: string;
  /** The client's own `state`, handed back untouched. */
  clientState?: string;
  /** What we asked Todoist for. */
  upstreamScope: string;
}

const pendingKey = (state: string) => stateKey('oauth', 'pending', sha256(state));

export async function parkAuthorization(store: StateStore, pending: PendingAuthorization): Promise<string> {
  const state = randomToken();
  await store.set(pendingKey(state), pending, { ttlMs: PENDING_TTL_MS });
  return state;
}

/**
 * One-time: the pending request is gone once taken, whatever happens next.
 * Taken atomically, so a callback replayed at the same instant (to this
 * instance or another) finds nothing.
 */
export function takeAuthorization(store: StateStore, state: string): Promise<PendingAuthorization | undefined> {
  return store.take<PendingAuthorization>(pendingKey(state));
}

export function browserBindingCookieName(state: string): string {
  return `dojo_oauth_${sha256(state).slice(0, 16)}`;
}

export function browserBindingCookie(state: string, secure: boolean, maxAgeSeconds = PENDING_TTL_MS / 1000): string {
  // Lax: sent on the top-level redirect back from Todoist, not on cross-site sub-requests.
  return `${browserBindingCookieName(state)}=1; Path=/oauth/callback; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`;
}

export function hasBrowserBinding(request: Request, state: string): boolean {
  const name = browserBindingCookieName(state);
  return (request.headers.get('cookie') ?? '').split(';').some((part) => part.trim().split('=')[0] === name);
}
