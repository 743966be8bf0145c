/**
 * The tenant-keyed event bus: how "this resource changed" reaches the
 * subscriptions of one tenant, and no one else's.
 *
 * The SDK's createMcpHandler subscribes every `subscriptions/listen` stream to
 * one ServerEventBus, and a `resource_updated` event carries only a URI.
 * `todoist://tasks/today` is the same URI for every tenant, so with one bus
 * for everyone, tenant A's change would reach tenant B's stream (B re-reads
 * for nothing, and learns when A works). Here each tenant has a listener set
 * of its own: `forTenant(key)` is the SDK's interface over that set (the
 * endpoint gives it to the handler that serves the tenant's listen stream),
 * and `publish(key, event)` reaches that set only.
 *
 * One process keeps its listeners in memory. Several instances behind a load
 * balancer need a bus over shared pub/sub: with REDIS_URL set, the process's
 * bus is the RedisTenantEventBus (redis-bus.ts), the same interface, so a
 * change seen by one instance reaches streams held by another.
 */
import type { ServerEvent, ServerEventBus } from '@modelcontextprotocol/server';
import { DEFAULT_PREFIX } from '@/lib/state/redis-store';
import { RedisTenantEventBus } from './redis-bus';
import { ListenerBus } from './tenant-listeners';

export type { ServerEvent };

/** Whether published events can reach listeners now. Reads never depend on it. */
export type BusHealth = { available: true } | { available: false; reason: string; since: Date };

export interface TenantEventBus {
  /**
   * Sends `event` to the listeners of this tenant only. Never throws: when
   * the bus cannot carry events it drops this one and resolves `false`
   * (health() says why); `true` means the bus took it.
   */
  publish(tenantKey: string, event: ServerEvent): Promise<boolean>;
  /** This tenant's side of the bus, in the SDK's shape (what createMcpHandler's `bus` option takes). */
  forTenant(tenantKey: string): ServerEventBus;
  /** Listeners (open listen streams) of one tenant in this process; of all tenants without a key. */
  listenerCount(tenantKey?: string): number;
  /** Called with a tenant's new listener count whenever it changes (for leak tests, gauges); returns a stop function. */
  watchListeners(watcher: (tenantKey: string, count: number) => void): () => void;
  health(): BusHealth;
}

export class InMemoryTenantEventBus extends ListenerBus {
  async publish(tenantKey: string, event: ServerEvent): Promise<boolean> {
    // Delivered before the first await: forTenant(key).publish reaches the listeners synchronously, as the SDK's bus does.
    if (this.isDown) return false;
    this.listeners.deliver(tenantKey, event);
    return true;
  }

  /**
   * Fault switch (lesson 8, tests): from now on the bus drops every event, as
   * shared pub/sub does while its server is unreachable. Streams stay open and
   * receive again after recover(); what changed meanwhile is not replayed.
   */
  simulateOutage(reason: string): void {
    this.markDown(reason);
  }

  recover(): void {
    this.markUp();
  }
}

type Env = Record<string, string | undefined>;

const globalForBus = globalThis as typeof globalThis & { dojoTenantEventBus?: TenantEventBus };

/**
 * This process's bus, shared by the MCP endpoint (listen streams) and whatever
 * publishes changes (the replica). Redis connects at first use; see
 * connectTenantEventBus for a start-up check.
 */
export function getTenantEventBus(env: Env = process.env): TenantEventBus {
  globalForBus.dojoTenantEventBus ??= createTenantEventBus(env);
  return globalForBus.dojoTenantEventBus;
}

/**
 * A new bus as the environment asks for it: `REDIS_URL` set, Redis pub/sub,
 * on channels behind the store's prefix (`dojo:bus:<tenantKey>`, or
 * `DOJO_REDIS_PREFIX` + `bus:`); not set, in this process.
 */
export function createTenantEventBus(env: Env = process.env): TenantEventBus {
  const redisUrl = env.REDIS_URL?.trim();
  if (!redisUrl) return new InMemoryTenantEventBus();
  return new RedisTenantEventBus({ url: redisUrl, source: 'REDIS_URL', prefix: `${env.DOJO_REDIS_PREFIX || DEFAULT_PREFIX}bus:` });
}

/** Connects the process's bus now if it is Redis; rejects with an EventBusUnavailableError naming REDIS_URL and what to do. */
export async function connectTenantEventBus(env: Env = process.env): Promise<string> {
  const bus = getTenantEventBus(env);
  if (!(bus instanceof RedisTenantEventBus)) return 'Event bus: in this process (set REDIS_URL for listen streams on every instance)';
  await bus.connect();
  return `Event bus: Redis pub/sub at ${bus.where}`;
}
