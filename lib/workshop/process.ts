/** This process's rooms, over its state store and event bus (Redis for both when REDIS_URL is set). */
import { getTenantEventBus } from '@/lib/realtime/bus';
import { getStateStore } from '@/lib/state';
import type { RoomEndpointDeps } from './room-endpoint';
import { Rooms } from './rooms';

const globalForRooms = globalThis as typeof globalThis & { dojoRooms?: Rooms };

export function getRooms(): Rooms {
  globalForRooms.dojoRooms ??= new Rooms(getStateStore(), getTenantEventBus());
  return globalForRooms.dojoRooms;
}

/** What the room routes need, from this process. */
export function roomEndpointDeps(): RoomEndpointDeps {
  return { rooms: getRooms(), bus: getTenantEventBus() };
}
