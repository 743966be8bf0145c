/**
 * GET /api/stdio-trace — one list_projects call through the stdio server, with its protocol trace.
 * Used by the architecture lesson to show the same core behind a different face.
 * It starts a process: see lib/mcp/stdio-trace-endpoint.ts for what guards it.
 */
import { handleStdioTraceRequest } from '@/lib/mcp/stdio-trace-endpoint';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return handleStdioTraceRequest(request);
}
