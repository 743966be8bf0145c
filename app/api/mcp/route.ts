/**
 * The MCP endpoint: MCP 2026-07-28 (stateless, per request) and 2025-era
 * clients, from one server factory. Connect with `/api/mcp` (mock backend)
 * or `/api/mcp?backend=real`; see lib/mcp/http/endpoint.ts.
 */
import { createMcpEndpoint } from '@/lib/mcp/http/endpoint';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const handle = createMcpEndpoint();

export { handle as GET, handle as POST, handle as DELETE, handle as OPTIONS };
