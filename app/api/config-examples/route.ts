/**
 * GET /api/config-examples — the configuration lesson's gallery: the real
 * error messages for six broken configurations, made just now by running
 * resolveConfig against throwaway files. See lib/config/examples-endpoint.ts
 * for what guards it (it writes temp files).
 */
import { handleConfigExamplesRequest } from '@/lib/config/examples-endpoint';

export const runtime = 'nodejs';
// Made per request, by the code that is running: the messages are never a stale copy.
export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return handleConfigExamplesRequest(request);
}
