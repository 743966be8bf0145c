/**
 * The Redis event bus against a real redis-server started for this file:
 * two bus instances on one Redis are two app instances. A tenant's event
 * published on one reaches that tenant's listeners on the other and no one
 * else's; channels are subscribed only while listened to; Redis lost, and
 * Redis down at start.
 *
 * No sleeps: a test waits for the events it expects (Redis delivers one
 * connection's messages in order, so "B heard nothing" is checked by B
 * hearing a later event of its own first), for settled(), or, for Redis
 * coming back, polls until it has.
 */
import { createClient } from 'redis';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, redisForThisFile, unusedPort } from '@/lib/state/__tests__/redis-server';
import { connectTenantEventBus, createTenantEventBus, InMemoryTenantEventBus, type ServerEvent } from '../bus';
import { EventBusUnavailableError, RedisTenantEventBus, type RedisBusOptions } from '../redis-bus';

const testRedis = redisForThisFile();

const today: ServerEvent = {
  kind: 'resource_updated',
  uri: 'todoist://tasks/today',
  params: { uri: 'todoist://tasks/today', _meta: { 'dojo/changedAt': '2026-10-01T12:00:00.000Z' } },
};
const marker = (n: number): ServerEvent => ({ kind: 'resource_updated', uri: `todoist://tasks/marker-${n}` });

let prefixes = 0;
const opened: RedisTenantEventBus[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((bus) => bus.close()));
});

/** Two "app instances" on the test's Redis, sharing a channel prefix no other test uses. Neither connects before its first use. */
function instances(options: Partial<RedisBusOptions> = {}): [RedisTenantEventBus, RedisTenantEventBus] {
  const prefix = `bus-test-${++prefixes}:`;
  const open = () => {
    const bus = new RedisTenantEventBus({ url: testRedis().url, prefix, log: () => undefined, ...options });
    opened.push(bus);
    return bus;
  };
  return [open(), open()];
}

/** A listener that records what it hears; `heard(n)` resolves once it has heard n events. */
function recorder() {
  const events: ServerEvent[] = [];
  let waiters: Array<{ n: number; resolve: () => void }> = [];
  const listener = (event: ServerEvent) => {
    events.push(event);
    for (const waiter of waiters.filter(({ n }) => events.length >= n)) waiter.resolve();
    waiters = waiters.filter(({ n }) => events.length < n);
  };
  const heard = (n: number) => new Promise<void>((resolve) => (events.length >= n ? resolve() : waiters.push({ n, resolve })));
  return { events, listener, heard };
}

async function rawClient() {
  const client = createClient({ url: testRedis().url });
  await client.connect();
  return client;
}

async function channelsIn(pattern: string): Promise<string[]> {
  const raw = await rawClient();
  const channels = await raw.pubSubChannels(pattern);
  raw.destroy();
  return channels.map(String).sort();
}

describe('RedisTenantEventBus across two instances', () => {
  it("a tenant's event published on one instance reaches that tenant's listeners on every instance, params included, and no one else's", async () => {
    const [one, two] = instances();
    const [aliceOnOne, bobOnOne, aliceOnTwo] = [recorder(), recorder(), recorder()];
    one.forTenant('alice').subscribe(aliceOnOne.listener);
    one.forTenant('bob').subscribe(bobOnOne.listener);
    two.forTenant('alice').subscribe(aliceOnTwo.listener);
    await Promise.all([one.settled(), two.settled()]);

    expect(await two.publish('alice', today)).toBe(true);
    await Promise.all([aliceOnOne.heard(1), aliceOnTwo.heard(1)]); // the publishing instance hears it through Redis too
    expect(aliceOnOne.events).toEqual([today]);
    expect(aliceOnTwo.events).toEqual([today]);

    expect(await two.publish('bob', marker(1))).toBe(true);
    await bobOnOne.heard(1);
    expect(bobOnOne.events).toEqual([marker(1)]); // alice's event, published first, never reached bob
    expect(aliceOnOne.events).toEqual([today]);
  });

  it("forTenant(key) is the SDK's side of it: its publish reaches the tenant on other instances", async () => {
    const [one, two] = instances();
    const alice = recorder();
    one.forTenant('alice').subscribe(alice.listener);
    await one.settled();
    two.forTenant('alice').publish({ kind: 'tools_list_changed' });
    await alice.heard(1);
    expect(alice.events).toEqual([{ kind: 'tools_list_changed' }]);
  });

  it('keeps delivering to the others when a listener throws, and reports both that and a message that is not JSON', async () => {
    const errors: string[] = [];
    const [bus] = instances({ onerror: (error) => errors.push(error.message) });
    const alice = recorder();
    bus.forTenant('alice').subscribe(() => {
      throw new Error('listener broke');
    });
    bus.forTenant('alice').subscribe(alice.listener);
    await bus.settled();
    const raw = await rawClient();
    await raw.publish(`bus-test-${prefixes}:alice`, 'not json');
    raw.destroy();
    await bus.publish('alice', today);
    await alice.heard(1);
    expect(alice.events).toEqual([today]);
    expect(errors).toEqual([`Event bus: a message on bus-test-${prefixes}:alice is not JSON; dropped.`, 'listener broke']);
  });
});

describe('RedisTenantEventBus subscriptions in Redis', () => {
  it("subscribes to a tenant's channel only while it has listeners here, and leaves none behind", async () => {
    const [bus] = instances();
    const pattern = `bus-test-${prefixes}:*`;
    const counts: string[] = [];
    bus.watchListeners((tenant, count) => counts.push(`${tenant}=${count}`));
    expect(await channelsIn(pattern)).toEqual([]);

    const first = bus.forTenant('alice').subscribe(() => undefined);
    const second = bus.forTenant('alice').subscribe(() => undefined);
    const bobs = bus.forTenant('bob').subscribe(() => undefined);
    await bus.settled();
    expect(await channelsIn(pattern)).toEqual([`bus-test-${prefixes}:alice`, `bus-test-${prefixes}:bob`]);
    expect([bus.listenerCount('alice'), bus.listenerCount('bob'), bus.listenerCount()]).toEqual([2, 1, 3]);

    first();
    first(); // idempotent
    await bus.settled();
    expect(await channelsIn(pattern)).toHaveLength(2); // alice still has a listener here

    second();
    bobs();
    await bus.settled();
    expect(bus.listenerCount()).toBe(0);
    expect(await channelsIn(pattern)).toEqual([]);
    expect(counts).toEqual(['alice=1', 'alice=2', 'bob=1', 'alice=1', 'alice=0', 'bob=0']);
    expect(await bus.publish('alice', today)).toBe(true); // taken by the bus, heard by no one
  });

  it('a listener that comes and goes at once, and comes back: one subscription, in the right end state', async () => {
    const [one, two] = instances();
    const pattern = `bus-test-${prefixes}:*`;
    one.forTenant('alice').subscribe(() => undefined)();
    one.forTenant('alice').subscribe(() => undefined)();
    const alice = recorder();
    one.forTenant('alice').subscribe(alice.listener);
    await one.settled();
    expect(await channelsIn(pattern)).toEqual([`bus-test-${prefixes}:alice`]);
    await two.publish('alice', today);
    await alice.heard(1);
    expect(alice.events).toEqual([today]); // once, not once per subscription made on the way
  });
});

describe('RedisTenantEventBus when Redis fails', () => {
  it('Redis lost: publish resolves false, health says why; when it is back, health recovers and events flow again', async () => {
    const [one, two] = instances({ retryMs: 100 });
    const prefix = `bus-test-${prefixes}:`;
    const [alice, carol] = [recorder(), recorder()];
    one.forTenant('alice').subscribe(alice.listener);
    const daveLeaves = one.forTenant('dave').subscribe(() => undefined);
    await Promise.all([one.settled(), two.connect()]);
    expect([one.health(), two.health()]).toEqual([{ available: true }, { available: true }]);

    await testRedis().stop();
    try {
      await expect(two.publish('alice', today)).resolves.toBe(false);
      const health = two.health();
      expect(health.available).toBe(false);
      expect(health).toMatchObject({ reason: expect.stringMatching(/^Event bus: lost Redis at redis:\/\/127\.0\.0\.1:\d+\/? \(REDIS_URL\)/) });
      expect((health as { since: Date }).since).toBeInstanceOf(Date);
      await eventually(() => expect(one.health().available).toBe(false)); // the listening side notices on its own
      one.forTenant('carol').subscribe(carol.listener); // asked for while Redis is gone
      daveLeaves(); // and left while Redis is gone
      await one.settled();
    } finally {
      await testRedis().start(); // empty: Redis keeps no subscriptions, the buses make them again
    }

    await eventually(() => expect([one.health(), two.health()]).toEqual([{ available: true }, { available: true }]));
    await eventually(async () => {
      await two.publish('alice', today);
      await two.publish('carol', today);
      expect(alice.events.length).toBeGreaterThan(0);
      expect(carol.events.length).toBeGreaterThan(0);
    });
    // Alice's events flow, so the reconnection re-subscribed what it held (dave too, if his leaving was not sent): dave's goes.
    await eventually(async () => expect(await channelsIn(`${prefix}*`)).toEqual([`${prefix}alice`, `${prefix}carol`]));
    expect(one.listenerCount()).toBe(2);
  }, 20_000);

  it('Redis down at first use: publish resolves false, health and connect() say what failed and what to do; a waiting listener is served once Redis is there', async () => {
    const [bus, other] = instances({ retryMs: 100 });
    const alice = recorder();
    await testRedis().stop();
    try {
      await expect(bus.publish('alice', today)).resolves.toBe(false);
      const health = bus.health();
      expect(health).toMatchObject({ available: false, reason: expect.stringMatching(/^Event bus: cannot connect to Redis at redis:\/\/127\.0\.0\.1:\d+\/? \(REDIS_URL\): .*ECONNREFUSED/) });
      expect((health as { reason: string }).reason).toMatch(/unset REDIS_URL/);
      const error = await bus.connect().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(EventBusUnavailableError);
      expect((error as Error).message).toMatch(/^Event bus: cannot connect to Redis at .*\(REDIS_URL\)/);
      bus.forTenant('alice').subscribe(alice.listener);
      await bus.settled(); // tried, failed: it tries again every retryMs
    } finally {
      await testRedis().start();
    }
    await eventually(async () => {
      await other.publish('alice', today);
      expect(alice.events.length).toBeGreaterThan(0);
    });
    expect(bus.health()).toEqual({ available: true });
  }, 20_000);

  it('hides the password of REDIS_URL in what it says', async () => {
    const nobody = await unusedPort();
    const [bus] = instances({ url: `redis://app:s3cret@127.0.0.1:${nobody}` });
    expect(await bus.publish('alice', today)).toBe(false);
    const { reason } = bus.health() as { reason: string };
    expect(reason).toContain('app:***@127.0.0.1');
    expect(reason).not.toContain('s3cret');
  });
});

describe('choosing the bus', () => {
  it('REDIS_URL selects Redis, on channels behind DOJO_REDIS_PREFIX (dojo: by default) + bus:; without it, in this process', async () => {
    for (const [env, pattern] of [
      [{ REDIS_URL: testRedis().url, DOJO_REDIS_PREFIX: 'env-test:' }, 'env-test:bus:*'],
      [{ REDIS_URL: testRedis().url }, 'dojo:bus:*'],
    ] as const) {
      const bus = createTenantEventBus(env);
      expect(bus).toBeInstanceOf(RedisTenantEventBus);
      opened.push(bus as RedisTenantEventBus);
      bus.forTenant('learner-x').subscribe(() => undefined);
      await (bus as RedisTenantEventBus).settled();
      expect(await channelsIn(pattern)).toEqual([pattern.replace('*', 'learner-x')]);
    }
    expect(createTenantEventBus({})).toBeInstanceOf(InMemoryTenantEventBus);
    expect(createTenantEventBus({ REDIS_URL: '  ' })).toBeInstanceOf(InMemoryTenantEventBus);
  });

  it('connectTenantEventBus (for start-up) fails clearly when Redis is unreachable, and says where events go otherwise', async () => {
    const nobody = await unusedPort();
    const global = globalThis as { dojoTenantEventBus?: unknown };
    const saved = global.dojoTenantEventBus;
    try {
      delete global.dojoTenantEventBus;
      await expect(connectTenantEventBus({ REDIS_URL: `redis://127.0.0.1:${nobody}` })).rejects.toThrow(/^Event bus: cannot connect to Redis .*REDIS_URL/);
      opened.push(global.dojoTenantEventBus as RedisTenantEventBus);
      delete global.dojoTenantEventBus;
      await expect(connectTenantEventBus({})).resolves.toMatch(/^Event bus: in this process \(set REDIS_URL/);
      delete global.dojoTenantEventBus;
      await expect(connectTenantEventBus({ REDIS_URL: testRedis().url })).resolves.toMatch(/^Event bus: Redis pub\/sub at redis:\/\/127\.0\.0\.1:\d+\/? \(REDIS_URL\)$/);
      opened.push(global.dojoTenantEventBus as RedisTenantEventBus);
    } finally {
      global.dojoTenantEventBus = saved;
    }
  });
});
