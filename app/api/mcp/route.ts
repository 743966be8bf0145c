/**
 * The MCP endpoint: Streamable HTTP with stateful sessions.
 * Connect with `/api/mcp` (mock backend) or `/api/mcp?backend=real`; see lib/mcp/http.
 */
import { getSessionStore } from '@/lib/mcp/http/global-store';
import { createMcpHttpHandler } from '@/lib/mcp/http/handler';
import { createServerForSettings } from '@/lib/mcp/http/session-server';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const handle = createMcpHttpHandler({ createServer: createServerForSettings, store: getSessionStore() });

export { handle as GET, handle as POST, handle as DELETE, handle as OPTIONS };
