/** A room's live stream (Server-Sent Events). See lib/workshop/room-stream.ts. */
import { handleRoomRoute, roomEvents } from '@/lib/workshop/room-endpoint';
import { roomEndpointDeps } from '@/lib/workshop/process';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ code: string }> };

export const GET = async (request: Request, { params }: Context) => handleRoomRoute(request, roomEndpointDeps(), (await params).code, roomEvents);
