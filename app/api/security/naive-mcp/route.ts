/**
 * Lesson 9's naive MCP endpoint: the production one without its Origin/Host
 * guard, mock data only. See lib/security/attacks/naive-mcp.ts.
 */
import { createNaiveMcpEndpoint } from '@/lib/security/attacks/naive-mcp';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const handle = createNaiveMcpEndpoint();

export { handle as GET, handle as POST, handle as DELETE, handle as OPTIONS };
