/** A learner's seat: join or report progress (POST), leave (DELETE). See lib/workshop/room-endpoint.ts. */
import { handleRoomRoute, leaveSeat, updateSeat } from '@/lib/workshop/room-endpoint';
import { roomEndpointDeps } from '@/lib/workshop/process';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ code: string }> };

export const POST = async (request: Request, { params }: Context) => handleRoomRoute(request, roomEndpointDeps(), (await params).code, updateSeat);
export const DELETE = async (request: Request, { params }: Context) => handleRoomRoute(request, roomEndpointDeps(), (await params).code, leaveSeat);
