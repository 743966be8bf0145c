/**
 * Lesson 9's "Calendar MCP": a second resource server trusting this app's
 * authorization server. See lib/security/attacks/calendar-mcp.ts.
 */
import { getAuthorizationServer } from '@/lib/auth/app-server';
import { createCalendarMcpEndpoint } from '@/lib/security/attacks/calendar-mcp';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const handle = createCalendarMcpEndpoint({ verifier: (resourceUrl) => getAuthorizationServer().verifier(resourceUrl) });

export { handle as GET, handle as POST, handle as DELETE };
