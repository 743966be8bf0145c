import { describe, expect, it } from 'vitest';
import { createMcpEndpoint } from '@/lib/mcp/http/endpoint';
import { MemoryStateStore } from '@/lib/state';
import { checkOrigin, isAllowedOrigin, originPolicyFromEnv, refuseForeignRequest } from '../origin';

const policy = { origins: ['https://dojo.example.com'], hosts: ['dojo.example.com'] };
const request = (headers: Record<string, string>) => new Request('http://127.0.0.1:3000/api/x', { headers });

describe('origin policy', () => {
  it('trusts configured origins; without a request, nothing else', () => {
    expect(isAllowedOrigin('https://dojo.example.com', policy)).toBe(true);
    expect(isAllowedOrigin('http://evil.example.com', policy)).toBe(false);
    expect(isAllowedOrigin('null', policy)).toBe(false);
    expect(checkOrigin(request({ host: 'dojo.example.com' }), policy)).toBeUndefined();
  });

  it('trusts the app’s own origin: the scheme, host and port the request came to', () => {
    const own = request({ host: '127.0.0.1:3000' });
    expect(isAllowedOrigin('http://127.0.0.1:3000', policy, own)).toBe(true);
    expect(checkOrigin(request({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }), policy)).toBeUndefined();
    expect(checkOrigin(request({ host: '[::1]:3000', origin: 'http://[::1]:3000' }), policy)).toBeUndefined();
    expect(checkOrigin(request({ host: 'localhost:3000', origin: 'http://localhost:3000' }), policy)).toBeUndefined();
  });

  it('refuses a page on another local port: loopback is not trusted as such (another local app is not us)', () => {
    const own = request({ host: '127.0.0.1:3000' });
    expect(isAllowedOrigin('http://127.0.0.1:5173', policy, own)).toBe(false);
    expect(isAllowedOrigin('http://localhost:6274', policy, own)).toBe(false);
    expect(isAllowedOrigin('http://localhost:3000', policy, own)).toBe(false); // another host name is another origin
    expect(isAllowedOrigin('https://127.0.0.1:3000', policy, own)).toBe(false); // and another scheme
    expect(checkOrigin(request({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:5173' }), policy)).toContain(
      'Origin "http://127.0.0.1:5173" is not allowed',
    );
  });

  it('DOJO_PUBLIC_URL is the app’s own origin too (behind a proxy the request says http, the browser https)', () => {
    const behindProxy = { ...policy, publicUrl: 'https://dojo.example.com/' };
    const proxied = new Request('http://10.0.0.5:3000/api/x', { headers: { host: 'dojo.example.com', origin: 'https://dojo.example.com' } });
    expect(checkOrigin(proxied, { ...behindProxy, origins: [] })).toBeUndefined();
    expect(checkOrigin(proxied, { ...policy, origins: [] })).toContain('is not allowed');
  });

  it('reads DOJO_ALLOWED_ORIGINS (e.g. the MCP Inspector) as origins, whatever the spelling', () => {
    const fromEnv = originPolicyFromEnv({
      DOJO_ALLOWED_ORIGINS: 'http://localhost:6274, HTTPS://Dojo.Example.com/',
      DOJO_PUBLIC_URL: 'https://dojo.example.com',
    });
    expect(fromEnv.origins).toEqual(['http://localhost:6274', 'https://dojo.example.com']);
    expect(fromEnv.publicUrl).toBe('https://dojo.example.com');
    expect(isAllowedOrigin('http://localhost:6274', fromEnv)).toBe(true);
  });

  it('refuses a rebound Host or a foreign Origin with a 403 that says which', async () => {
    expect(checkOrigin(request({ host: 'evil.example.com:3000' }), policy)).toContain('evil.example.com');
    const refused = refuseForeignRequest(request({ host: '127.0.0.1:3000', origin: 'http://evil.example.com' }), policy);
    expect(refused?.status).toBe(403);
    expect((await refused?.json()).error).toContain('Origin "http://evil.example.com" is not allowed');
    expect(refuseForeignRequest(request({ host: 'localhost:3000', origin: 'http://localhost:3000' }), policy)).toBeUndefined();
  });
});

describe('the MCP endpoint and a page on another local port', () => {
  const endpoint = createMcpEndpoint({
    store: new MemoryStateStore({ idleMs: 60_000, maxEntries: 100, sweepEveryMs: 0 }),
    policy: { origins: ['http://localhost:6274'], hosts: [] },
    secret: Buffer.from('origin-test-secret'),
    loadConfig: async () => ({ token: 'real-token', baseUrl: 'https://api.todoist.com/api/v1', whereToSetToken: '' }),
  });
  const call = (origin: string, method = 'POST') =>
    endpoint(
      new Request('http://127.0.0.1:3000/api/mcp?backend=real', {
        method,
        headers: { host: '127.0.0.1:3000', origin, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
        ...(method === 'POST' && { body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }) }),
      }),
    );

  it('refuses it with 403 and no CORS headers, backend=real included', async () => {
    for (const method of ['OPTIONS', 'POST']) {
      const response = await call('http://127.0.0.1:5173', method);
      expect(response.status).toBe(403);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('answers the configured Inspector origin’s preflight with CORS headers', async () => {
    const response = await call('http://localhost:6274', 'OPTIONS');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:6274');
  });
});
