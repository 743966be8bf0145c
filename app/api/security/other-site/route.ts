/**
 * Lesson 9's "another site", for a sandboxed iframe: calls the naive and the
 * production MCP endpoints cross-origin. See lib/security/attacks/other-site.ts.
 */
import { handleOtherSiteRequest } from '@/lib/security/attacks/other-site';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export function GET(request: Request): Response {
  return handleOtherSiteRequest(request);
}
