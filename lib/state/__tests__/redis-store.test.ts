/**
 * The Redis store against a real redis-server started for this file (see
 * redis-server.ts): the same contract as the memory store, what only Redis
 * has (prefixes, several instances), and its faults — Redis down at start,
 * lost mid-run and back, paused.
 */
import { createServer, type Server } from 'node:net';
import { createClient } from 'redis';
import { afterAll, describe, expect, it } from 'vitest';
import { describeOneTimeRaces } from '@/lib/auth/__tests__/one-time-races';
import { connectStateStore, createStateStore, MemoryStateStore, RedisStateStore, StateStoreUnavailableError } from '..';
import type { RedisStoreOptions } from '../redis-store';
import { eventually, redisForThisFile, unusedPort } from './redis-server';
import { describeStateStoreContract } from './store-contract';

const testRedis = redisForThisFile();

/** Each store gets its own prefix, so tests never see each other's keys. */
let stores = 0;
function redisStore(options: Partial<RedisStoreOptions> = {}): RedisStateStore {
  return new RedisStateStore({ url: testRedis().url, idleMs: 60_000, prefix: `test-${++stores}:`, log: () => {}, ...options });
}

async function rawClient() {
  const client = createClient({ url: testRedis().url });
  await client.connect();
  return client;
}

describeStateStoreContract('RedisStateStore', ({ idleMs }) => redisStore({ idleMs }));

describeOneTimeRaces('two RedisStateStores on one Redis', () => {
  const prefix = `race-${++stores}:`;
  return [redisStore({ prefix }), redisStore({ prefix })];
});

describe('RedisStateStore keys and values in Redis', () => {
  it('puts every key behind its prefix, so two apps on one Redis never meet', async () => {
    const [appA, appB] = [redisStore({ prefix: 'app-a:' }), redisStore({ prefix: 'app-b:' })];
    await appA.set('learner-x/default/mock', { owner: 'a' });
    await appB.set('learner-x/default/mock', { owner: 'b' });
    await appA.delete('learner-x/default/mock');
    expect(await appA.get('learner-x/default/mock')).toBeUndefined();
    expect(await appB.get('learner-x/default/mock')).toEqual({ owner: 'b' });
    const raw = await rawClient();
    expect(await raw.exists('app-a:learner-x/default/mock')).toBe(0);
    expect(await raw.get('app-b:learner-x/default/mock')).toBe('i{"owner":"b"}');
    raw.destroy();
    await Promise.all([appA.close(), appB.close()]);
  });

  it('gives every key an expiry: the idle time, or the TTL it was written with', async () => {
    const store = redisStore({ prefix: 'ttl:', idleMs: 30 * 60_000 });
    await store.set('workspace', { tasks: [] });
    await store.set('code', 'once', { ttlMs: 60_000 });
    const raw = await rawClient();
    expect(await raw.pTTL('ttl:workspace')).toBeGreaterThan(29 * 60_000);
    expect(await raw.pTTL('ttl:code')).toBeLessThanOrEqual(60_000);
    await store.get('code'); // a read refreshes idle keys only
    expect(await raw.pTTL('ttl:code')).toBeLessThanOrEqual(60_000);
    raw.destroy();
    await store.close();
  });
});

describe('RedisStateStore.setIfAbsent in Redis', () => {
  it('two instances claiming one key at once: exactly one wins, whatever the interleaving', async () => {
    const prefix = `claim-race-${++stores}:`;
    const [one, two] = [redisStore({ prefix }), redisStore({ prefix })];
    for (let round = 0; round < 5; round++) {
      const won = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? one : two).setIfAbsent(`delivery-${round}`, i, { ttlMs: 60_000 })));
      expect(won.filter(Boolean)).toHaveLength(1);
      expect(await one.get(`delivery-${round}`)).toBe(won.indexOf(true));
    }
    await Promise.all([one.close(), two.close()]);
  });

  it('writes the tagged value with its expiry, and a refused write changes neither', async () => {
    const store = redisStore({ prefix: 'nx:', idleMs: 30 * 60_000 });
    const raw = await rawClient();
    expect(await store.setIfAbsent('claim', { by: 'a' }, { ttlMs: 60_000 })).toBe(true);
    expect(await store.setIfAbsent('idle', 1)).toBe(true);
    expect(await raw.get('nx:claim')).toBe('t{"by":"a"}');
    expect(await raw.get('nx:idle')).toBe('i1');
    expect(await raw.pTTL('nx:idle')).toBeGreaterThan(29 * 60_000);
    const ttlBefore = await raw.pTTL('nx:claim');
    expect(await store.setIfAbsent('claim', { by: 'b' }, { ttlMs: 10 * 60_000 })).toBe(false);
    expect(await raw.get('nx:claim')).toBe('t{"by":"a"}');
    expect(await raw.pTTL('nx:claim')).toBeLessThanOrEqual(ttlBefore);
    raw.destroy();
    await store.close();
  });
});

describe('RedisStateStore when Redis fails', () => {
  let silent: Server | undefined;
  afterAll(() => silent?.close());

  it('Redis down at start: a quick, clear error naming REDIS_URL and the way out', async () => {
    const nobody = await unusedPort();
    const store = redisStore({ url: `redis://127.0.0.1:${nobody}`, connectTimeoutMs: 1_000 });
    const started = Date.now();
    const error = await store.get('anything').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StateStoreUnavailableError);
    expect((error as Error).message).toMatch(new RegExp(`cannot connect to Redis at redis://127\\.0\\.0\\.1:${nobody}/? \\(REDIS_URL\\): .*ECONNREFUSED`));
    expect((error as Error).message).toMatch(/unset REDIS_URL/);
    expect(Date.now() - started).toBeLessThan(2_000);
    // Every later call tries again (and fails as clearly) rather than being stuck on the first failure.
    await expect(store.set('x', 1)).rejects.toThrow(/cannot connect to Redis/);
  });

  it('a server that accepts the connection but never answers: the start fails within the connect timeout', async () => {
    silent = createServer(() => {}); // accepts, says nothing
    await new Promise<void>((resolve) => silent!.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    const store = redisStore({ url: `redis://127.0.0.1:${port}`, connectTimeoutMs: 500 });
    const started = Date.now();
    await expect(store.connect()).rejects.toThrow(/cannot connect to Redis at .*\(REDIS_URL\)/);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('hides the password of REDIS_URL in every message', async () => {
    const nobody = await unusedPort();
    const store = redisStore({ url: `redis://app:s3cret@127.0.0.1:${nobody}`, connectTimeoutMs: 500 });
    const error = (await store.get('x').catch((caught: unknown) => caught)) as Error;
    expect(error.message).toContain('app:***@127.0.0.1');
    expect(error.message).not.toContain('s3cret');
  });

  it('Redis lost mid-run: calls fail at once with a clear error; when it is back, they work again', async () => {
    const logged: string[] = [];
    const store = redisStore({ log: (message) => logged.push(message) });
    await store.set('before', 1);

    await testRedis().stop();
    const started = Date.now();
    const error = (await store.get('before').catch((caught: unknown) => caught)) as Error;
    expect(error).toBeInstanceOf(StateStoreUnavailableError);
    expect(error.message).toMatch(/lost Redis at redis:\/\/127\.0\.0\.1:\d+\/? \(REDIS_URL\)/);
    expect(error.message).toMatch(/works again once Redis is back/);
    expect(Date.now() - started).toBeLessThan(2_500); // never waits for a recovery that may not come
    await expect(store.set('during', 1)).rejects.toThrow(StateStoreUnavailableError);
    expect(logged.join('\n')).toMatch(/lost Redis .*Reconnecting in the background/);

    await testRedis().start(); // empty: it keeps nothing on disk
    await eventually(() => store.set('after', 2));
    expect(await store.get('after')).toBe(2);
    expect(logged.join('\n')).toMatch(/is back/);
    await store.close();
  }, 20_000);

  it('Redis paused (answers nothing): a call fails after the command timeout, and works once it resumes', async () => {
    const store = redisStore({ commandTimeoutMs: 300 });
    await store.set('k', 'v');
    testRedis().pause();
    try {
      const started = Date.now();
      await expect(store.get('k')).rejects.toThrow(/did not answer GET within 300 ms/);
      expect(Date.now() - started).toBeLessThan(1_500);
    } finally {
      testRedis().resume();
    }
    await eventually(async () => expect(await store.get('k')).toBe('v'));
    await store.close();
  }, 20_000);
});

describe('choosing the store', () => {
  it('REDIS_URL selects Redis (with the idle time and prefix of the environment); without it, memory', async () => {
    const onRedis = createStateStore({ REDIS_URL: testRedis().url, DOJO_WORKSPACE_IDLE_MS: '5000', DOJO_REDIS_PREFIX: 'env-test:' });
    expect(onRedis).toBeInstanceOf(RedisStateStore);
    await onRedis.set('k', 1);
    const raw = await rawClient();
    expect(await raw.pTTL('env-test:k')).toBeLessThanOrEqual(5_000);
    raw.destroy();
    await (onRedis as RedisStateStore).close();
    expect(createStateStore({})).toBeInstanceOf(MemoryStateStore);
    expect(createStateStore({ REDIS_URL: '  ' })).toBeInstanceOf(MemoryStateStore);
  });

  it('a REDIS_URL that is not a Redis URL: a clear error at once, without echoing it', () => {
    expect(() => createStateStore({ REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL must start with redis:\/\//);
    expect(() => createStateStore({ REDIS_URL: 'not a url' })).toThrow(/REDIS_URL is not a URL/);
  });

  it('connectStateStore (what instrumentation.ts runs at start) fails clearly when Redis is unreachable', async () => {
    const nobody = await unusedPort();
    const saved = (globalThis as { dojoStateStore?: unknown }).dojoStateStore;
    delete (globalThis as { dojoStateStore?: unknown }).dojoStateStore;
    try {
      await expect(connectStateStore({ REDIS_URL: `redis://127.0.0.1:${nobody}` })).rejects.toThrow(/cannot connect to Redis .*REDIS_URL/);
    } finally {
      (globalThis as { dojoStateStore?: unknown }).dojoStateStore = saved;
    }
  });
});
