/**
 * Signing a browser client in to this app's MCP endpoint, with the SDK's
 * client auth doing the protocol. Loaded on demand, like the rest of the SDK.
 */
import { auth } from '@modelcontextprotocol/client';
import type { BrowserOAuthProvider } from './oauth-provider';

/**
 * Starts the flow: discovery, registration, then the browser leaves for the
 * consent page (AuthResult `REDIRECT`) — or, with a still-valid refresh
 * token, signs in without leaving (`AUTHORIZED`).
 */
export function startSignIn(provider: BrowserOAuthProvider, serverUrl: string, scope: string) {
  return auth(provider, { serverUrl, scope });
}

/** Back from the consent page: exchanges the code (with the PKCE verifier) for this app's tokens. */
export function finishSignIn(provider: BrowserOAuthProvider, serverUrl: string, code: string, iss?: string) {
  return auth(provider, { serverUrl, authorizationCode: code, ...(iss && { iss }) });
}
