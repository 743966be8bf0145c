/**
 * Lesson 9, attack 1 — the naive MCP endpoint: the production endpoint
 * (lib/mcp/http/endpoint.ts) minus its Origin/Host guard, the way many local
 * MCP servers ship. Served at /api/security/naive-mcp.
 *
 * The only differences from production are the lines marked NAIVE below:
 * the guard never sees the Origin or Host the browser sent, and every answer
 * says any site may read it. A page on any other site can now call the
 * server from the learner's browser and read what it answers; with DNS
 * rebinding (a name that first points at the attacker, then at 127.0.0.1)
 * it does not even need CORS.
 *
 * The lines marked SAFETY are not the lesson's point: they keep this demo
 * harmless. It serves the mock backend only, to an anonymous caller (a
 * throwaway workspace), whatever the request asks for: never a real Todoist
 * account, never the learner's own workspace.
 */
import { createMcpEndpoint, type McpEndpointOptions } from '@/lib/mcp/http/endpoint';

/** A host name the guard always serves (loopback), put in place of the one the browser sent. */
const A_HOST_THE_GUARD_ACCEPTS = 'localhost';

const ANY_SITE_MAY_READ = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST, OPTIONS',
  'Access-Control-Allow-Headers': 'content-type, accept, mcp-protocol-version, mcp-method, mcp-name',
};

export function createNaiveMcpEndpoint(options: McpEndpointOptions = {}): (request: Request) => Promise<Response> {
  const production = createMcpEndpoint(options);
  return async (request) => {
    // NAIVE: answers every preflight "yes", for any origin.
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: ANY_SITE_MAY_READ });

    const headers = new Headers(request.headers);
    headers.delete('origin'); // NAIVE: the guard never sees who is asking…
    headers.set('host', A_HOST_THE_GUARD_ACCEPTS); // NAIVE: …nor which name they used to reach us.

    // SAFETY: mock data only, as an anonymous caller (no learner id, cookie or token reaches the endpoint).
    const url = new URL(request.url);
    url.search = '?backend=mock';
    headers.delete('cookie');
    headers.delete('authorization');

    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    const answer = await production(
      new Request(url, { method: request.method, headers, body: hasBody ? request.body : undefined, signal: request.signal, duplex: 'half' } as RequestInit),
    );
    // NAIVE: any site may read the answer.
    return withHeaders(answer, ANY_SITE_MAY_READ);
  };
}

function withHeaders(response: Response, extra: Record<string, string>): Response {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
