/**
 * GET /api/learner — the caller's learner id, issued (with its cookie) on
 * first visit. The /connect page shows it inside the endpoint URL an outside
 * client (Claude Code, the Inspector) uses to reach the same workspaces.
 */
import { refuseParameters } from '@/lib/http/no-parameters';
import { refuseForeignRequest } from '@/lib/http/origin';
import { issueLearnerId, learnerCookie, learnerFromRequest, serverSecret } from './learner';

export function handleLearnerRequest(request: Request, secret: Buffer = serverSecret()): Response {
  // `learner=` is the one parameter learnerFromRequest reads (an id this server signed).
  const refused = refuseForeignRequest(request) ?? refuseParameters(request, ['learner']);
  if (refused) return refused;
  const known = learnerFromRequest(request, secret);
  if (known?.learnerId) return Response.json({ learner: known.learnerId }, { headers: { 'Cache-Control': 'no-store' } });
  const learner = issueLearnerId(secret);
  return Response.json({ learner }, { headers: { 'Set-Cookie': learnerCookie(learner), 'Cache-Control': 'no-store' } });
}
