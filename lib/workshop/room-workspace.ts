/**
 * A seated caller's settings for one request: inside a room, their
 * workspaces live under the room's current generation (so the presenter's
 * reset gives everyone fresh data at once, and ending the room leaves them
 * outside it), and the scenario the presenter set replaces the one their
 * page asked for. Read on every call, from the store every instance shares:
 * a switch made on one instance holds on the next call served by another.
 */
import type { Tenant } from '@/lib/identity/learner';
import type { SessionSettings } from '@/lib/mcp/http/session-settings';
import type { Rooms } from './rooms';

export async function settingsInRoom<S extends Pick<SessionSettings, 'workspace' | 'backend' | 'scenario'>>(
  rooms: Pick<Rooms, 'roomOf'>,
  tenant: Tenant,
  settings: S,
): Promise<S> {
  const seated = await rooms.roomOf(tenant);
  if (!seated) return settings;
  const { room } = seated;
  return {
    ...settings,
    workspace: roomWorkspace(settings.workspace, room.code, room.generation),
    ...(room.scenario && settings.backend === 'mock' && { scenario: room.scenario }),
  };
}

/** `panel-breaker@room-abc234-g2`: readable in provenance, and never a name a URL can ask for (no `@` there). */
export function roomWorkspace(workspace: string, code: string, generation: number): string {
  return `${workspace}@room-${code.toLowerCase()}-g${generation}`;
}
