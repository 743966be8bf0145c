/** A room as its learners see it (GET), and the presenter's controls (POST). See lib/workshop/room-endpoint.ts. */
import { controlRoom, handleRoomRoute, roomInfo } from '@/lib/workshop/room-endpoint';
import { roomEndpointDeps } from '@/lib/workshop/process';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ code: string }> };

export const GET = async (request: Request, { params }: Context) => handleRoomRoute(request, roomEndpointDeps(), (await params).code, roomInfo);
export const POST = async (request: Request, { params }: Context) => handleRoomRoute(request, roomEndpointDeps(), (await params).code, controlRoom);
