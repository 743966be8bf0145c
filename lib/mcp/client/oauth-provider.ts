/**
 * The browser side of signing in: an OAuthClientProvider for the SDK's
 * client auth (`auth()` and the transport's `authProvider`), which does the
 * protocol — discovery (RFC 9728, RFC 8414), dynamic registration, PKCE S256,
 * the code exchange, refresh and the 403 step-up. This class only keeps what
 * the flow needs between page loads, in sessionStorage, per *slot*: lesson 7
 * signs two clients in side by side, so each slot is one client.
 *
 * What it keeps is this app's own, audience-bound access token and refresh
 * token. The Todoist token never reaches the browser: the server keeps it.
 *
 * Imports only types from the SDK, so a page pays for the SDK when it signs in.
 */
import type {
  OAuthClientMetadata,
  OAuthClientProvider,
  StoredOAuthClientInformation,
  StoredOAuthTokens,
} from '@modelcontextprotocol/client';

/** Where the authorization server sends the browser back: app/signed-in. */
export const SIGNED_IN_PATH = '/signed-in';
const PREFIX = 'dojo-oauth';
const PENDING_KEY = `${PREFIX}:pending`;

/** Which sign-in is under way, so the callback page knows which slot to finish and where to return. */
export interface PendingSignIn {
  slot: string;
  returnTo: string;
  serverUrl: string;
  state: string;
}

export class BrowserOAuthProvider implements OAuthClientProvider {
  constructor(
    readonly slot: string,
    private readonly options: { origin: string; scope: string; storage: Storage; navigate: (url: URL) => void; returnTo: string; serverUrl: string },
  ) {}

  get redirectUrl(): string {
    return `${this.options.origin}${SIGNED_IN_PATH}`;
  }

  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: `MCP Dojo lesson client (${this.slot})`,
      redirect_uris: [this.redirectUrl],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
      scope: this.options.scope,
    };
  }

  state(): string {
    const state = crypto.randomUUID();
    this.#write('state', state);
    return state;
  }

  clientInformation(): StoredOAuthClientInformation | undefined {
    return this.#read<StoredOAuthClientInformation>('client');
  }

  saveClientInformation(information: StoredOAuthClientInformation): void {
    this.#write('client', information);
  }

  tokens(): StoredOAuthTokens | undefined {
    return this.#read<StoredOAuthTokens>('tokens');
  }

  saveTokens(tokens: StoredOAuthTokens): void {
    this.#write('tokens', tokens);
  }

  saveCodeVerifier(verifier: string): void {
    this.#write('verifier', verifier);
  }

  codeVerifier(): string {
    const verifier = this.#read<string>('verifier');
    if (!verifier) throw new Error('No PKCE code verifier for this sign-in: start it again.');
    return verifier;
  }

  redirectToAuthorization(authorizationUrl: URL): void {
    const pending: PendingSignIn = {
      slot: this.slot,
      returnTo: this.options.returnTo,
      serverUrl: this.options.serverUrl,
      state: authorizationUrl.searchParams.get('state') ?? '',
    };
    this.options.storage.setItem(PENDING_KEY, JSON.stringify(pending));
    this.options.navigate(authorizationUrl);
  }

  invalidateCredentials(scope: 'all' | 'client' | 'tokens' | 'verifier' | 'discovery'): void {
    const parts = { all: ['client', 'tokens', 'verifier', 'state'], client: ['client'], tokens: ['tokens'], verifier: ['verifier'], discovery: [] }[scope];
    for (const part of parts) this.options.storage.removeItem(this.#key(part));
  }

  /** Signed out: forget this slot's tokens (its registration stays, for the next sign-in). */
  signOut(): void {
    this.invalidateCredentials('tokens');
  }

  #key(part: string): string {
    return `${PREFIX}:${this.slot}:${part}`;
  }

  #read<T>(part: string): T | undefined {
    const raw = this.options.storage.getItem(this.#key(part));
    if (raw === null) return undefined;
    try {
      return JSON.parse(raw) as T;
    } catch {
      return undefined;
    }
  }

  #write(part: string, value: unknown): void {
    this.options.storage.setItem(this.#key(part), JSON.stringify(value));
  }
}

/** The sign-in the callback page should finish, once: it is removed as it is read. */
export function takePendingSignIn(storage: Storage): PendingSignIn | undefined {
  const raw = storage.getItem(PENDING_KEY);
  storage.removeItem(PENDING_KEY);
  if (!raw) return undefined;
  try {
    const pending = JSON.parse(raw) as Partial<PendingSignIn>;
    if (typeof pending.slot !== 'string' || typeof pending.returnTo !== 'string' || typeof pending.serverUrl !== 'string') return undefined;
    return { slot: pending.slot, returnTo: pending.returnTo, serverUrl: pending.serverUrl, state: String(pending.state ?? '') };
  } catch {
    return undefined;
  }
}

/** Only paths of this app, so a crafted pending entry cannot send the browser elsewhere after sign-in. */
export function safeReturnPath(returnTo: string): string {
  return returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/';
}
