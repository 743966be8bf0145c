/** Switches the scenario of a learner's mock workspace (the lessons' fault panel). See lib/mcp/http/workspace-endpoint.ts. */
import { handleWorkspaceAction } from '@/lib/mcp/http/workspace-endpoint';
import { getStateStore } from '@/lib/state';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export function POST(request: Request): Promise<Response> {
  return handleWorkspaceAction('scenario', request, getStateStore());
}
