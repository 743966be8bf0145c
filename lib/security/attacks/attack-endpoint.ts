/**
 * POST /api/security/attacks/{audience,passthrough} — runs one attack demo
 * for the learner and answers its AttackReport (./report.ts).
 *
 * Only this app's pages may ask (Fetch Metadata, Origin, Host); the caller
 * is the learner of the cookie; it takes no input, so nothing a request says
 * can choose a token, an account or a URL. Each run signs in, starts a
 * loopback server and makes a dozen HTTP requests: a few at once, within a deadline.
 */
import { getAuthorizationServer } from '@/lib/auth/app-server';
import { signingKeyFrom } from '@/lib/auth/keys';
import { busyResponse, ConcurrencyLimit } from '@/lib/http/concurrency-limit';
import { refuseParameters } from '@/lib/http/no-parameters';
import { originPolicyFromEnv, refuseForeignRequest, type OriginPolicy } from '@/lib/http/origin';
import { publicOrigin } from '@/lib/http/public-origin';
import { learnerFromRequest, serverSecret } from '@/lib/identity/learner';
import { builtinStandin } from '@/lib/mcp/http/builtin-standin';
import { getStateStore } from '@/lib/state';
import type { AttackContext } from './attack-context';
import { runAudienceAttack } from './audience-attack';
import { runPassthroughAttack } from './passthrough-attack';
import type { AttackName, AttackReport } from './report';
import { DemoSetupError } from './sample-account';

export const ATTACK_CONCURRENCY = 2;
export const ATTACK_TIMEOUT_MS = 20_000;

const RUNNERS: Record<AttackName, (ctx: AttackContext) => Promise<AttackReport>> = {
  audience: runAudienceAttack,
  passthrough: runPassthroughAttack,
};

const processLimit = new ConcurrencyLimit(ATTACK_CONCURRENCY);

export interface AttackEndpointDeps extends Pick<AttackContext, 'as' | 'secret' | 'signingKey'> {
  standin: () => Promise<AttackContext['standin']>;
  policy: OriginPolicy;
  limit?: ConcurrencyLimit;
  timeoutMs?: number;
}

/** The app's own: its authorization server, stand-in, secret and signing key. */
export function appAttackDeps(): AttackEndpointDeps {
  const secret = serverSecret();
  return {
    as: getAuthorizationServer(),
    secret,
    signingKey: signingKeyFrom(secret),
    standin: () => builtinStandin(getStateStore(), secret),
    policy: originPolicyFromEnv(),
  };
}

export async function handleAttackRequest(attack: AttackName, request: Request, deps: AttackEndpointDeps = appAttackDeps()): Promise<Response> {
  const refused = refuseForeignRequest(request, deps.policy) ?? refuseParameters(request);
  if (refused) return refused;
  if (request.method !== 'POST') return json(405, { error: 'Use POST: it runs the demo.' }, { Allow: 'POST' });
  const learner = learnerFromRequest(request, deps.secret);
  if (!learner) {
    return json(400, { error: 'No learner id: open the lesson page first (it gives this browser its learner cookie), then run the demo there.' });
  }

  const limit = deps.limit ?? processLimit;
  const release = limit.tryAcquire();
  if (!release) return busyResponse('an attack demo', limit, 2);
  const timeoutMs = deps.timeoutMs ?? ATTACK_TIMEOUT_MS;
  const deadline = AbortSignal.timeout(timeoutMs);
  try {
    const report = await RUNNERS[attack]({
      as: deps.as,
      standin: await deps.standin(),
      secret: deps.secret,
      signingKey: deps.signingKey,
      learner,
      appOrigin: publicOrigin(request),
      signal: AbortSignal.any([request.signal, deadline]),
    });
    return json(200, report);
  } catch (error) {
    if (deadline.aborted) return json(504, { error: `The demo took longer than ${timeoutMs / 1000} s and was stopped. Try again.` });
    if (request.signal.aborted) return json(499, { error: 'The request was aborted, so the demo was stopped.' });
    // Our own setup errors name their step; anything else is summed up without its text, which could hold anything.
    console.error(`[attacks] the ${attack} demo failed:`, error instanceof Error ? error.name : 'unknown error');
    const why = error instanceof DemoSetupError ? error.message : 'an unexpected error on the server';
    return json(500, { error: `The demo could not run: ${why}.` });
  } finally {
    release();
  }
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}
