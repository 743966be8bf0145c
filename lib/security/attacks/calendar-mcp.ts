/**
 * Lesson 9, attack 2 — "Calendar MCP": a second resource server at
 * /api/security/calendar-mcp that trusts this app's authorization server.
 * Its tokens are signed with the same key as the Todoist MCP's, but carry its
 * own audience (`<origin>/api/security/calendar-mcp`). Used as it should be,
 * it is harmless; the attack is what it (or a thief of its tokens) can do
 * with them elsewhere.
 *
 * It checks its tokens the production way — audience included — and serves
 * one tool, `list_events`, over sample data.
 */
import { createMcpHandler, McpServer, requireBearerAuth, type AuthInfo, type OAuthTokenVerifier } from '@modelcontextprotocol/server';
import { z } from 'zod';
import type { Tenant } from '@/lib/identity/learner';
import { checkOrigin, originPolicyFromEnv, type OriginPolicy } from '@/lib/http/origin';
import { publicOrigin } from '@/lib/http/public-origin';

export const CALENDAR_MCP_PATH = '/api/security/calendar-mcp';
/** What the Calendar MCP asks its users for; the Todoist MCP never grants it. */
export const CALENDAR_SCOPE = 'calendar:read';

export interface CalendarMcpOptions {
  /** Verifies the authorization server's access tokens for a resource URL (the app's: lib/auth). */
  verifier(resourceUrl: string): OAuthTokenVerifier;
  policy?: OriginPolicy;
}

const SAMPLE_EVENTS = ['09:00 Stand-up', '12:30 Lunch with Sam', '16:00 Dentist'];

export function calendarResourceUrl(origin: string): string {
  return `${origin}${CALENDAR_MCP_PATH}`;
}

export function createCalendarMcpEndpoint(options: CalendarMcpOptions): (request: Request) => Promise<Response> {
  const policy = options.policy ?? originPolicyFromEnv();
  const mcp = createMcpHandler(({ authInfo }) => calendarServer(authInfo), { legacy: 'stateless', maxRequestBodySize: 64 * 1024 });
  return async (request) => {
    const refusal = checkOrigin(request, policy);
    if (refusal) return Response.json({ error: `Forbidden: ${refusal}.` }, { status: 403 });
    const resourceUrl = calendarResourceUrl(publicOrigin(request));
    // Production: a token of ours, for *this* resource (its audience), unexpired and not revoked.
    const gate = requireBearerAuth({ verifier: options.verifier(resourceUrl), expectedResource: new URL(resourceUrl), requiredScopes: [CALENDAR_SCOPE] });
    const auth = await gate(request);
    if (auth instanceof Response) return auth;
    return mcp.fetch(request, { authInfo: auth });
  };
}

function calendarServer(authInfo: AuthInfo | undefined): McpServer {
  const server = new McpServer({ name: 'calendar-mcp-demo', version: '0.1.0' });
  const tenant = authInfo?.extra?.tenant as Tenant | undefined;
  server.registerTool(
    'list_events',
    { description: "Today's events in the user's calendar (sample data).", inputSchema: z.object({}), annotations: { readOnlyHint: true } },
    async () => ({
      content: [{ type: 'text', text: [`Sample calendar of ${tenant?.user?.name ?? 'the user'} (demo data):`, ...SAMPLE_EVENTS].join('\n') }],
      structuredContent: { account: tenant?.user?.name, events: SAMPLE_EVENTS },
    }),
  );
  return server;
}
