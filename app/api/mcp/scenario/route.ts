/** Switches a live mock session's scenario (the lessons' fault panel). See lib/mcp/http/scenario-endpoint.ts. */
import { getSessionStore } from '@/lib/mcp/http/global-store';
import { handleScenarioSwitch } from '@/lib/mcp/http/scenario-endpoint';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export function POST(request: Request): Promise<Response> {
  return handleScenarioSwitch(request, getSessionStore());
}
