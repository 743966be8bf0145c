/** Lesson 8's live-updates switch for a learner's mock account. See lib/realtime/live-endpoint.ts. */
import { builtinStandin } from '@/lib/mcp/http/builtin-standin';
import { handleLiveRequest, type LiveEndpointDeps } from '@/lib/realtime/live-endpoint';
import { getPollingFallback } from '@/lib/realtime/live-process';
import { processAccountConnector } from '@/lib/realtime/webhook-endpoint';
import { getStateStore } from '@/lib/state';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

let deps: LiveEndpointDeps | undefined;

function liveDeps(): LiveEndpointDeps {
  const store = getStateStore();
  deps ??= {
    store,
    connect: processAccountConnector(store),
    polling: getPollingFallback(store),
    deliveries: async (userId) => (await builtinStandin(store)).webhooks.log(userId),
  };
  return deps;
}

export const GET = (request: Request) => handleLiveRequest(request, liveDeps());
export const POST = (request: Request) => handleLiveRequest(request, liveDeps());
