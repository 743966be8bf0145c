/** The room the caller sits in. See lib/workshop/room-endpoint.ts. */
import { handleRoomRoute, myRoom } from '@/lib/workshop/room-endpoint';
import { roomEndpointDeps } from '@/lib/workshop/process';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = (request: Request) => handleRoomRoute(request, roomEndpointDeps(), undefined, myRoom);
