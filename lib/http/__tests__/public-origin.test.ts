import { describe, expect, it } from 'vitest';
import { mcpResourceUrl, publicOrigin } from '../public-origin';

const request = (url: string, host?: string) => new Request(url, { headers: host ? { host } : {} });

describe('publicOrigin', () => {
  it('is the origin the caller used (its Host header), not the one the server reports', () => {
    // next start -H 127.0.0.1 reports http://localhost:PORT in request.url.
    expect(publicOrigin(request('http://localhost:3100/api/mcp', '127.0.0.1:3100'), {})).toBe('http://127.0.0.1:3100');
  });

  it('is DOJO_PUBLIC_URL when set, whatever the request says', () => {
    const env = { DOJO_PUBLIC_URL: 'https://dojo.example.com/some/path' };
    expect(publicOrigin(request('http://10.0.0.5:3000/api/mcp', '10.0.0.5:3000'), env)).toBe('https://dojo.example.com');
  });

  it('falls back to the request URL without a usable Host header', () => {
    expect(publicOrigin(request('http://localhost:3000/x'), {})).toBe('http://localhost:3000');
    expect(publicOrigin(request('http://localhost:3000/x', 'bad host:/x'), {})).toBe('http://localhost:3000');
  });

  it('names the MCP endpoint as the resource tokens are bound to', () => {
    expect(mcpResourceUrl('http://127.0.0.1:3100')).toBe('http://127.0.0.1:3100/api/mcp');
  });
});
