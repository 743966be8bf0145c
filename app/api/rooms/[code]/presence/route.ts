/** Who is in the room and what they saw, for its presenter. See lib/workshop/room-endpoint.ts. */
import { handleRoomRoute, roomPresence } from '@/lib/workshop/room-endpoint';
import { roomEndpointDeps } from '@/lib/workshop/process';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ code: string }> };

export const GET = async (request: Request, { params }: Context) => handleRoomRoute(request, roomEndpointDeps(), (await params).code, roomPresence);
