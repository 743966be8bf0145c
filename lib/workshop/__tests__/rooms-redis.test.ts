/**
 * A room on a real Redis (the store and the event bus), and Redis lost in
 * the middle of a workshop: the presenter's stream says presence is stale
 * while Redis is gone, and fresh figures follow once it is back (it keeps
 * its data across the restart, as a production Redis with persistence does).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '@/lib/identity/learner';
import { RedisTenantEventBus } from '@/lib/realtime/redis-bus';
import { RedisStateStore } from '@/lib/state';
import { startTestRedis, type TestRedis } from '@/scripts/support/redis-process';
import { openRoomStream } from '../room-stream';
import { Rooms } from '../rooms';

const presenter: Tenant = { key: 'learner-presenter', kind: 'learner' };
const ada: Tenant = { key: 'learner-ada', kind: 'learner' };

let redis: TestRedis;
let store: RedisStateStore;
let bus: RedisTenantEventBus;

beforeAll(async () => {
  redis = await startTestRedis({ persist: true });
  const quiet = { log: () => {} };
  store = new RedisStateStore({ url: redis.url, idleMs: 60_000, prefix: 'rooms-test:', connectTimeoutMs: 500, commandTimeoutMs: 500, ...quiet });
  bus = new RedisTenantEventBus({ url: redis.url, prefix: 'rooms-test:bus:', connectTimeoutMs: 500, retryMs: 100, ...quiet, onerror: () => {} });
}, 20_000);

afterAll(async () => {
  await bus?.close();
  await store?.close();
  await redis?.stop();
});

/** The events of an SSE response, one at a time. */
function sseEvents(response: Response) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return async function next(): Promise<{ event: string; data: Record<string, unknown> }> {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.+)$/m.exec(frame)?.[1];
        const data = /^data: (.+)$/m.exec(frame)?.[1];
        if (event && data) return { event, data: JSON.parse(data) as Record<string, unknown> };
        continue; // a keep-alive comment
      }
      const { value, done } = await reader.read();
      if (done) throw new Error('the stream ended');
      buffer += value;
    }
  };
}

async function until(next: () => Promise<{ event: string; data: Record<string, unknown> }>, event: string) {
  for (;;) {
    const received = await next();
    if (received.event === event) return received.data;
  }
}

describe('a room on Redis, and Redis lost mid-workshop', () => {
  it('the presenter hears a seat taken, is told presence is stale while Redis is gone, and gets fresh figures once it is back', async () => {
    const rooms = new Rooms(store, bus);
    const room = await rooms.open(presenter);
    const aborted = new AbortController();
    const next = sseEvents(openRoomStream({ rooms, bus, room, tenant: presenter, role: 'presenter', signal: aborted.signal, beatMs: 150 }));
    expect(await until(next, 'room')).toMatchObject({ code: room.code });
    expect(await until(next, 'presence')).toMatchObject({ total: 0 });
    await bus.settled(); // subscribed in Redis: the join below is heard

    await rooms.join(room.code, ada, 'Ada');
    expect(await until(next, 'presence')).toMatchObject({ total: 1, learners: [{ label: 'Ada' }] });

    await redis.stop();
    const stale = await until(next, 'presence-stale');
    expect(stale.reason).toMatch(/cannot be read: .*Redis/);
    await expect(rooms.join(room.code, { key: 'learner-bob', kind: 'learner' })).rejects.toThrow(/REDIS_URL/); // a clear error, not a hang

    await redis.start();
    expect(await until(next, 'presence')).toMatchObject({ total: 1, learners: [{ label: 'Ada' }] }); // the beat that follows recovery
    aborted.abort();
  }, 30_000);
});
