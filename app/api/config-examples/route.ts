/**
 * GET /api/config-examples — the configuration lesson's gallery: the real
 * error messages for six broken configurations, made just now by running
 * resolveConfig against throwaway files. See lib/config/examples.
 */
import { configErrorExamples } from '@/lib/config/examples';
import { refuseForeignRequest } from '@/lib/http/origin';

export const runtime = 'nodejs';
// Made per request, by the code that is running: the messages are never a stale copy.
export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  // It writes temp files on the server: only for pages this app serves.
  const refused = refuseForeignRequest(request);
  if (refused) return refused;
  try {
    return Response.json({ examples: await configErrorExamples() }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return Response.json({ error: `The examples could not be made: ${(error as Error).message}` }, { status: 500 });
  }
}
