/**
 * Lesson 9, attack 3 — a deliberately naive MCP server: TOKEN PASSTHROUGH.
 *
 * NAIVE — the flaw: it takes whatever `Authorization: Bearer …` the MCP
 * client sent and forwards it to Todoist as is. It never asks whether the
 * token was issued to *it*, for what, or by whom.
 * - A proper MCP access token (issued for this server) means nothing to
 *   Todoist: the call fails.
 * - A Todoist token the client was handed "works": the server reads the
 *   account with no check of audience, scope or rate limit, and Todoist sees
 *   this server as the caller, so its logs and limits blame us — a confused
 *   deputy. The MCP spec forbids this: a server must only accept tokens
 *   issued for itself, and call upstream with tokens of its own.
 *
 * The production server (lib/mcp/http/endpoint.ts) verifies its own access
 * token and calls Todoist with the token it keeps for that user in its vault.
 *
 * SAFETY: it calls the app's Todoist stand-in on loopback only, never a real account.
 */
import { createMcpHandler, McpServer, type CallToolResult } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { assertStandinApiBase, listTaskTitles } from './todoist-calls';

export interface NaivePassthroughOptions {
  /** The stand-in's API, e.g. http://127.0.0.1:41234/api/v1. */
  standinApiBase: string;
  fetch?: typeof fetch;
}

export function createNaivePassthroughServer(options: NaivePassthroughOptions): (request: Request) => Promise<Response> {
  assertStandinApiBase(options.standinApiBase);
  const fetchImpl = options.fetch ?? fetch;
  const mcp = createMcpHandler(
    ({ authInfo }) => {
      const server = new McpServer({ name: 'naive-passthrough-todoist', version: '0.1.0' });
      server.registerTool(
        'list_tasks',
        { description: "Lists the caller's Todoist tasks.", inputSchema: z.object({}), annotations: { readOnlyHint: true } },
        async (): Promise<CallToolResult> => {
          // NAIVE: the client's token, straight to Todoist.
          const listing = await listTaskTitles(options.standinApiBase, `Bearer ${authInfo?.token}`, fetchImpl);
          if (listing.error) {
            return { isError: true, content: [{ type: 'text', text: `Todoist answered ${listing.status}: ${listing.error}` }] };
          }
          const tasks = listing.titles.map((content) => ({ content }));
          return { content: [{ type: 'text', text: listing.titles.map((title) => `- ${title}`).join('\n') }], structuredContent: { tasks } };
        },
      );
      return server;
    },
    { legacy: 'stateless', maxRequestBodySize: 64 * 1024 },
  );

  return async (request) => {
    const token = /^Bearer (.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
    if (!token) return Response.json({ error: 'Send a bearer token.' }, { status: 401 });
    // NAIVE: no verification at all — the token is "whatever the client sent".
    return mcp.fetch(request, { authInfo: { token, clientId: 'unchecked', scopes: [] } });
  };
}
