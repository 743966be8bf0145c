/**
 * The Next mounts: the well-known route rebuilds the original
 * /.well-known/... URL (next.config.ts rewrites to /api/well-known/...), and
 * the /oauth route answers 404 for paths that are not ours.
 */
import { describe, expect, it } from 'vitest';
import { GET as wellKnown } from '@/app/api/well-known/[...path]/route';
import { GET as oauthGet } from '@/app/oauth/[...path]/route';

describe('Next routes of the authorization server', () => {
  it('serves the protected resource metadata from the rewritten path', async () => {
    const request = new Request('http://localhost:3000/api/well-known/oauth-protected-resource/api/mcp');
    const response = await wellKnown(request, { params: Promise.resolve({ path: ['oauth-protected-resource', 'api', 'mcp'] }) });
    expect(await response.json()).toMatchObject({ resource: 'http://localhost:3000/api/mcp', authorization_servers: ['http://localhost:3000'] });
  });

  it('serves the authorization server metadata', async () => {
    const request = new Request('http://localhost:3000/api/well-known/oauth-authorization-server');
    const response = await wellKnown(request, { params: Promise.resolve({ path: ['oauth-authorization-server'] }) });
    expect(await response.json()).toMatchObject({ issuer: 'http://localhost:3000', token_endpoint: 'http://localhost:3000/oauth/token' });
  });

  it('answers 404 for other well-known documents and other /oauth paths', async () => {
    const other = await wellKnown(new Request('http://localhost:3000/api/well-known/security.txt'), { params: Promise.resolve({ path: ['security.txt'] }) });
    expect(other.status).toBe(404);
    expect((await oauthGet(new Request('http://localhost:3000/oauth/elsewhere'))).status).toBe(404);
  });
});
