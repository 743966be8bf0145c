import { describe, expect, it } from 'vitest';
import { anonymousTenant, type Tenant } from '@/lib/identity/learner';
import { InMemoryTenantEventBus, type ServerEvent } from '@/lib/realtime/bus';
import { MemoryStateStore, type StateStore } from '@/lib/state';
import { copyingStore, delegateTo } from '@/lib/state/__tests__/copying-store';
import { SessionSettingsSchema } from '@/lib/mcp/http/session-settings';
import { CODE_ALPHABET, newRoomCode, normalizeRoomCode } from '../room-code';
import { settingsInRoom } from '../room-workspace';
import { presenceChannel, ROOM_TTL_MS, roomChannel, roomUri, Rooms } from '../rooms';

const learner = (name: string): Tenant => ({ key: `learner-${name}`, kind: 'learner' });
const presenter = learner('presenter');
const [ada, bob, cy] = [learner('ada'), learner('bob'), learner('cy')];

function setup(codes = ['K7QM2P', 'ZZZZZZ']) {
  const store = copyingStore(); // hands out copies, as Redis does: no test passes by sharing an object
  const bus = new InMemoryTenantEventBus();
  let clock = 1_000;
  const draws = [...codes];
  const rooms = new Rooms(store, bus, () => clock, () => draws.shift() ?? 'AAAAAA');
  const heard = (channel: string) => {
    const events: ServerEvent[] = [];
    bus.forTenant(channel).subscribe((event) => events.push(event));
    return events;
  };
  return { store, bus, rooms, heard, tick: (ms: number) => (clock += ms) };
}

describe('Rooms', () => {
  it('opens a room with a fresh code; the presenter sits in it as its presenter', async () => {
    const { rooms } = setup();
    const room = await rooms.open(presenter);
    expect(room).toMatchObject({ code: 'K7QM2P', presenter: presenter.key, generation: 1 });
    expect(normalizeRoomCode(room.code)).toBe(room.code);
    expect(await rooms.roomOf(presenter)).toMatchObject({ role: 'presenter', room: { code: 'K7QM2P' } });
  });

  it('never hands out the code of an open room: a clash draws again', async () => {
    const { rooms } = setup(['K7QM2P', 'K7QM2P', 'ZZZZZZ']);
    await rooms.open(presenter);
    expect((await rooms.open(learner('other-presenter'))).code).toBe('ZZZZZZ');
  });

  it('a learner who joins twice has one seat; a name only if they chose one', async () => {
    const { rooms } = setup();
    const { code } = await rooms.open(presenter);
    await rooms.join(code, ada, '  Ada  ');
    await rooms.join(code, ada, 'Ada');
    await rooms.join(code, bob);
    const presence = await rooms.presence(code);
    expect(presence.total).toBe(2);
    expect(presence.learners.map((seat) => seat.label)).toEqual(['Ada', 'Learner 2']);
    expect(presence.learners.map((seat) => seat.named)).toEqual([true, false]);
    expect(JSON.stringify(presence)).not.toContain('learner-'); // tenant keys never reach the presenter
  });

  it('refuses a code that does not exist, an anonymous caller, and the presenter joining as a learner', async () => {
    const { rooms } = setup();
    const { code } = await rooms.open(presenter);
    expect(await rooms.join('ABCDEF', ada)).toMatchObject({ status: 404, error: expect.stringMatching(/no open room ABCDEF/) });
    expect(await rooms.join(code, anonymousTenant())).toMatchObject({ status: 401 });
    expect(await rooms.join(code, presenter)).toMatchObject({ status: 409 });
    expect(await rooms.report(code, cy, { lesson: 'fallback' })).toMatchObject({ status: 409, error: expect.stringMatching(/join it first/) });
  });

  it('only the presenter controls the room; each change reaches the room channel with what learners need', async () => {
    const { rooms, heard } = setup();
    const { code } = await rooms.open(presenter);
    const events = heard(roomChannel(code));
    expect(await rooms.control(code, ada, { action: 'scenario', scenario: 'down' })).toMatchObject({ status: 403 });
    expect(events).toHaveLength(0);

    await rooms.control(code, presenter, { action: 'move', focus: { slug: 'fallback', href: '/lessons/fallback?demo=under-a-fault' } });
    await rooms.control(code, presenter, { action: 'scenario', scenario: 'down' });
    expect(events.map((event) => event.params?.room)).toEqual([
      { code, focus: { slug: 'fallback', href: '/lessons/fallback?demo=under-a-fault' }, generation: 1, revision: 2 },
      { code, focus: { slug: 'fallback', href: '/lessons/fallback?demo=under-a-fault' }, scenario: 'down', generation: 1, revision: 3 },
    ]);
    expect(JSON.stringify(events)).not.toContain(presenter.key);

    await rooms.control(code, presenter, { action: 'reset' });
    expect(events.at(-1)?.params?.room).toMatchObject({ generation: 2, revision: 4 });
    expect(events.at(-1)?.params?.room).not.toHaveProperty('scenario');
  });

  it('a seated learner’s calls use the room’s workspaces and the presenter’s scenario; a reset moves everyone to fresh ones', async () => {
    const { rooms } = setup();
    const { code } = await rooms.open(presenter);
    await rooms.join(code, ada);
    const mock = SessionSettingsSchema.parse({ workspace: 'panel-under-a-fault', scenario: 'faithful' });
    const real = SessionSettingsSchema.parse({ workspace: 'panel-under-a-fault', backend: 'real' });

    expect(await settingsInRoom(rooms, bob, mock)).toEqual(mock); // not seated: untouched
    expect(await settingsInRoom(rooms, ada, mock)).toMatchObject({ workspace: 'panel-under-a-fault@room-k7qm2p-g1', scenario: 'faithful' });

    await rooms.control(code, presenter, { action: 'scenario', scenario: 'down' });
    expect(await settingsInRoom(rooms, ada, mock)).toMatchObject({ scenario: 'down' });
    expect(await settingsInRoom(rooms, presenter, mock)).toMatchObject({ scenario: 'down' }); // the presenter's demo too
    expect(await settingsInRoom(rooms, ada, real)).not.toHaveProperty('scenario', 'down'); // a real upstream's faults are its own

    await rooms.control(code, presenter, { action: 'reset' });
    expect(await settingsInRoom(rooms, ada, mock)).toMatchObject({ workspace: 'panel-under-a-fault@room-k7qm2p-g2', scenario: 'faithful' });
  });

  it('ending a room frees every seat and tells its streams; the code is gone', async () => {
    const { rooms, heard } = setup();
    const { code } = await rooms.open(presenter);
    await rooms.join(code, ada);
    await rooms.join(code, bob);
    const events = heard(roomChannel(code));
    expect(await rooms.control(code, presenter, { action: 'end' })).toEqual({});
    expect(events.at(-1)?.params).toEqual({ ended: true });
    for (const tenant of [ada, bob, presenter]) expect(await rooms.roomOf(tenant)).toBeUndefined();
    expect(await rooms.get(code)).toBeUndefined();
    expect((await rooms.presence(code)).total).toBe(0);
    expect(await rooms.join(code, cy)).toMatchObject({ status: 404 });
  });

  it('joining another room leaves the first', async () => {
    const { rooms } = setup();
    const first = await rooms.open(presenter);
    const second = await rooms.open(learner('presenter-2'));
    await rooms.join(first.code, ada);
    await rooms.join(second.code, ada);
    expect((await rooms.presence(first.code)).total).toBe(0);
    expect((await rooms.roomOf(ada))?.room.code).toBe(second.code);
  });

  it('progress: where each learner is, who ran the demo, and what the room observed, grouped', async () => {
    const { rooms, heard, tick } = setup();
    const { code } = await rooms.open(presenter);
    const presenceEvents = heard(presenceChannel(code));
    for (const tenant of [ada, bob, cy]) await rooms.join(code, tenant);
    const missed = { summary: 'naive read: 200 of 330 tasks, 130 missed', ok: true };
    await rooms.report(code, ada, { lesson: 'pagination', demo: 'count', observed: missed });
    await rooms.report(code, bob, { lesson: 'pagination', demo: 'count', observed: missed });
    await rooms.report(code, cy, { lesson: 'pagination', demo: 'count' });
    tick(10);
    const presence = await rooms.presence(code);
    expect(presence).toMatchObject({ total: 3, ran: 2 });
    expect(presence.observed).toEqual([{ lesson: 'pagination', summary: missed.summary, ok: true, count: 2 }]);
    expect(presence.learners[2]).toMatchObject({ lesson: 'pagination', demo: 'count', runs: 0 });
    expect(presenceEvents.length).toBeGreaterThanOrEqual(6); // 3 joins + 3 reports
  });

  it('presence: online while the stream beats, offline when it closes or its beats stop', async () => {
    const { rooms, tick, heard } = setup();
    const { code } = await rooms.open(presenter);
    await rooms.join(code, ada);
    expect((await rooms.presence(code)).connected).toBe(0); // joined, stream not open yet
    const presenceEvents = heard(presenceChannel(code));
    await rooms.beat(code, ada, true);
    expect((await rooms.presence(code)).connected).toBe(1);
    await rooms.beat(code, ada, true); // nothing the presenter sees changed: no event
    expect(presenceEvents).toHaveLength(1);
    tick(46_000); // the instance holding the stream died: no beat for longer than STALE_AFTER_MS
    expect((await rooms.presence(code)).connected).toBe(0);
    await rooms.beat(code, ada, true);
    await rooms.beat(code, ada, false);
    expect((await rooms.presence(code)).connected).toBe(0);
  });
});

describe('normalizeRoomCode', () => {
  it('accepts a code as people type it, and nothing that cannot be one', () => {
    expect(normalizeRoomCode('k7q m2p')).toBe('K7QM2P');
    expect(normalizeRoomCode('K7Q-M2P')).toBe('K7QM2P');
    for (const typed of ['K7QM2', 'K7QM2PX', 'K7QM0P', 'K7QMIP', '../../x', '', null, undefined]) expect(normalizeRoomCode(typed)).toBeUndefined();
  });
});

describe('Rooms, the details a regression would break', () => {
  it('names its channels and URIs per room, so two rooms never hear each other', async () => {
    expect([roomChannel('K7QM2P'), presenceChannel('K7QM2P'), roomUri('K7QM2P')]).toEqual(['room-K7QM2P', 'room-K7QM2P-presence', 'dojo://rooms/K7QM2P']);
    const { rooms, heard } = setup();
    const first = await rooms.open(presenter);
    const second = await rooms.open(learner('presenter-2'));
    const firstRoom = heard(roomChannel(first.code));
    const secondPresence = heard(presenceChannel(second.code));
    await rooms.control(first.code, presenter, { action: 'scenario', scenario: 'slow' });
    await rooms.join(first.code, ada);
    expect(firstRoom).toEqual([{ kind: 'resource_updated', uri: `dojo://rooms/${first.code}`, params: { room: expect.objectContaining({ scenario: 'slow' }) } }]);
    expect(secondPresence).toEqual([]);
    await rooms.join(second.code, bob);
    expect(secondPresence).toEqual([{ kind: 'resource_updated', uri: `dojo://rooms/${second.code}/presence` }]);
  });

  it('gives up after 5 clashing codes, saying so', async () => {
    let draws = 0;
    const rooms = new Rooms(copyingStore(), new InMemoryTenantEventBus(), Date.now, () => (draws++, 'K7QM2P'));
    await rooms.open(presenter);
    draws = 0;
    await expect(rooms.open(learner('p2'))).rejects.toThrow('Could not find a free room code in 5 tries');
    expect(draws).toBe(5);
  });

  it('draws real codes by default', async () => {
    const rooms = new Rooms(copyingStore(), new InMemoryTenantEventBus());
    const { code } = await rooms.open(presenter);
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(newRoomCode(() => 0)).toBe('AAAAAA');
    expect(newRoomCode(() => CODE_ALPHABET.length - 1)).toBe('999999');
  });

  it('refusals say what is wrong', async () => {
    const { rooms } = setup();
    const { code } = await rooms.open(presenter);
    expect(await rooms.control('ABCDEF', presenter, { action: 'reset' })).toEqual({ error: 'There is no open room ABCDEF.', status: 404 });
    expect(await rooms.control(code, ada, { action: 'reset' })).toEqual({ error: 'Only the room’s presenter can change it.', status: 403 });
    expect(await rooms.join(code, anonymousTenant())).toMatchObject({ error: expect.stringContaining('No learner id'), status: 401 });
    expect(await rooms.join(code, presenter)).toMatchObject({ error: 'You present this room: open it from /present.', status: 409 });
    expect((await rooms.control(code, presenter, { action: 'scenario', scenario: 'flaky' })) as { room: unknown }).toMatchObject({ room: { scenario: 'flaky', revision: 2 } });
  });

  it('an anonymous caller is never looked up: no seat, no store read', async () => {
    const store = copyingStore();
    let reads = 0;
    const counting = { ...delegateTo(store), get: <T>(key: string) => (reads++, store.get<T>(key)) };
    expect(await new Rooms(counting, new InMemoryTenantEventBus()).roomOf(anonymousTenant())).toBeUndefined();
    expect(reads).toBe(0);
  });

  it('joining again keeps the seat’s place, its online state and its runs; the name is what this join says', async () => {
    const { rooms, tick } = setup();
    const { code } = await rooms.open(presenter);
    await rooms.join(code, ada, 'Ada');
    tick(5);
    await rooms.join(code, bob, 'Bob');
    tick(5);
    await rooms.beat(code, ada, true);
    await rooms.report(code, ada, { lesson: 'fallback', observed: { summary: 'it broke', ok: false } });
    const again = await rooms.join(code, ada);
    expect(again).toMatchObject({ seat: { runs: 1, online: true } });
    expect(again).not.toHaveProperty('seat.name');
    expect(await rooms.roomOf(ada)).toMatchObject({ role: 'learner' });
    const presence = await rooms.presence(code);
    expect(presence.learners.map((seat) => [seat.label, seat.connected, seat.runs])).toEqual([
      ['Learner 1', true, 1],
      ['Bob', false, 0],
    ]);
  });

  it('a report keeps what it does not mention; an observation without a lesson is filed under the seat’s lesson', async () => {
    const { rooms } = setup();
    const { code } = await rooms.open(presenter);
    await rooms.join(code, ada);
    await rooms.report(code, ada, { lesson: 'fallback', demo: 'under-a-fault' });
    await rooms.report(code, ada, { observed: { summary: 'stale answer', ok: true } });
    await rooms.report(code, ada, {});
    const [seat] = (await rooms.presence(code)).learners;
    expect(seat).toMatchObject({ lesson: 'fallback', demo: 'under-a-fault', runs: 1, observed: { lesson: 'fallback', summary: 'stale answer', ok: true } });
  });

  it('a heartbeat announces only a change of online state', async () => {
    const { rooms, heard } = setup();
    const { code } = await rooms.open(presenter);
    await rooms.join(code, ada);
    const events = heard(presenceChannel(code));
    await rooms.beat(code, ada, true);
    expect(events).toHaveLength(1);
    await rooms.beat(code, ada, true);
    expect(events).toHaveLength(1);
    await rooms.beat(code, ada, false);
    expect(events).toHaveLength(2);
  });

  it('leaving frees the seat; leaving a room one is not in leaves one’s own seat alone', async () => {
    const { rooms } = setup();
    const first = await rooms.open(presenter);
    const second = await rooms.open(learner('presenter-2'));
    await rooms.join(second.code, ada);
    await rooms.leave(first.code, ada);
    expect((await rooms.roomOf(ada))?.room.code).toBe(second.code);
    await rooms.leave(second.code, ada);
    expect(await rooms.roomOf(ada)).toBeUndefined();
    expect((await rooms.presence(second.code)).total).toBe(0);
  });

  it('after a room ends, a new room that draws the same code seats none of the old learners', async () => {
    const { rooms } = setup(['K7QM2P', 'K7QM2P']);
    const { code } = await rooms.open(presenter);
    await rooms.join(code, ada);
    await rooms.control(code, presenter, { action: 'end' });
    const reopened = await rooms.open(learner('presenter-2'));
    expect(reopened.code).toBe(code);
    expect(await rooms.roomOf(ada)).toBeUndefined();
    expect(await rooms.roomOf(presenter)).toBeUndefined();
  });

  it('a room, its seats and its learners’ places expire 12 h after their last change, however much is read', async () => {
    let now = 0;
    const store = new MemoryStateStore({ idleMs: 7 * 24 * 60 * 60_000, maxEntries: 100, now: () => now, sweepEveryMs: 0 });
    const rooms = new Rooms(store, new InMemoryTenantEventBus(), () => now, () => 'K7QM2P');
    await rooms.open(presenter);
    now = 60_000;
    await rooms.join('K7QM2P', ada);
    await rooms.control('K7QM2P', presenter, { action: 'scenario', scenario: 'down' }); // a change pushes the room's expiry back
    await rooms.beat('K7QM2P', ada, true);
    now = 60_000 + ROOM_TTL_MS - 1;
    expect(await rooms.roomOf(ada)).toBeDefined();
    expect((await rooms.presence('K7QM2P')).total).toBe(1);
    now = 60_000 + ROOM_TTL_MS + 1;
    expect(await rooms.get('K7QM2P')).toBeUndefined();
    expect(await rooms.roomOf(ada)).toBeUndefined();
    expect(await store.get(`${ada.key}/workshop/seat`)).toBeUndefined();
    expect((await rooms.presence('K7QM2P')).total).toBe(0);
  });
});

describe('Rooms on two instances', () => {
  it('reports and heartbeats racing on one seat through two instances lose no run', async () => {
    const shared = new MemoryStateStore({ idleMs: 60_000, maxEntries: 1_000, sweepEveryMs: 0 });
    const pause = () => new Promise((resolve) => setTimeout(resolve, 1)); // a store round trip, as to Redis
    const instance = () => {
      const store = copyingStore(shared);
      const slow: StateStore = {
        ...delegateTo(store),
        mapGet: async (key, field) => (await pause(), store.mapGet(key, field)),
        mapSet: async (key, field, value, options) => (await pause(), store.mapSet(key, field, value, options)),
      };
      return new Rooms(slow, new InMemoryTenantEventBus(), Date.now, () => 'K7QM2P');
    };
    const [a, b] = [instance(), instance()];
    await a.open(presenter);
    await b.join('K7QM2P', ada);
    const observed = { summary: 'ran it', ok: true };
    await Promise.all(
      Array.from({ length: 15 }, (_, index) => [a.report('K7QM2P', ada, { lesson: 'fallback', observed }), b.beat('K7QM2P', ada, index % 2 === 0)]).flat(),
    );
    expect((await a.presence('K7QM2P')).learners[0]?.runs).toBe(15);
  });
});
