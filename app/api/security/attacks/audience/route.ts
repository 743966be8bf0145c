/** Lesson 9: runs the token-audience attack demo for the learner. See lib/security/attacks/attack-endpoint.ts. */
import { handleAttackRequest } from '@/lib/security/attacks/attack-endpoint';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export function POST(request: Request): Promise<Response> {
  return handleAttackRequest('audience', request);
}
