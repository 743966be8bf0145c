/**
 * The delivery ledger (webhook dedupe) when the app runs on several
 * instances: two receivers over one store are two instances sharing one
 * Redis. A copy of a delivery arriving at each at the same instant must be
 * taken once, which read-then-write cannot promise and setIfAbsent does.
 * Run over a copying memory store (fast, no server) and over a real Redis.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Tenant } from '@/lib/identity/learner';
import { MemoryStateStore, RedisStateStore, type StateStore } from '@/lib/state';
import { copyingStore, delegateTo } from '@/lib/state/__tests__/copying-store';
import { redisForThisFile } from '@/lib/state/__tests__/redis-server';
import { registerAccount } from '../accounts';
import { DeliveryLedger } from '../webhook-deliveries';
import { createWebhookReceiver, type WebhookReceiver } from '../webhook-receiver';
import { NOW, STANDIN_SECRET, delivery, webhookEvent } from './webhook-fixtures';

const alice: Tenant = { key: 'learner-alice', kind: 'learner', learnerId: 'alice-random.signature' };
const backend = { backend: 'real', upstream: 'standin', size: 'small', seed: 1 } as const;
const body = (text: string) => new TextEncoder().encode(text);

const testRedis = redisForThisFile();
let redisStores = 0;
const opened: RedisStateStore[] = [];
afterAll(() => Promise.all(opened.map((store) => store.close())));

/** Two app instances: each its own receiver (and ledger) over its own view of one shared store. */
async function twoInstances(stores: [StateStore, StateStore]) {
  const triggered: string[] = [];
  await registerAccount(stores[0], 'standin', '2671355', { tenant: alice, workspace: 'default', backend });
  const receivers = stores.map((store, instance) =>
    createWebhookReceiver({
      store,
      secrets: [{ app: 'standin', secret: STANDIN_SECRET }],
      onEvent: async (_account, _event, info) => void triggered.push(`${instance}:${info.deliveryId}`),
      defer: (task) => void task(),
      now: () => NOW,
      log: () => undefined,
    }),
  ) as [WebhookReceiver, WebhookReceiver];
  return { receivers, triggered };
}

function describeTwoInstances(name: string, stores: () => [StateStore, StateStore]) {
  describe(`two instances receiving the same delivery at once (${name})`, () => {
    it('one copy is taken and triggers; every other copy is a 200 duplicate', async () => {
      const { receivers, triggered } = await twoInstances(stores());
      for (let round = 0; round < 5; round++) {
        const text = JSON.stringify(webhookEvent({ event_data: { id: `task-${round}`, content: 'Buy milk', checked: true } }));
        const copies = Array.from({ length: 4 }, (_, i) => receivers[i % 2]!(delivery(undefined, { body: text, deliveryId: `twin-${round}` })));
        const answers = await Promise.all((await Promise.all(copies)).map((response) => response.json()));
        expect(answers.filter((answer) => answer.duplicate !== true)).toEqual([{ ok: true }]);
        expect(answers.filter((answer) => answer.duplicate === true)).toHaveLength(3);
      }
      expect(triggered).toHaveLength(5);
    });

    it('a captured body replayed under new ids at both instances at once: still one delivery taken', async () => {
      const { receivers, triggered } = await twoInstances(stores());
      const text = JSON.stringify(webhookEvent());
      const copies = ['real', 'made-up-1', 'made-up-2', 'made-up-3'].map((id, i) => receivers[i % 2]!(delivery(undefined, { body: text, deliveryId: id })));
      const answers = await Promise.all((await Promise.all(copies)).map((response) => response.json()));
      expect(answers.filter((answer) => answer.duplicate !== true)).toHaveLength(1);
      expect(triggered).toHaveLength(1);
    });
  });
}

describeTwoInstances('a copying memory store', () => {
  const shared = copyingStore();
  return [shared, shared];
});

describeTwoInstances('two RedisStateStores on one Redis', () => {
  const prefix = `ledger-${++redisStores}:`;
  const open = () => {
    const store = new RedisStateStore({ url: testRedis().url, idleMs: 60_000, prefix, log: () => undefined });
    opened.push(store);
    return store;
  };
  return [open(), open()];
});

describe('DeliveryLedger', () => {
  const memory = () => new MemoryStateStore({ idleMs: 60_000, maxEntries: 100, sweepEveryMs: 0 });

  it('a replayed body under a new id is refused, and leaves that id unclaimed', async () => {
    const ledger = new DeliveryLedger(memory(), 60_000);
    expect(await ledger.claim('standin', 'original', body('a'))).toBe(true);
    expect(await ledger.claim('standin', 'made-up', body('a'))).toBe(false);
    expect(await ledger.claim('standin', 'made-up', body('b'))).toBe(true);
    expect(await ledger.claim('standin', 'original', body('c'))).toBe(false);
  });

  it('claims per app: the same id and body from another app are another delivery', async () => {
    const store = memory();
    expect(await new DeliveryLedger(store, 60_000).claim('standin', 'd-1', body('a'))).toBe(true);
    expect(await new DeliveryLedger(store, 60_000).claim('todoist', 'd-1', body('a'))).toBe(true);
  });

  it('a claim that fails half-way gives the id back, so Todoist’s retry is taken rather than called a duplicate', async () => {
    const inner = memory();
    let failBodyClaims = 1;
    const flaky: StateStore = {
      ...delegateTo(inner),
      setIfAbsent: async (key, value, options) => {
        if (key.includes('/body-') && failBodyClaims-- > 0) throw new Error('State store: lost Redis');
        return inner.setIfAbsent(key, value, options);
      },
    };
    const ledger = new DeliveryLedger(flaky, 60_000);
    await expect(ledger.claim('standin', 'd-1', body('a'))).rejects.toThrow(/lost Redis/);
    expect(await ledger.claim('standin', 'd-1', body('a'))).toBe(true);
  });

});
