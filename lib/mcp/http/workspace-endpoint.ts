/**
 * Changes a learner's mock workspace between calls — the lessons' fault
 * panel: a workspace answers well, then its "upstream" starts failing, and
 * the production strategy's retries, breaker and stale cache show themselves.
 *
 *   POST /api/mcp/scenario?workspace=fallback&size=small   {"name": "down"}
 *   POST /api/mcp/reset?workspace=fallback&size=small      (back to the generated data)
 *
 * The query is the same one the MCP endpoint takes; the learner comes from
 * the cookie (or `learner=` in the URL), never from the body.
 */
import { learnerFromRequest, serverSecret } from '@/lib/identity/learner';
import { readJsonBody } from '@/lib/http/json-body';
import { checkOrigin, isAllowedOrigin, originPolicyFromEnv, type OriginPolicy } from '@/lib/http/origin';
import { createMockBackend } from '@/lib/mock/backend';
import { parseScenario, type ScenarioSettings } from '@/lib/mock/scenarios';
import { newMockWorkspaceState, type MockWorkspaceState } from '@/lib/mock/workspace-state';
import type { StateStore } from '@/lib/state';
import { parseSessionSettings } from './session-settings';
import { mockStateKey } from './workspace';
import { getTenantEventBus } from '@/lib/realtime/bus';
import { Rooms } from '@/lib/workshop/rooms';
import { settingsInRoom } from '@/lib/workshop/room-workspace';

export type WorkspaceAction = 'scenario' | 'reset';

/** A scenario with every option set is a few hundred bytes. */
export const MAX_SCENARIO_BODY_BYTES = 4 * 1024;

export async function handleWorkspaceAction(
  action: WorkspaceAction,
  request: Request,
  store: StateStore,
  policy: OriginPolicy = originPolicyFromEnv(),
  secret: Buffer = serverSecret(),
  rooms: Pick<Rooms, 'roomOf'> = new Rooms(store, getTenantEventBus()),
): Promise<Response> {
  const refusal = checkOrigin(request, policy) ?? stateChangeRefusal(request, policy);
  if (refusal) return Response.json({ error: `Forbidden: ${refusal}.` }, { status: 403 });
  const tenant = learnerFromRequest(request, secret);
  if (!tenant) {
    return Response.json({ error: 'No learner id: open a page of this app first (it sets the dojo-learner cookie).' }, { status: 401 });
  }
  const parsed = parseSessionSettings(new URL(request.url));
  if ('error' in parsed) return Response.json({ error: parsed.error }, { status: 400 });
  // Seated in a room: the switch applies to the room's workspace, the one this learner's calls use.
  const settings = await settingsInRoom(rooms, tenant, parsed.settings);
  if (settings.backend !== 'mock') {
    return Response.json(
      { error: 'Only a mock workspace can be switched: a real backend’s faults come from the real API (or the stand-in’s /__dojo/scenario).' },
      { status: 409 },
    );
  }

  // The input is checked before the workspace is loaded: a bad request changes nothing.
  const scenario = action === 'scenario' ? await readScenario(request) : undefined;
  if (scenario && 'refusal' in scenario) return scenario.refusal;

  const key = mockStateKey(tenant, settings);
  const state = (await store.get<MockWorkspaceState>(key)) ?? newMockWorkspaceState();
  const backend = createMockBackend({ size: settings.size, seed: settings.seed, state });
  if (scenario) backend.setScenario(scenario.settings);
  else backend.reset();
  await store.set(key, state);
  return Response.json({ workspace: settings.workspace, scenario: backend.scenario });
}

/** The scenario in the body: read with a cap, then parseScenario's one line naming the wrong field (never zod's list). */
async function readScenario(request: Request): Promise<{ settings: ScenarioSettings } | { refusal: Response }> {
  const body = await readJsonBody(request, MAX_SCENARIO_BODY_BYTES, 'a scenario change');
  if ('refusal' in body) return body;
  const parsed = parseScenario(body.value);
  return 'error' in parsed ? { refusal: Response.json({ error: parsed.error }, { status: 400 }) } : parsed;
}

/** A state change must come from a page we trust, as JSON (a cross-site form cannot send JSON without asking). */
export function stateChangeRefusal(request: Request, policy: OriginPolicy): string | undefined {
  const origin = request.headers.get('origin');
  if (!origin || !isAllowedOrigin(origin, policy, request)) return 'a workspace change must come from this app (Origin)';
  if (!request.headers.get('content-type')?.includes('application/json')) return 'the body must be JSON';
  return undefined;
}
