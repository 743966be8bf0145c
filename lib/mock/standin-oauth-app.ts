/**
 * The one OAuth app the stand-in knows: this project, registered as
 * `mcp-dojo`. At Todoist a developer registers an app in the App Management
 * Console and copies a client id and secret; here both are fixed by the
 * server's secret, so the app and its built-in stand-in agree without any
 * setup, and the secret never has to be written down.
 *
 * Redirect URIs, kept simple: `/oauth/callback` on a loopback origin (any
 * port: local development, tests) or on the app's own public origin. Nothing
 * else — an authorization code must only ever travel back to this app.
 */
import { hasValidSignature, sign } from '@/lib/identity/signature';

export const STANDIN_CLIENT_ID = 'mcp-dojo';
export const STANDIN_APP_NAME = 'MCP Dojo';
/** Where the app receives Todoist's answer (the authorization server's callback). */
export const STANDIN_CALLBACK_PATH = '/oauth/callback';
/** Where the app mounts the stand-in for browsers: the consent page is `${origin}/standin/oauth/authorize`. */
export const STANDIN_MOUNT_PATH = '/standin';

export interface StandinOAuthApp {
  clientId: string;
  clientSecret: string;
}

/** The app's registration; the secret is an HMAC of the client id, so only the server's secret can make it. */
export function standinOAuthApp(secret: Buffer): StandinOAuthApp {
  return { clientId: STANDIN_CLIENT_ID, clientSecret: sign('standin-oauth-client', STANDIN_CLIENT_ID, secret) };
}

/** Checks an app's credentials in constant time, so timing tells nothing about the secret. */
export function isStandinAppCredential(clientId: string, clientSecret: string, secret: Buffer): boolean {
  return clientId === STANDIN_CLIENT_ID && hasValidSignature('standin-oauth-client', clientId, clientSecret, secret);
}

/** Whether a code may be sent to `redirectUri`; `appOrigin` is the app's public origin. */
export function isAllowedRedirectUri(redirectUri: string, appOrigin: string): boolean {
  let url: URL;
  try {
    url = new URL(redirectUri);
  } catch {
    return false;
  }
  // Exact path, nothing extra: a query or fragment could smuggle the code elsewhere.
  if (url.pathname !== STANDIN_CALLBACK_PATH || url.search || url.hash || url.username || url.password) return false;
  return isLoopback(url) || url.origin === new URL(appOrigin).origin;
}

function isLoopback(url: URL): boolean {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return url.hostname === 'localhost' || url.hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(url.hostname);
}
