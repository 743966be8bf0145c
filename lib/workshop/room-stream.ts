/**
 * A room's live stream (Server-Sent Events) for one page: a learner hears
 * the room change (follow me, scenario, reset, end); the presenter also
 * hears who is there and what they saw. Events come over the bus, so a
 * change made on any instance reaches a stream held by any other.
 *
 * The stream is also the learner's presence: while it is open the server
 * marks their seat alive every `beatMs`, and offline when it closes. The
 * presenter's view is worked out again on every presence event (coalesced:
 * one read in flight, at most one more queued) and every `beatMs`, so a seat
 * whose instance died goes grey; if the store cannot be read, the presenter
 * is told the figures are stale, and fresh ones follow once it is back.
 */
import type { Tenant } from '@/lib/identity/learner';
import type { ServerEvent, TenantEventBus } from '@/lib/realtime/bus';
import { errorText } from '@/lib/todoist/errors';
import { roomView, type Room } from './room';
import { presenceChannel, roomChannel, type Rooms } from './rooms';

export const DEFAULT_BEAT_MS = 15_000;

export interface RoomStreamOptions {
  rooms: Rooms;
  bus: TenantEventBus;
  room: Room;
  tenant: Tenant;
  role: 'presenter' | 'learner';
  signal: AbortSignal;
  beatMs?: number;
  now?: () => number;
}

export function openRoomStream({ rooms, bus, room, tenant, role, signal, beatMs = DEFAULT_BEAT_MS, now = Date.now }: RoomStreamOptions): Response {
  const code = room.code;
  const encoder = new TextEncoder();
  const stops: (() => void)[] = [];
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;

  const send = (event: string, data: unknown) => {
    if (closed) return;
    controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
  };

  const close = () => {
    if (closed) return;
    closed = true;
    for (const stop of stops.splice(0)) stop();
    if (role === 'learner') void rooms.beat(code, tenant, false).catch(() => undefined); // best effort: lastSeen goes stale anyway
    try {
      controller.close();
    } catch {
      // already closed by the client
    }
  };

  const presence = coalesced(async () => {
    try {
      send('presence', { ...(await rooms.presence(code)), at: now() });
    } catch (error) {
      send('presence-stale', { reason: `The room's state cannot be read: ${errorText(error)}`, at: now() });
    }
  });

  const onRoomEvent = (event: ServerEvent) => {
    const params = (event.params ?? {}) as { room?: unknown; ended?: boolean };
    if (params.ended) {
      send('ended', { code });
      close();
    } else if (params.room) {
      send('room', params.room);
    }
  };

  const beat = async () => {
    if (role === 'presenter') return presence();
    try {
      await rooms.beat(code, tenant, true);
    } catch {
      // The store is away: the learner's calls say so themselves; presence catches up on the next beat.
    }
  };

  const stream = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
      stops.push(bus.forTenant(roomChannel(code)).subscribe(onRoomEvent));
      if (role === 'presenter') stops.push(bus.forTenant(presenceChannel(code)).subscribe(() => void presence()));
      send('room', roomView(room));
      void beat();
      const timer = setInterval(() => {
        if (closed) return;
        controller.enqueue(encoder.encode(': keep-alive\n\n'));
        void beat();
      }, beatMs);
      timer.unref?.();
      stops.push(() => clearInterval(timer));
    },
    cancel: close,
  });
  if (signal.aborted) close();
  else signal.addEventListener('abort', close, { once: true });

  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  });
}

/** Runs `task` now, or once more after the run in flight: bursts of events cost at most two reads. */
export function coalesced(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let again = false;
  const run = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = task().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        void run();
      }
    });
    return running;
  };
  return run;
}
