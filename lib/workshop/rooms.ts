/**
 * Workshop rooms over the StateStore and the event bus, so a room works the
 * same on one instance or many: the room, its seats and each learner's seat
 * live in the store (Redis when REDIS_URL is set); a change is announced on
 * the bus, which reaches the room's streams on every instance.
 *
 * Keys, all expiring ROOM_TTL_MS after their last write:
 *   room-<CODE>/workshop/room    the Room (written by its presenter only)
 *   room-<CODE>/workshop/seats   a map: one field per learner (mapSet: joins never race)
 *   <tenant>/workshop/seat       which room this caller sits in (how a tool call finds its room)
 *
 * Who is calling always comes from the caller's verified tenant, never from
 * the request body: a learner cannot take another's seat or steer a room.
 */
import type { Tenant } from '@/lib/identity/learner';
import type { ServerEvent, TenantEventBus } from '@/lib/realtime/bus';
import { acquireLock, stateKey, type StateStore } from '@/lib/state';
import { newRoomCode } from './room-code';
import { applyControl, roomView, type Room, type RoomControl } from './room';
import { summarizePresence, type RoomPresence } from './presence';
import { cleanName, type Seat } from './seat';

export const ROOM_TTL_MS = 12 * 60 * 60_000;

/** The bus audience a room's learners listen on, and the presenter's second one for presence. */
export const roomChannel = (code: string) => `room-${code}`;
export const presenceChannel = (code: string) => `room-${code}-presence`;
export const roomUri = (code: string) => `dojo://rooms/${code}`;

const roomKey = (code: string) => stateKey(`room-${code}`, 'workshop', 'room');
const seatsKey = (code: string) => stateKey(`room-${code}`, 'workshop', 'seats');
const seatOfKey = (tenantKey: string) => stateKey(tenantKey, 'workshop', 'seat');

/** Where a caller sits: the room's code and whether they present it. */
export interface SeatOf {
  code: string;
  role: 'presenter' | 'learner';
}

export interface Progress {
  lesson?: string;
  demo?: string;
  /** A demo run's one-sentence observation (counts a run). */
  observed?: { summary: string; ok: boolean };
}

export type RoomRefusal = { error: string; status: number };

export class Rooms {
  constructor(
    private readonly store: StateStore,
    private readonly bus: TenantEventBus,
    private readonly now: () => number = Date.now,
    private readonly drawCode: () => string = () => newRoomCode(),
  ) {}

  /** A new room with a code no open room has (claimed with setIfAbsent, so two instances never hand out one code twice). */
  async open(presenter: Tenant): Promise<Room> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const room: Room = { code: this.drawCode(), presenter: presenter.key, createdAt: this.now(), generation: 1, revision: 1 };
      if (await this.store.setIfAbsent(roomKey(room.code), room, { ttlMs: ROOM_TTL_MS })) {
        // The presenter sits in their room too: their own demo runs see the room's scenario and data.
        await this.store.set<SeatOf>(seatOfKey(presenter.key), { code: room.code, role: 'presenter' }, { ttlMs: ROOM_TTL_MS });
        return room;
      }
    }
    throw new Error('Could not find a free room code in 5 tries: the code space is nearly full. Try again.');
  }

  get(code: string): Promise<Room | undefined> {
    return this.store.get<Room>(roomKey(code));
  }

  /** The room this caller sits in, if it is still open. */
  async roomOf(tenant: Tenant): Promise<{ room: Room; role: SeatOf['role'] } | undefined> {
    if (tenant.kind === 'anonymous') return undefined;
    const seat = await this.store.get<SeatOf>(seatOfKey(tenant.key));
    const room = seat && (await this.get(seat.code));
    return room ? { room, role: seat.role } : undefined;
  }

  /** The presenter's controls; anyone else is refused. */
  async control(code: string, caller: Tenant, control: RoomControl): Promise<{ room?: Room } | RoomRefusal> {
    const room = await this.get(code);
    if (!room) return { error: `There is no open room ${code}.`, status: 404 };
    if (room.presenter !== caller.key) return { error: 'Only the room’s presenter can change it.', status: 403 };
    if (control.action === 'end') {
      await this.#end(room);
      return {};
    }
    const next = applyControl(room, control);
    await this.store.set(roomKey(code), next, { ttlMs: ROOM_TTL_MS });
    await this.#announce(code, { room: roomView(next) });
    return { room: next };
  }

  /** Takes (or keeps) the caller's one seat. A name only if they chose to show one. */
  async join(code: string, tenant: Tenant, typedName?: unknown): Promise<{ room: Room; seat: Seat } | RoomRefusal> {
    if (tenant.kind === 'anonymous') return { error: 'No learner id: open a page of this app first (it sets the dojo-learner cookie).', status: 401 };
    const room = await this.get(code);
    if (!room) return { error: `There is no open room ${code}: check the code with your presenter (the room may have ended).`, status: 404 };
    if (room.presenter === tenant.key) return { error: 'You present this room: open it from /present.', status: 409 };

    const previous = await this.store.get<SeatOf>(seatOfKey(tenant.key));
    if (previous && previous.code !== code) await this.leave(previous.code, tenant);

    const name = cleanName(typedName);
    const seat = await this.#withSeatLock(code, tenant, async () => {
      const now = this.now();
      const held = await this.store.mapGet<Seat>(seatsKey(code), tenant.key);
      const taken: Seat = { runs: 0, ...held, joinedAt: held?.joinedAt ?? now, lastSeen: now, online: held?.online ?? false };
      if (name) taken.name = name;
      else delete taken.name;
      await this.store.mapSet(seatsKey(code), tenant.key, taken, { ttlMs: ROOM_TTL_MS });
      return taken;
    });
    await this.store.set<SeatOf>(seatOfKey(tenant.key), { code, role: 'learner' }, { ttlMs: ROOM_TTL_MS });
    await this.#presenceChanged(code);
    return { room, seat };
  }

  async leave(code: string, tenant: Tenant): Promise<void> {
    await this.store.mapDelete(seatsKey(code), tenant.key);
    const seat = await this.store.get<SeatOf>(seatOfKey(tenant.key));
    if (seat?.code === code) await this.store.delete(seatOfKey(tenant.key));
    await this.#presenceChanged(code);
  }

  /** Where the learner is and what they saw. */
  async report(code: string, tenant: Tenant, progress: Progress): Promise<Seat | RoomRefusal> {
    return this.#updateSeat(code, tenant, { announce: true }, (seat, now) => {
      if (progress.lesson) seat.lesson = progress.lesson;
      if (progress.demo) seat.demo = progress.demo;
      if (progress.observed) {
        seat.runs += 1;
        seat.observed = { lesson: progress.lesson ?? seat.lesson ?? '', ...progress.observed, at: now };
      }
    });
  }

  /** A sign of life from the learner's room stream: `online` false when it closes. */
  async beat(code: string, tenant: Tenant, online: boolean): Promise<Seat | RoomRefusal> {
    return this.#updateSeat(code, tenant, { announce: false }, (seat) => {
      seat.online = online;
    });
  }

  async presence(code: string): Promise<RoomPresence> {
    return summarizePresence(await this.store.mapGetAll<Seat>(seatsKey(code)), this.now());
  }

  /** `announce` false: only if the seat went on- or offline (a heartbeat that changes nothing the presenter sees is not worth an event). */
  async #updateSeat(
    code: string,
    tenant: Tenant,
    { announce }: { announce: boolean },
    change: (seat: Seat, now: number) => void,
  ): Promise<Seat | RoomRefusal> {
    const updated = await this.#withSeatLock(code, tenant, async () => {
      const seat = await this.store.mapGet<Seat>(seatsKey(code), tenant.key);
      if (!seat) return undefined;
      const wasOnline = seat.online;
      change(seat, this.now());
      seat.lastSeen = this.now();
      await this.store.mapSet(seatsKey(code), tenant.key, seat, { ttlMs: ROOM_TTL_MS });
      return { seat, wentOnOrOff: seat.online !== wasOnline };
    });
    if (!updated) return { error: `You have no seat in room ${code}: join it first (/join/${code}).`, status: 409 };
    if (announce || updated.wentOnOrOff) await this.#presenceChanged(code);
    return updated.seat;
  }

  /**
   * A seat is read, changed and written back by its learner's reports and by the heartbeats of their room
   * stream, which may run at the same moment on two instances: one at a time, or a heartbeat that read before a
   * report would write the old run count back over it.
   */
  async #withSeatLock<T>(code: string, tenant: Tenant, update: () => Promise<T>): Promise<T> {
    const lock = await acquireLock(this.store, stateKey(`room-${code}`, 'workshop', `seat-lock-${tenant.key}`), { ttlMs: 5_000, waitMs: 5_000 });
    try {
      return await update();
    } finally {
      await lock.release();
    }
  }

  /** The room and its seats go; every seat is freed, so its learner's next call is outside any room. */
  async #end(room: Room): Promise<void> {
    const seats = await this.store.mapGetAll<Seat>(seatsKey(room.code));
    for (const tenantKey of [room.presenter, ...Object.keys(seats)]) {
      const seat = await this.store.get<SeatOf>(seatOfKey(tenantKey));
      if (seat?.code === room.code) await this.store.delete(seatOfKey(tenantKey));
    }
    await this.store.delete(seatsKey(room.code));
    await this.store.delete(roomKey(room.code));
    await this.#announce(room.code, { ended: true });
  }

  #announce(code: string, params: Record<string, unknown>): Promise<boolean> {
    const event: ServerEvent = { kind: 'resource_updated', uri: roomUri(code), params };
    return this.bus.publish(roomChannel(code), event);
  }

  #presenceChanged(code: string): Promise<boolean> {
    return this.bus.publish(presenceChannel(code), { kind: 'resource_updated', uri: `${roomUri(code)}/presence` });
  }
}
