/**
 * End to end: the MCP SDK's own OAuth client (`auth()` from
 * @modelcontextprotocol/client) against this authorization server over real
 * HTTP, with the app's real built-in stand-in as the upstream — discovery,
 * registration (DCR, then a Client ID Metadata Document), PKCE, the
 * stand-in's consent page, the code exchange, refresh rotation.
 */
import { auth } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFetch, type RunningServer } from '@/lib/http/serve-fetch';
import { builtinStandinHandler, servedUnder, startBuiltinStandin } from '@/lib/mcp/http/builtin-standin';
import { STANDIN_MOUNT_PATH } from '@/lib/mock/standin-oauth-app';
import { MemoryStateStore } from '@/lib/state';
import { standinUpstream } from '../app-server';
import { createAuthorizationServer, type AuthorizationServer } from '../authorization-server';
import { memorySdkProvider, signInThroughStandin, type SdkTestProvider } from './sdk-sign-in';

const secret = Buffer.from('sdk-client end-to-end secret');
const store = new MemoryStateStore({ idleMs: 60 * 60_000, maxEntries: 10_000, sweepEveryMs: 0 });
const REDIRECT = 'http://127.0.0.1:9/mcp-client/callback';
const CLIENT_DOCUMENT_URL = 'https://client.example/mcp-client.json';
let standin: Awaited<ReturnType<typeof startBuiltinStandin>>;
let as: AuthorizationServer;
let app: RunningServer;

beforeAll(async () => {
  standin = await startBuiltinStandin(store, secret);
  const standinMount = servedUnder(STANDIN_MOUNT_PATH, builtinStandinHandler(store, secret, {}));
  as = createAuthorizationServer({
    store,
    secret,
    env: {},
    upstream: async (origin) => standinUpstream(standin, origin),
    // The metadata document of the CIMD client, as if served from its https URL.
    fetch: async (input) =>
      String(input) === CLIENT_DOCUMENT_URL
        ? Response.json({ client_id: CLIENT_DOCUMENT_URL, client_name: 'Doc client', redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none' })
        : new Response('not found', { status: 404 }),
  });
  // Plays the app: the authorization server, and the stand-in mounted under /standin on the same origin.
  app = await serveFetch(async (request) => {
    const answered = await as.fetch(request);
    if (answered) return answered;
    if (new URL(request.url).pathname.startsWith(`${STANDIN_MOUNT_PATH}/`)) return standinMount(request);
    return new Response('not found', { status: 404 });
  });
});
afterAll(async () => {
  await app.close();
  await standin.close();
  store.close();
});

const memoryProvider = (clientMetadataUrl?: string) => memorySdkProvider(REDIRECT, clientMetadataUrl);
const signInWithSdk = (provider: SdkTestProvider, user: string) => signInThroughStandin(provider, `${app.origin}/api/mcp`, REDIRECT, user);

describe('the SDK client signs in through the stand-in', () => {
  it('DCR client: discovery, registration, PKCE, consent as Alice, token, refresh rotation', async () => {
    const { provider, saved } = memoryProvider();
    await signInWithSdk(provider, 'alice');
    expect((saved.client as { client_id: string }).client_id).toMatch(/^dcr_/);
    const first = saved.tokens as { access_token: string; refresh_token: string };

    const info = await as.verifier(`${app.origin}/api/mcp`).verifyAccessToken(first.access_token);
    expect(info.extra?.tenant).toMatchObject({ key: 'user-standin-alice', kind: 'user', user: { id: 'alice', name: 'Alice Example', upstream: 'standin' } });
    const entry = await as.vault.get('user-standin-alice');
    expect(entry?.apiBase).toBe(standin.baseUrl);
    // The vaulted stand-in token reads Alice's own account.
    const me = await fetch(`${entry!.apiBase}/user`, { headers: { authorization: `Bearer ${entry!.token}` } });
    expect(((await me.json()) as { id: string }).id).toBe('alice');

    // A client that may write holds Todoist's delete scope too: delete_task's DELETE goes through upstream.
    expect(entry?.scopes).toEqual(['data:read_write', 'data:delete']);
    const tasks = (await (await fetch(`${entry!.apiBase}/tasks`, { headers: { authorization: `Bearer ${entry!.token}` } })).json()) as {
      results: { id: string }[];
    };
    const deleted = await fetch(`${entry!.apiBase}/tasks/${tasks.results[0]!.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${entry!.token}` } });
    expect(deleted.status).toBe(204);

    // With tokens saved, auth() refreshes: a new refresh token each time.
    expect(await auth(provider, { serverUrl: `${app.origin}/api/mcp` })).toBe('AUTHORIZED');
    const second = saved.tokens as { access_token: string; refresh_token: string };
    expect(second.refresh_token).not.toBe(first.refresh_token);
    await expect(as.verifier(`${app.origin}/api/mcp`).verifyAccessToken(second.access_token)).resolves.toBeDefined();
  });

  it('Client ID Metadata Document client, as Bob; disconnect revokes the stand-in token', async () => {
    const { provider, saved } = memoryProvider(CLIENT_DOCUMENT_URL);
    await signInWithSdk(provider, 'bob');
    expect((saved.client as { client_id: string }).client_id).toBe(CLIENT_DOCUMENT_URL);
    const { access_token } = saved.tokens as { access_token: string };
    const bobUpstream = (await as.vault.get('user-standin-bob'))!.token;

    const response = await fetch(`${app.origin}/oauth/disconnect`, { method: 'POST', headers: { authorization: `Bearer ${access_token}` } });
    expect(await response.json()).toMatchObject({ disconnected: true, upstreamRevoked: true, grantsRevoked: 1 });
    await expect(as.verifier(`${app.origin}/api/mcp`).verifyAccessToken(access_token)).rejects.toThrow(/revoked/);
    expect((await fetch(`${standin.baseUrl}/user`, { headers: { authorization: `Bearer ${bobUpstream}` } })).status).toBe(401);
    // Alice, signed in by the other test, is untouched.
    expect(await as.vault.get('user-standin-alice')).toBeDefined();
  });
});
