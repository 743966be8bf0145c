/**
 * The workshop routes, framework-free (Request in, Response out) so tests
 * call them directly and the Next routes stay one line each.
 *
 *   POST /api/rooms                      open a room; the caller presents it
 *   GET  /api/rooms/mine                 the room the caller sits in (404: none)
 *   GET  /api/rooms/CODE                 what a learner's page is told about the room
 *   POST /api/rooms/CODE                 the presenter's controls: move, scenario, reset, end
 *   POST /api/rooms/CODE/seat            join ({"join":true,"name":"Ada"}), or report progress
 *   DELETE /api/rooms/CODE/seat          leave
 *   GET  /api/rooms/CODE/presence        who is there and what they saw (presenter only)
 *   GET  /api/rooms/CODE/events          the room's live stream (room-stream.ts)
 *
 * The caller is the signed learner id from the cookie, as for every other
 * learner route; a change must come from this app's own pages, as JSON.
 */
import { learnerFromRequest, serverSecret, type Tenant } from '@/lib/identity/learner';
import { readJsonBody } from '@/lib/http/json-body';
import { checkOrigin, originPolicyFromEnv, type OriginPolicy } from '@/lib/http/origin';
import { stateChangeRefusal } from '@/lib/mcp/http/workspace-endpoint';
import type { TenantEventBus } from '@/lib/realtime/bus';
import { errorText } from '@/lib/todoist/errors';
import { normalizeRoomCode } from './room-code';
import { roomView, type Room } from './room';
import { parseControl, parseSeatRequest } from './room-requests';
import { openRoomStream } from './room-stream';
import type { RoomRefusal, Rooms } from './rooms';

export interface RoomEndpointDeps {
  rooms: Rooms;
  bus: TenantEventBus;
  policy?: OriginPolicy;
  secret?: Buffer;
  beatMs?: number;
}

const MAX_BODY_BYTES = 4 * 1024;
const NO_LEARNER = 'No learner id: open a page of this app first (it sets the dojo-learner cookie).';

type Handler = (request: Request, deps: RoomEndpointDeps, tenant: Tenant, code: string) => Promise<Response>;

/** Origin, caller and code checks every room route shares; then the route's own work. */
export async function handleRoomRoute(request: Request, deps: RoomEndpointDeps, typedCode: string | undefined, handler: Handler): Promise<Response> {
  const policy = deps.policy ?? originPolicyFromEnv();
  const changes = request.method !== 'GET';
  const refusal = checkOrigin(request, policy) ?? (changes ? stateChangeRefusalUnlessDelete(request, policy) : undefined);
  if (refusal) return json({ error: `Forbidden: ${refusal}.` }, 403);
  const tenant = learnerFromRequest(request, deps.secret ?? serverSecret());
  if (!tenant) return json({ error: NO_LEARNER }, 401);
  const code = typedCode === undefined ? '' : normalizeRoomCode(typedCode);
  if (code === undefined) return json({ error: `"${String(typedCode).slice(0, 20)}" is not a room code: six letters and digits, such as K7QM2P.` }, 400);
  try {
    return await handler(request, deps, tenant, code);
  } catch (error) {
    return json({ error: `The room could not be reached: ${errorText(error)}. Try again in a moment.` }, 503);
  }
}

export const openRoom: Handler = async (_request, { rooms }, tenant) => {
  const room = await rooms.open(tenant);
  return json({ room: roomView(room) }, 201);
};

export const myRoom: Handler = async (_request, { rooms }, tenant) => {
  const seated = await rooms.roomOf(tenant);
  if (!seated) return json({ error: 'You are not in a room.' }, 404);
  return json({ room: roomView(seated.room), role: seated.role });
};

export const roomInfo: Handler = async (_request, { rooms }, _tenant, code) => {
  const room = await rooms.get(code);
  return room ? json({ room: roomView(room) }) : noRoom(code);
};

export const controlRoom: Handler = async (request, { rooms }, tenant, code) => {
  const body = await readJsonBody(request, MAX_BODY_BYTES, 'a room control');
  if ('refusal' in body) return body.refusal;
  const parsed = parseControl(body.value);
  if ('error' in parsed) return json({ error: parsed.error }, 400);
  const result = await rooms.control(code, tenant, parsed.control);
  if (isRefusal(result)) return json({ error: result.error }, result.status);
  return json(result.room ? { room: roomView(result.room) } : { ended: true });
};

export const updateSeat: Handler = async (request, { rooms }, tenant, code) => {
  const body = await readJsonBody(request, MAX_BODY_BYTES, 'a seat update');
  if ('refusal' in body) return body.refusal;
  const parsed = parseSeatRequest(body.value);
  if ('error' in parsed) return json({ error: parsed.error }, 400);
  if (parsed.join) {
    const joined = await rooms.join(code, tenant, parsed.name);
    if (isRefusal(joined)) return json({ error: joined.error }, joined.status);
  }
  const seat = await rooms.report(code, tenant, parsed.progress);
  if (isRefusal(seat)) return json({ error: seat.error }, seat.status);
  const { name, runs } = seat;
  return json({ seat: { ...(name && { name }), runs } });
};

export const leaveSeat: Handler = async (_request, { rooms }, tenant, code) => {
  await rooms.leave(code, tenant);
  return json({ left: code });
};

export const roomPresence: Handler = async (_request, { rooms }, tenant, code) => {
  const room = await rooms.get(code);
  if (!room) return noRoom(code);
  if (room.presenter !== tenant.key) return json({ error: 'Only the room’s presenter sees who is in it.' }, 403);
  return json(await rooms.presence(code));
};

export const roomEvents: Handler = async (request, deps, tenant, code) => {
  const room = await deps.rooms.get(code);
  if (!room) return noRoom(code);
  const role = seatedRole(room, tenant, await deps.rooms.roomOf(tenant));
  if (!role) return json({ error: `You have no seat in room ${code}: join it first (/join/${code}).` }, 409);
  return openRoomStream({ rooms: deps.rooms, bus: deps.bus, room, tenant, role, signal: request.signal, beatMs: deps.beatMs });
};

function seatedRole(room: Room, tenant: Tenant, seated: Awaited<ReturnType<Rooms['roomOf']>>): 'presenter' | 'learner' | undefined {
  if (room.presenter === tenant.key) return 'presenter';
  return seated?.room.code === room.code ? seated.role : undefined;
}

/** Leaving sends no body, so it needs no JSON type; it still must come from this app (Origin). */
function stateChangeRefusalUnlessDelete(request: Request, policy: OriginPolicy): string | undefined {
  if (request.method !== 'DELETE') return stateChangeRefusal(request, policy);
  return request.headers.get('origin') ? undefined : 'a room change must come from this app (Origin)';
}

function isRefusal(value: object): value is RoomRefusal {
  return 'error' in value && 'status' in value;
}

function noRoom(code: string): Response {
  return json({ error: `There is no open room ${code}: check the code with your presenter (the room may have ended).` }, 404);
}

function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}
