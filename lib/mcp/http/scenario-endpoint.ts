/**
 * Switches the mock scenario of a live session — the presenter's fault panel:
 * a session answers well, then its "upstream" starts failing, and the
 * production strategy's retries, breaker and stale cache show themselves.
 *
 *   POST /api/mcp/scenario   Mcp-Session-Id: <id>   {"name": "down"}
 */
import { ScenarioSettingsSchema } from '@/lib/mock/scenarios';
import { checkOrigin, isAllowedOrigin, originPolicyFromEnv, type OriginPolicy } from '@/lib/http/origin';
import type { SessionStore } from './session-store';

export async function handleScenarioSwitch(
  request: Request,
  store: SessionStore,
  policy: OriginPolicy = originPolicyFromEnv(),
): Promise<Response> {
  const refusal = checkOrigin(request, policy) ?? stateChangeRefusal(request, policy);
  if (refusal) return Response.json({ error: `Forbidden: ${refusal}.` }, { status: 403 });
  const session = store.touch(request.headers.get('mcp-session-id') ?? '');
  if (!session) return Response.json({ error: 'Session not found: connect first, then switch its scenario.' }, { status: 404 });
  if (!session.mock) {
    return Response.json(
      { error: 'This session uses the real backend: its faults come from the real API (or the stand-in’s /__dojo/scenario).' },
      { status: 409 },
    );
  }
  const parsed = ScenarioSettingsSchema.safeParse(await request.json().catch(() => undefined));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return Response.json({ error: `Invalid scenario: ${issue?.path.join('.') || 'body'} ${issue?.message}` }, { status: 400 });
  }
  return Response.json({ scenario: session.mock.setScenario(parsed.data) });
}

/** A state change must come from a page we trust, as JSON (a cross-site form cannot send JSON without asking). */
function stateChangeRefusal(request: Request, policy: OriginPolicy): string | undefined {
  const origin = request.headers.get('origin');
  if (!origin || !isAllowedOrigin(origin, policy)) return 'a scenario switch must come from this app (Origin)';
  if (!request.headers.get('content-type')?.includes('application/json')) return 'the body must be JSON';
  return undefined;
}
