/** Opens a workshop room; the caller presents it. See lib/workshop/room-endpoint.ts. */
import { handleRoomRoute, openRoom } from '@/lib/workshop/room-endpoint';
import { roomEndpointDeps } from '@/lib/workshop/process';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = (request: Request) => handleRoomRoute(request, roomEndpointDeps(), undefined, openRoom);
