import { describe, expect, it } from 'vitest';
import { InMemoryTenantEventBus, getTenantEventBus, type ServerEvent } from '../bus';

const today: ServerEvent = { kind: 'resource_updated', uri: 'todoist://tasks/today' };

describe('InMemoryTenantEventBus', () => {
  it('delivers a tenant’s event to that tenant’s listeners only', async () => {
    const bus = new InMemoryTenantEventBus();
    const seen: string[] = [];
    bus.forTenant('alice').subscribe((event) => seen.push(`alice ${event.kind}`));
    bus.forTenant('alice').subscribe((event) => seen.push(`alice again ${event.kind}`));
    bus.forTenant('bob').subscribe((event) => seen.push(`bob ${event.kind}`));

    expect(await bus.publish('alice', today)).toBe(true);
    expect(seen).toEqual(['alice resource_updated', 'alice again resource_updated']);
    // The SDK's side publishes the same way: forTenant(key).publish is publish(key, …).
    bus.forTenant('bob').publish({ kind: 'tools_list_changed' });
    expect(seen.at(-1)).toBe('bob tools_list_changed');
    expect(seen).toHaveLength(3);
  });

  it('counts listeners per tenant and in all, and forgets a tenant whose last listener left', () => {
    const bus = new InMemoryTenantEventBus();
    const counts: string[] = [];
    const stopWatching = bus.watchListeners((tenant, count) => counts.push(`${tenant}=${count}`));
    const listener = () => undefined;
    const first = bus.forTenant('alice').subscribe(listener);
    const second = bus.forTenant('alice').subscribe(listener); // the same function twice: two subscriptions
    const bobs = bus.forTenant('bob').subscribe(listener);
    expect([bus.listenerCount('alice'), bus.listenerCount('bob'), bus.listenerCount('carol'), bus.listenerCount()]).toEqual([2, 1, 0, 3]);

    first();
    first(); // idempotent: does not remove the second subscription
    expect(bus.listenerCount('alice')).toBe(1);
    second();
    bobs();
    expect(bus.listenerCount()).toBe(0);
    expect(counts).toEqual(['alice=1', 'alice=2', 'bob=1', 'alice=1', 'alice=0', 'bob=0']);

    stopWatching();
    bus.forTenant('alice').subscribe(listener)();
    expect(counts).toHaveLength(6);
  });

  it('keeps delivering to the others when one listener throws, and reports the error', async () => {
    const errors: string[] = [];
    const bus = new InMemoryTenantEventBus({ onerror: (error) => errors.push(error.message) });
    const seen: string[] = [];
    bus.forTenant('alice').subscribe(() => {
      throw new Error('listener broke');
    });
    bus.forTenant('alice').subscribe(() => seen.push('second'));
    expect(await bus.publish('alice', today)).toBe(true);
    expect(seen).toEqual(['second']);
    expect(errors).toEqual(['listener broke']);
  });

  it('lets a listener unsubscribe while an event is delivered without its neighbour missing it', async () => {
    const bus = new InMemoryTenantEventBus();
    const seen: string[] = [];
    const stop = bus.forTenant('alice').subscribe(() => {
      seen.push('first');
      stop();
    });
    bus.forTenant('alice').subscribe(() => seen.push('second'));
    await bus.publish('alice', today);
    await bus.publish('alice', today);
    expect(seen).toEqual(['first', 'second', 'second']);
  });

  it('in an outage drops events and says why; after recovery delivers again (nothing replayed)', async () => {
    const since = new Date('2026-10-01T09:00:00Z');
    const bus = new InMemoryTenantEventBus({ now: () => since });
    const seen: ServerEvent[] = [];
    bus.forTenant('alice').subscribe((event) => seen.push(event));
    expect(bus.health()).toEqual({ available: true });

    bus.simulateOutage('pub/sub server unreachable');
    bus.simulateOutage('a second reason does not overwrite the first');
    expect(await bus.publish('alice', today)).toBe(false);
    bus.forTenant('alice').publish(today);
    expect(seen).toEqual([]);
    expect(bus.health()).toEqual({ available: false, reason: 'pub/sub server unreachable', since });
    // Listeners stay: streams pause rather than close.
    expect(bus.listenerCount('alice')).toBe(1);

    bus.recover();
    expect(bus.health()).toEqual({ available: true });
    expect(await bus.publish('alice', today)).toBe(true);
    expect(seen).toEqual([today]);
  });

  it('is one bus per process', () => {
    expect(getTenantEventBus()).toBe(getTenantEventBus());
  });
});
