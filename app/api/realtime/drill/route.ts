/** Lesson 8's receiver drill: naive and production webhook receivers under the same faults. See lib/realtime/drill-endpoint.ts. */
import { serverSecret } from '@/lib/identity/learner';
import { handleDrillRequest } from '@/lib/realtime/drill-endpoint';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = (request: Request) => handleDrillRequest(request, serverSecret());
