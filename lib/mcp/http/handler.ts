/**
 * The MCP endpoint as a Fetch handler: `(Request) => Promise<Response>`.
 *
 * Framework-free, so the same code runs in the Next route (app/api/mcp) and in
 * tests over plain node:http. It guards origins, routes each request to its
 * session's transport, and starts a new session (one McpServer each) on
 * `initialize`.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import type { MockBackend } from '@/lib/mock/backend';
import { checkOrigin, isAllowedOrigin, originPolicyFromEnv, type OriginPolicy } from '@/lib/http/origin';
import { parseSessionSettings, type SessionSettings } from './session-settings';
import { SessionStore } from './session-store';

export interface McpHttpHandlerOptions {
  createServer: (settings: SessionSettings) => { server: McpServer; mock?: MockBackend };
  store: SessionStore;
  policy?: OriginPolicy;
}

const ALLOWED_HEADERS = 'content-type, mcp-session-id, mcp-protocol-version, last-event-id, authorization';

export function createMcpHttpHandler(options: McpHttpHandlerOptions): (request: Request) => Promise<Response> {
  const policy = options.policy ?? originPolicyFromEnv();
  return async (request) => {
    const refusal = checkOrigin(request, policy);
    if (refusal) return jsonRpcError(403, -32000, `Forbidden: ${refusal}.`);
    const cors = corsHeaders(request.headers.get('origin'), policy);
    if (request.method === 'OPTIONS') return new Response(null, { status: 204, headers: cors });
    return withHeaders(await route(request, options), cors);
  };
}

async function route(request: Request, { createServer, store }: McpHttpHandlerOptions): Promise<Response> {
  const sessionId = request.headers.get('mcp-session-id');
  if (sessionId) {
    const session = store.touch(sessionId);
    if (!session) {
      return jsonRpcError(404, -32001, 'Session not found: it expired or was closed. Start a new one with initialize.');
    }
    return session.transport.handleRequest(request);
  }
  if (request.method !== 'POST') {
    return jsonRpcError(400, -32000, 'Bad request: no Mcp-Session-Id. Start a session with a POST initialize request.');
  }
  const body: unknown = await request
    .clone()
    .json()
    .catch(() => undefined);
  if (body === undefined) return jsonRpcError(400, -32700, 'Parse error: the body is not JSON.');
  if (!isInitializeRequest(body)) {
    return jsonRpcError(400, -32000, 'Bad request: no Mcp-Session-Id, and the request is not initialize.');
  }
  const parsed = parseSessionSettings(new URL(request.url));
  if ('error' in parsed) return jsonRpcError(400, -32602, parsed.error);

  const { server, mock } = createServer(parsed.settings);
  const transport: WebStandardStreamableHTTPServerTransport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: () => crypto.randomUUID(),
    onsessioninitialized: (id) => store.add({ id, server, transport, mock, settings: parsed.settings }),
    onsessionclosed: (id) => store.remove(id),
  });
  transport.onclose = () => {
    if (transport.sessionId) store.remove(transport.sessionId);
  };
  await server.connect(transport);
  return transport.handleRequest(request, { parsedBody: body });
}

function corsHeaders(origin: string | null, policy: OriginPolicy): Record<string, string> {
  if (!origin || !isAllowedOrigin(origin, policy)) return {};
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': ALLOWED_HEADERS,
    // Without this a browser client never learns its session id.
    'Access-Control-Expose-Headers': 'Mcp-Session-Id',
    Vary: 'Origin',
  };
}

function withHeaders(response: Response, extra: Record<string, string>): Response {
  if (Object.keys(extra).length === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

function jsonRpcError(status: number, code: number, message: string): Response {
  return Response.json({ jsonrpc: '2.0', error: { code, message }, id: null }, { status });
}
