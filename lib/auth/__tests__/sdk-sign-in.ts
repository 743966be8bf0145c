/**
 * Signing an MCP client in the way a real one does, for tests: the SDK's own
 * `auth()` with an in-memory OAuthClientProvider, and a person at the
 * stand-in's consent page choosing a sample user.
 */
import { auth, type OAuthClientProvider } from '@modelcontextprotocol/client';
import { expect } from 'vitest';
import { TestBrowser } from './harness';

export type SdkTestProvider = OAuthClientProvider & { authorizationUrl?: URL };

/** An in-memory OAuthClientProvider, as an MCP client would keep one. */
export function memorySdkProvider(redirect: string, clientMetadataUrl?: string): { provider: SdkTestProvider; saved: Record<string, unknown> } {
  const saved: Record<string, unknown> = {};
  const provider: SdkTestProvider = {
    get redirectUrl() {
      return redirect;
    },
    clientMetadataUrl,
    get clientMetadata() {
      return { client_name: 'SDK test client', redirect_uris: [redirect], token_endpoint_auth_method: 'none', grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'] };
    },
    clientInformation: () => saved.client as never,
    saveClientInformation: (info) => void (saved.client = info),
    tokens: () => saved.tokens as never,
    saveTokens: (tokens) => void (saved.tokens = tokens),
    redirectToAuthorization: (url) => void (provider.authorizationUrl = url),
    saveCodeVerifier: (verifier) => void (saved.verifier = verifier),
    codeVerifier: () => saved.verifier as string,
  };
  return { provider, saved };
}

/** The person at the stand-in's consent page, choosing a sample user; returns where the browser lands. */
export async function consentAs(authorizationUrl: URL, user: string, redirect: string): Promise<URL> {
  const browser = new TestBrowser();
  const toConsent = await browser.get(authorizationUrl.href);
  const consentUrl = new URL(toConsent.headers.get('location')!);
  expect(consentUrl.pathname).toBe('/standin/oauth/authorize');
  const page = await browser.get(consentUrl.href);
  expect(page.status).toBe(200);
  const form = new URLSearchParams(consentUrl.searchParams);
  form.set('user', user);
  form.set('decision', 'allow');
  const decided = await fetch(consentUrl.origin + consentUrl.pathname, { method: 'POST', body: form, redirect: 'manual' });
  const { arrivedAt } = await browser.follow(decided.headers.get('location')!, redirect);
  return arrivedAt!;
}

/** The whole sign-in through the SDK: discovery and registration, consent, then the code exchange. */
export async function signInThroughStandin(provider: SdkTestProvider, serverUrl: string, redirect: string, user: string): Promise<void> {
  expect(await auth(provider, { serverUrl })).toBe('REDIRECT');
  const arrivedAt = await consentAs(provider.authorizationUrl!, user, redirect);
  const code = arrivedAt.searchParams.get('code');
  expect(code).toBeTruthy();
  expect(await auth(provider, { serverUrl, authorizationCode: code!, iss: arrivedAt.searchParams.get('iss') ?? undefined })).toBe('AUTHORIZED');
}
