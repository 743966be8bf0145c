/**
 * A learner's workspaces on the server: each holds its own mock data (with the
 * learner's writes), runtime scenario, breaker and last-good cache. A demo
 * whose state must not mix with another's uses a workspace of its own; the
 * browser's `dojo-learner` cookie says whose workspaces they are.
 */
import type { ScenarioInput } from '@/lib/mock/scenarios';
import { WORKSPACE_NAME, type DojoClientSettings } from './constants';
import type { FetchFunction } from './http-log';

/** A valid workspace name from readable parts: `workspaceName('panel', 'count-the-tasks', 'left')`. */
export function workspaceName(...parts: string[]): string {
  const name = parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40)
    .replace(/-$/, '');
  if (!WORKSPACE_NAME.test(name)) throw new Error(`No workspace name can be made from ${JSON.stringify(parts)}.`);
  return name;
}

/** Which of the workspace's mock datasets: the same size and seed the workspace's MCP requests use. */
export type WorkspaceData = Partial<Pick<DojoClientSettings, 'size' | 'seed'>>;

export interface WorkspaceRequestOptions {
  /** The MCP endpoint; the workspace routes sit under it. */
  endpoint?: string;
  data?: WorkspaceData;
  fetch?: FetchFunction;
}

/** `/api/mcp/<action>?workspace=<name>&size=…` next to the MCP endpoint. */
function workspaceUrl(action: 'scenario' | 'reset', workspace: string, endpoint: string, data: WorkspaceData = {}): string {
  const query = new URLSearchParams({ workspace });
  for (const [key, value] of Object.entries(data)) if (value !== undefined) query.set(key, String(value));
  return `${endpoint.replace(/\/$/, '')}/${action}?${query}`;
}

const browserFetch: FetchFunction = (input, init) => fetch(input, init);

async function postJson(url: string, body: unknown, fetchImpl: FetchFunction): Promise<unknown> {
  const response = await fetchImpl(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  const parsed = (await response.json().catch(() => undefined)) as { error?: unknown } | undefined;
  if (response.ok) return parsed;
  const reason = typeof parsed?.error === 'string' ? parsed.error : JSON.stringify(parsed?.error ?? response.statusText);
  throw new Error(`HTTP ${response.status} from ${url.split('?')[0]}: ${reason}`);
}

/**
 * Switches the workspace's runtime scenario (its mock upstream): requests that
 * send no `scenario=` get it from then on, and the workspace keeps its breaker
 * and cache — which is what a fault demo needs to show.
 */
export async function switchWorkspaceScenario(
  workspace: string,
  scenario: ScenarioInput,
  { endpoint = '/api/mcp', data, fetch: fetchImpl = browserFetch }: WorkspaceRequestOptions = {},
): Promise<unknown> {
  return postJson(workspaceUrl('scenario', workspace, endpoint, data), scenario, fetchImpl);
}

/** Puts the workspace back to the generated data (writes, scenario, breaker and cache gone). */
export async function resetWorkspace(
  workspace: string,
  { endpoint = '/api/mcp', data, fetch: fetchImpl = browserFetch }: WorkspaceRequestOptions = {},
): Promise<unknown> {
  return postJson(workspaceUrl('reset', workspace, endpoint, data), {}, fetchImpl);
}
