import { describe, expect, it } from 'vitest';
import { checkOrigin, isAllowedOrigin, refuseForeignRequest } from '../origin';

const policy = { origins: ['https://dojo.example.com'], hosts: ['dojo.example.com'] };
const request = (headers: Record<string, string>) => new Request('http://127.0.0.1:3000/api/x', { headers });

describe('origin policy', () => {
  it('trusts loopback on any port, and configured origins and hosts', () => {
    expect(isAllowedOrigin('http://localhost:6274', policy)).toBe(true);
    expect(isAllowedOrigin('http://[::1]:3000', policy)).toBe(true);
    expect(isAllowedOrigin('https://dojo.example.com', policy)).toBe(true);
    expect(isAllowedOrigin('http://evil.example.com', policy)).toBe(false);
    expect(isAllowedOrigin('null', policy)).toBe(false);
    expect(checkOrigin(request({ host: 'dojo.example.com' }), policy)).toBeUndefined();
  });

  it('refuses a rebound Host or a foreign Origin with a 403 that says which', async () => {
    expect(checkOrigin(request({ host: 'evil.example.com:3000' }), policy)).toContain('evil.example.com');
    const refused = refuseForeignRequest(request({ host: '127.0.0.1:3000', origin: 'http://evil.example.com' }), policy);
    expect(refused?.status).toBe(403);
    expect((await refused?.json()).error).toContain('Origin "http://evil.example.com" is not allowed');
    expect(refuseForeignRequest(request({ host: 'localhost:3000', origin: 'http://localhost:3000' }), policy)).toBeUndefined();
  });
});
