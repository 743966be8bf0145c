/**
 * Lesson 9, attack 2 — a Todoist MCP server with a deliberately naive token
 * check: SIGNATURE ONLY.
 *
 * NAIVE — the flaw: `jwtVerify` without `audience`. The signature proves our
 * authorization server issued the token; it does not say for *whom*. Every
 * resource server that trusts that authorization server (here the demo
 * "Calendar MCP") receives tokens signed with the same key, so any of them —
 * or whoever steals a token from one — can replay a user's token here and
 * read that user's tasks. RFC 8707 (resource indicators) and the MCP spec
 * require checking that the token was issued for this very server.
 *
 * The production check (lib/auth/access-token.ts, readAccessToken) passes
 * `audience: <this endpoint's URL>` and answers 401 "issued for another resource".
 *
 * SAFETY: it reads stand-in sample accounts only (the caller of
 * createNaiveAudienceServer supplies the access, refusing real accounts).
 */
import { createMcpHandler, McpServer, type CallToolResult } from '@modelcontextprotocol/server';
import { jwtVerify } from 'jose';
import { z } from 'zod';
import { assertStandinApiBase, listTaskTitles } from './todoist-calls';

export interface NaiveAudienceOptions {
  /** The authorization server's signing key: this server "trusts the same authorization server". */
  signingKey: Uint8Array;
  /** The stand-in Todoist token kept for a user (by tenant key), or `undefined`. */
  sampleAccountAccess(tenantKey: string): Promise<{ token: string; apiBase: string; name: string } | undefined>;
  fetch?: typeof fetch;
}

/** NAIVE: signature (and expiry) only — no `audience`, so a token for any resource server passes. */
export async function naiveTokenCheck(token: string, signingKey: Uint8Array): Promise<{ subject: string }> {
  const { payload } = await jwtVerify(token, signingKey);
  return { subject: String(payload.sub) };
}

export function createNaiveAudienceServer(options: NaiveAudienceOptions): (request: Request) => Promise<Response> {
  const fetchImpl = options.fetch ?? fetch;
  const mcp = createMcpHandler(
    ({ authInfo }) => {
      const server = new McpServer({ name: 'naive-audience-todoist', version: '0.1.0' });
      server.registerTool(
        'list_tasks',
        { description: "Lists the caller's Todoist tasks.", inputSchema: z.object({}), annotations: { readOnlyHint: true } },
        async (): Promise<CallToolResult> => {
          const subject = String(authInfo?.extra?.subject);
          const access = await options.sampleAccountAccess(subject);
          if (!access) return { isError: true, content: [{ type: 'text', text: 'No stand-in sample account is connected for this user.' }] };
          assertStandinApiBase(access.apiBase);
          const listing = await listTaskTitles(access.apiBase, `Bearer ${access.token}`, fetchImpl);
          if (listing.error) return { isError: true, content: [{ type: 'text', text: `Todoist answered ${listing.status}: ${listing.error}` }] };
          return {
            content: [{ type: 'text', text: [`Tasks of ${access.name}:`, ...listing.titles.map((title) => `- ${title}`)].join('\n') }],
            structuredContent: { account: access.name, tasks: listing.titles.map((content) => ({ content })) },
          };
        },
      );
      return server;
    },
    { legacy: 'stateless', maxRequestBodySize: 64 * 1024 },
  );

  return async (request) => {
    const token = /^Bearer (.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
    let subject: string;
    try {
      if (!token) throw new Error('no token');
      ({ subject } = await naiveTokenCheck(token, options.signingKey));
    } catch {
      return Response.json({ error: 'invalid_token', error_description: 'The token signature is not valid.' }, { status: 401 });
    }
    return mcp.fetch(request, { authInfo: { token, clientId: 'unchecked', scopes: [], extra: { subject } } });
  };
}
