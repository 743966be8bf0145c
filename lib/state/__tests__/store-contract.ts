/**
 * What every StateStore must do, written once and run against each
 * implementation (memory-store.test.ts, redis-store.test.ts): the app's
 * callers rely on exactly this, whichever store `getStateStore()` picked.
 *
 * Real clocks and short idle times, because Redis expires keys on its own
 * clock; the margins are wide enough for a busy CI machine.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { StateStore } from '../store';

/** Every store in the contract implements setIfAbsent (optional on the interface only for older hand-made fakes). */
export type ClosableStore = StateStore & Required<Pick<StateStore, 'setIfAbsent'>> & { close?(): unknown };
export type StoreFactory = (options: { idleMs: number }) => ClosableStore | Promise<ClosableStore>;

const LONG_IDLE_MS = 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function describeStateStoreContract(name: string, createStore: StoreFactory) {
  describe(`StateStore contract: ${name}`, () => {
    const opened: ClosableStore[] = [];
    const open = async (idleMs = LONG_IDLE_MS) => {
      const store = await createStore({ idleMs });
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close?.()));
    });

    it('gets what was set, until it is deleted; unknown keys are undefined', async () => {
      const store = await open();
      await store.set('learner-a/default/mock', { tasks: [1, 2] });
      expect(await store.get('learner-a/default/mock')).toEqual({ tasks: [1, 2] });
      await store.delete('learner-a/default/mock');
      expect(await store.get('learner-a/default/mock')).toBeUndefined();
      expect(await store.get('never-set')).toBeUndefined();
      await store.delete('never-set'); // not an error
    });

    it('round-trips plain JSON of every shape', async () => {
      const store = await open();
      const values = {
        object: { name: 'Ünïcode "quoted" \\ line\nbreak', n: -1.5, yes: true, no: false, none: null, list: [{}, [], ''] },
        string: 'plain',
        zero: 0,
        falsy: false,
        nothing: null,
        array: [1, 'two', { three: 3 }],
      };
      for (const [key, value] of Object.entries(values)) await store.set(key, value);
      for (const [key, value] of Object.entries(values)) expect(await store.get(key)).toEqual(value);
    });

    it('keeps a change once the caller sets the changed value again', async () => {
      const store = await open();
      await store.set('counter', { count: 1 });
      const got = (await store.get<{ count: number }>('counter'))!;
      got.count += 1;
      await store.set('counter', got);
      expect(await store.get('counter')).toEqual({ count: 2 });
    });

    it('takes a value once: it is returned and gone', async () => {
      const store = await open();
      await store.set('code', { once: true }, { ttlMs: 60_000 });
      expect(await store.take('code')).toEqual({ once: true });
      expect(await store.take('code')).toBeUndefined();
      expect(await store.get('code')).toBeUndefined();
      expect(await store.take('never-set')).toBeUndefined();
    });

    it('gives a value taken by many callers at the same instant to exactly one', async () => {
      const store = await open();
      await store.set('code', 'one-time');
      const taken = await Promise.all(Array.from({ length: 20 }, () => store.take('code')));
      expect(taken.filter((value) => value !== undefined)).toEqual(['one-time']);
    });

    it('setIfAbsent writes only where nothing is: the first value stays, later ones are refused', async () => {
      const store = await open();
      expect(await store.setIfAbsent('claim', { by: 'first' })).toBe(true);
      expect(await store.setIfAbsent('claim', { by: 'second' })).toBe(false);
      expect(await store.get('claim')).toEqual({ by: 'first' });
      await store.set('written', 1);
      expect(await store.setIfAbsent('written', 2)).toBe(false); // a value from set holds the key too
      expect(await store.get('written')).toBe(1);
      await store.delete('claim');
      expect(await store.setIfAbsent('claim', { by: 'third' })).toBe(true);
      expect(await store.get('claim')).toEqual({ by: 'third' });
    });

    it('setIfAbsent by two callers at the same instant: exactly one wins, and its value is kept', async () => {
      const store = await open();
      const won = await Promise.all([store.setIfAbsent('delivery', 'a', { ttlMs: 60_000 }), store.setIfAbsent('delivery', 'b', { ttlMs: 60_000 })]);
      expect(won.filter(Boolean)).toHaveLength(1);
      expect(await store.get('delivery')).toBe(won[0] ? 'a' : 'b');
      const many = await Promise.all(Array.from({ length: 20 }, (_, i) => store.setIfAbsent('crowd', i)));
      expect(many.filter(Boolean)).toHaveLength(1);
      expect(await store.get('crowd')).toBe(many.indexOf(true));
    });

    it('setIfAbsent with a TTL: the claim lasts that long, a refused write does not extend it, then the key is free', async () => {
      const store = await open();
      expect(await store.setIfAbsent('claim', 'first', { ttlMs: 500 })).toBe(true);
      expect(await store.setIfAbsent('claim', 'second', { ttlMs: 60_000 })).toBe(false);
      await sleep(800);
      expect(await store.get('claim')).toBeUndefined();
      expect(await store.setIfAbsent('claim', 'third', { ttlMs: 60_000 })).toBe(true);
      expect(await store.get('claim')).toBe('third');
    });

    it('drops a value written with a TTL when it runs out, however often it is read', async () => {
      const store = await open(300); // idle shorter than the TTL: reads must not turn the TTL into idle expiry
      await store.set('code', 'short', { ttlMs: 1_000 });
      await store.set('refresh', 'long', { ttlMs: 5_000 });
      await sleep(250);
      expect(await store.get('code')).toBe('short');
      await sleep(250);
      expect(await store.get('code')).toBe('short');
      await sleep(900); // 1.4 s after the write
      expect(await store.get('code')).toBeUndefined();
      expect(await store.get('refresh')).toBe('long'); // idle far longer than idleMs, still inside its TTL
    });

    it('drops a value idle for longer than idleMs; each read keeps it alive', async () => {
      const store = await open(1_000);
      await store.set('read', 1);
      await store.set('idle', 2);
      for (let i = 0; i < 3; i++) {
        await sleep(500);
        expect(await store.get('read')).toBe(1); // 1.5 s after the write, alive: read every 0.5 s
      }
      expect(await store.get('idle')).toBeUndefined();
      await sleep(1_500);
      expect(await store.get('read')).toBeUndefined();
    });
      it('deleteIf deletes only while the key holds that value: a lock is released by its holder only', async () => {
      const store = await open();
      await store.set('lock', { holder: 'a', token: 1 }, { ttlMs: 60_000 });
      expect(await store.deleteIf('lock', { holder: 'b', token: 2 })).toBe(false);
      expect(await store.get('lock')).toEqual({ holder: 'a', token: 1 });
      expect(await store.deleteIf('lock', { holder: 'a', token: 1 })).toBe(true);
      expect(await store.get('lock')).toBeUndefined();
      expect(await store.deleteIf('lock', { holder: 'a', token: 1 })).toBe(false);
      await store.set('idle-lock', 'token-x'); // written without a TTL too
      expect(await store.deleteIf('idle-lock', 'token-x')).toBe(true);
    });

    it('a map keeps each field written, one entry per field, until it is deleted', async () => {
      const store = await open();
      expect(await store.mapGetAll('room-x/seats')).toEqual({});
      await store.mapSet('room-x/seats', 'learner-a', { name: 'Ada' }, { ttlMs: 60_000 });
      await store.mapSet('room-x/seats', 'learner-b', { name: null }, { ttlMs: 60_000 });
      await store.mapSet('room-x/seats', 'learner-a', { name: 'Ada L.' }, { ttlMs: 60_000 }); // joined twice: one seat
      expect(await store.mapGetAll('room-x/seats')).toEqual({ 'learner-a': { name: 'Ada L.' }, 'learner-b': { name: null } });
      expect(await store.mapGet('room-x/seats', 'learner-b')).toEqual({ name: null });
      expect(await store.mapGet('room-x/seats', 'learner-z')).toBeUndefined();
      await store.mapDelete('room-x/seats', 'learner-a');
      await store.mapDelete('room-x/seats', 'learner-z'); // not an error
      await store.mapDelete('never-a-map', 'learner-z'); // nor this
      expect(await store.mapGetAll('room-x/seats')).toEqual({ 'learner-b': { name: null } });
      await store.delete('room-x/seats');
      expect(await store.mapGetAll('room-x/seats')).toEqual({});
    });

    it('a map written by 40 callers at once, one field each: every field is kept', async () => {
      const store = await open();
      const fields = Array.from({ length: 40 }, (_, i) => `learner-${i}`);
      await Promise.all(fields.map((field, i) => store.mapSet('room-y/seats', field, { seat: i }, { ttlMs: 60_000 })));
      const map = await store.mapGetAll<{ seat: number }>('room-y/seats');
      expect(Object.keys(map).sort()).toEqual([...fields].sort());
      expect(map['learner-7']).toEqual({ seat: 7 });
    });

    it('a map expires ttlMs after its last write; reading it does not keep it alive', async () => {
      const store = await open(300);
      await store.mapSet('room-z/seats', 'a', 1, { ttlMs: 1_000 });
      await sleep(600);
      expect(await store.mapGetAll('room-z/seats')).toEqual({ a: 1 }); // past idleMs, inside the TTL
      await store.mapSet('room-z/seats', 'b', 2, { ttlMs: 1_000 }); // pushes the whole map's expiry back
      await sleep(600);
      expect(await store.mapGetAll('room-z/seats')).toEqual({ a: 1, b: 2 });
      await sleep(700);
      expect(await store.mapGetAll('room-z/seats')).toEqual({});
      expect(await store.mapGet('room-z/seats', 'a')).toBeUndefined();
    });
  });
}
