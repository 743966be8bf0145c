/** The caller's learner id (issued with its cookie on first visit). See lib/identity/learner-endpoint.ts. */
import { handleLearnerRequest } from '@/lib/identity/learner-endpoint';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export function GET(request: Request): Response {
  return handleLearnerRequest(request);
}
