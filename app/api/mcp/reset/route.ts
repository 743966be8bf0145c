/** Puts a learner's mock workspace back to the generated data. See lib/mcp/http/workspace-endpoint.ts. */
import { handleWorkspaceAction } from '@/lib/mcp/http/workspace-endpoint';
import { getStateStore } from '@/lib/state';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export function POST(request: Request): Promise<Response> {
  return handleWorkspaceAction('reset', request, getStateStore());
}
