import { describe, expect, it } from 'vitest';
import { MemoryStateStore } from '@/lib/state';
import { fetchClientMetadataDocument, MAX_DOCUMENT_BYTES } from '../client-metadata-document';
import { authKeysFrom, vaultKeyFrom, signingKeyFrom } from '../keys';
import { isValidS256Challenge, s256Challenge, verifierMatchesChallenge } from '../pkce';
import { redirectUriProblem } from '../redirect-uris';
import { parseScopes, upstreamScopeFor } from '../scopes';
import { openVault, vaultStateKey, type VaultEntry } from '../vault';

describe('PKCE', () => {
  it('matches the RFC 7636 appendix B example', () => {
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    expect(s256Challenge(verifier)).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    expect(verifierMatchesChallenge(verifier, 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM')).toBe(true);
    expect(verifierMatchesChallenge(`${verifier}x`, 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM')).toBe(false);
    // plain would send the verifier itself as the challenge: never matches.
    expect(verifierMatchesChallenge(verifier, verifier)).toBe(false);
    expect(isValidS256Challenge('short')).toBe(false);
  });
});

describe('scopes', () => {
  it('defaults to both, refuses strangers, maps to Todoist', () => {
    expect(parseScopes(null)).toEqual(['tasks:read', 'tasks:write']);
    expect(parseScopes('tasks:read')).toEqual(['tasks:read']);
    expect(parseScopes('tasks:read data:read_write')).toBeUndefined();
    expect(upstreamScopeFor(['tasks:read'])).toBe('data:read');
    // delete_task needs data:delete, which Todoist does not include in data:read_write.
    expect(upstreamScopeFor(['tasks:read', 'tasks:write'])).toBe('data:read_write,data:delete');
  });
});

describe('keys', () => {
  it('derives distinct keys per purpose, and takes operator keys from the environment', () => {
    const secret = Buffer.from('s'.repeat(32));
    const derived = authKeysFrom(secret, {});
    expect(Buffer.from(derived.signing).equals(derived.vault)).toBe(false);
    const vaultKey = Buffer.alloc(32, 7);
    expect(vaultKeyFrom(secret, { DOJO_VAULT_KEY: vaultKey.toString('base64') }).equals(vaultKey)).toBe(true);
    expect(() => vaultKeyFrom(secret, { DOJO_VAULT_KEY: 'dG9vIHNob3J0' })).toThrow(/DOJO_VAULT_KEY must be 32 bytes/);
    expect(() => signingKeyFrom(secret, { DOJO_SIGNING_KEY: 'short-key' })).toThrow(/at least 32 bytes/);
    // The error names the variable, never the value.
    expect(() => signingKeyFrom(secret, { DOJO_SIGNING_KEY: 'short-key' })).not.toThrow(/short-key/);
  });
});

describe('vault', () => {
  const entry: VaultEntry = { token: 'todoist-secret-token', apiBase: 'https://api.todoist.com/api/v1', upstream: 'todoist', userId: '42', userName: 'Alice', scopes: ['data:read'] };
  const newStore = () => new MemoryStateStore({ idleMs: 60_000, maxEntries: 100, sweepEveryMs: 0 });

  it('round-trips, and stores only ciphertext', async () => {
    const store = newStore();
    const vault = openVault(store, Buffer.alloc(32, 1));
    await vault.put('user-todoist-42', entry);
    expect(await vault.get('user-todoist-42')).toEqual(entry);
    expect(JSON.stringify(await store.get(vaultStateKey('user-todoist-42')))).not.toContain('todoist-secret-token');
    await vault.delete('user-todoist-42');
    expect(await vault.get('user-todoist-42')).toBeUndefined();
  });

  it('an entry moved under another tenant, tampered with, or read with another key does not open', async () => {
    const store = newStore();
    const vault = openVault(store, Buffer.alloc(32, 1));
    await vault.put('user-todoist-42', entry);
    const sealed = await store.get<{ data: string }>(vaultStateKey('user-todoist-42'));
    await store.set(vaultStateKey('user-todoist-43'), sealed);
    expect(await vault.get('user-todoist-43')).toBeUndefined();
    expect(await openVault(store, Buffer.alloc(32, 2)).get('user-todoist-42')).toBeUndefined();
    const bytes = Buffer.from(sealed!.data, 'base64');
    bytes[0] = bytes[0]! ^ 1;
    await store.set(vaultStateKey('user-todoist-42'), { ...sealed, data: bytes.toString('base64') });
    expect(await vault.get('user-todoist-42')).toBeUndefined();
  });
});

describe('redirect URIs', () => {
  it('https, loopback http and private-use schemes; never fragments or script schemes', () => {
    expect(redirectUriProblem('https://app.example/cb')).toBeUndefined();
    expect(redirectUriProblem('http://127.0.0.1:33418/cb')).toBeUndefined();
    expect(redirectUriProblem('http://localhost/cb')).toBeUndefined();
    expect(redirectUriProblem('com.example.app:/oauth')).toBeUndefined();
    expect(redirectUriProblem('http://app.example/cb')).toBeDefined();
    expect(redirectUriProblem('https://app.example/cb#x')).toBeDefined();
    expect(redirectUriProblem('javascript:alert(1)')).toBeDefined();
  });
});

describe('client metadata documents', () => {
  const id = 'https://client.example/oauth/client.json';
  const serve = (body: unknown, init: ResponseInit = {}) => (async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), init)) as typeof fetch;

  it('accepts a document that names itself', async () => {
    const result = await fetchClientMetadataDocument(id, serve({ client_id: id, client_name: 'Client', redirect_uris: ['http://127.0.0.1:5000/cb'] }));
    expect(result).toEqual({ client: { clientId: id, clientName: 'Client', redirectUris: ['http://127.0.0.1:5000/cb'], kind: 'metadata-document' } });
  });

  it('refuses http, redirects, oversize, wrong client_id, confidential clients, and network failures', async () => {
    const good = { client_id: id, redirect_uris: ['https://client.example/cb'] };
    const problems = [
      await fetchClientMetadataDocument('https://client.example/', serve(good)),
      await fetchClientMetadataDocument(id, serve('', { status: 302, headers: { location: 'https://elsewhere.example/' } })),
      await fetchClientMetadataDocument(id, serve({ ...good, padding: 'x'.repeat(MAX_DOCUMENT_BYTES) })),
      await fetchClientMetadataDocument(id, serve({ ...good, client_id: 'https://other.example/c.json' })),
      await fetchClientMetadataDocument(id, serve({ ...good, token_endpoint_auth_method: 'client_secret_basic' })),
      await fetchClientMetadataDocument(id, serve({ client_id: id, redirect_uris: ['http://evil.example/cb'] })),
      await fetchClientMetadataDocument(id, (async () => { throw new TypeError('fetch failed'); }) as typeof fetch),
    ];
    for (const result of problems) expect(result).toHaveProperty('problem');
  });

  it('asks fetch not to follow redirects and to give up after 5 s', async () => {
    let seen: RequestInit | undefined;
    await fetchClientMetadataDocument(id, (async (_url: unknown, init?: RequestInit) => {
      seen = init;
      return new Response('{}');
    }) as typeof fetch);
    expect(seen?.redirect).toBe('manual');
    expect(seen?.signal).toBeInstanceOf(AbortSignal);
  });
});
