/**
 * GET /api/stdio-trace — one list_projects call through the stdio server, with its protocol trace.
 * Used by the architecture lesson to show the same core behind a different face.
 */
import { refuseForeignRequest } from '@/lib/http/origin';
import { traceStdioCall } from '@/lib/mcp/stdio-trace';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  // It starts a process: only for pages this app serves.
  const refused = refuseForeignRequest(request);
  if (refused) return refused;
  try {
    return Response.json(await traceStdioCall('list_projects', { format: 'tree' }));
  } catch (error) {
    return Response.json({ error: `The stdio server could not be run: ${(error as Error).message}` }, { status: 500 });
  }
}
