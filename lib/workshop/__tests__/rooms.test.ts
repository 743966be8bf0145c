import { describe, expect, it } from 'vitest';
import { anonymousTenant, type Tenant } from '@/lib/identity/learner';
import { InMemoryTenantEventBus, type ServerEvent } from '@/lib/realtime/bus';
import { copyingStore } from '@/lib/state/__tests__/copying-store';
import { SessionSettingsSchema } from '@/lib/mcp/http/session-settings';
import { normalizeRoomCode } from '../room-code';
import { settingsInRoom } from '../room-workspace';
import { presenceChannel, roomChannel, Rooms } from '../rooms';

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
