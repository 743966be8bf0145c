/**
 * The MCP endpoint: Streamable HTTP with stateful sessions.
 * Connect with `/api/mcp` (mock backend) or `/api/mcp?backend=real`; see lib/mcp/http.
 */
import { createMcpHttpHandler } from '@/lib/mcp/http/handler';
import { createServerForSettings } from '@/lib/mcp/http/session-server';
import { SessionStore } from '@/lib/mcp/http/session-store';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// On globalThis so `next dev` reloads keep live sessions.
const globalForMcp = globalThis as typeof globalThis & { dojoMcpSessions?: SessionStore };
const store = (globalForMcp.dojoMcpSessions ??= new SessionStore({ idleMs: 30 * 60_000, maxSessions: 200 }));

const handle = createMcpHttpHandler({ createServer: createServerForSettings, store });

export { handle as GET, handle as POST, handle as DELETE, handle as OPTIONS };
