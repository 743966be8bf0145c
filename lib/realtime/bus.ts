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
 * balancer need a bus over shared pub/sub (Redis, issue 13), which implements
 * the same interface: a change seen by one instance reaches streams held by
 * another.
 */
import type { ServerEvent, ServerEventBus } from '@modelcontextprotocol/server';

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

type Listener = (event: ServerEvent) => void;

export class InMemoryTenantEventBus implements TenantEventBus {
  readonly #listeners = new Map<string, Set<Listener>>();
  readonly #watchers = new Set<(tenantKey: string, count: number) => void>();
  readonly #onerror: (error: Error) => void;
  readonly #now: () => Date;
  #outage: { reason: string; since: Date } | undefined;

  /** `onerror`: a listener that threw (the others still get the event). */
  constructor(options: { onerror?: (error: Error) => void; now?: () => Date } = {}) {
    this.#onerror = options.onerror ?? (() => undefined);
    this.#now = options.now ?? (() => new Date());
  }

  async publish(tenantKey: string, event: ServerEvent): Promise<boolean> {
    return this.#deliver(tenantKey, event);
  }

  forTenant(tenantKey: string): ServerEventBus {
    return {
      publish: (event) => void this.#deliver(tenantKey, event),
      subscribe: (listener) => this.#subscribe(tenantKey, listener),
    };
  }

  listenerCount(tenantKey?: string): number {
    if (tenantKey !== undefined) return this.#listeners.get(tenantKey)?.size ?? 0;
    let total = 0;
    for (const set of this.#listeners.values()) total += set.size;
    return total;
  }

  watchListeners(watcher: (tenantKey: string, count: number) => void): () => void {
    this.#watchers.add(watcher);
    return () => void this.#watchers.delete(watcher);
  }

  health(): BusHealth {
    return this.#outage ? { available: false, ...this.#outage } : { available: true };
  }

  /**
   * Fault switch (lesson 8, tests): from now on the bus drops every event, as
   * shared pub/sub does while its server is unreachable. Streams stay open and
   * receive again after recover(); what changed meanwhile is not replayed.
   */
  simulateOutage(reason: string): void {
    this.#outage ??= { reason, since: this.#now() };
  }

  recover(): void {
    this.#outage = undefined;
  }

  #deliver(tenantKey: string, event: ServerEvent): boolean {
    if (this.#outage) return false;
    // A copy: a listener that unsubscribes while we deliver does not skip its neighbour.
    for (const listener of [...(this.#listeners.get(tenantKey) ?? [])]) {
      try {
        listener(event);
      } catch (error) {
        this.#onerror(error instanceof Error ? error : new Error(String(error)));
      }
    }
    return true;
  }

  #subscribe(tenantKey: string, listener: Listener): () => void {
    // A function of its own per subscription: the same listener subscribed twice is two subscriptions.
    const entry: Listener = (event) => listener(event);
    let set = this.#listeners.get(tenantKey);
    if (!set) this.#listeners.set(tenantKey, (set = new Set()));
    set.add(entry);
    this.#changed(tenantKey, set.size);
    let live = true;
    return () => {
      if (!live) return;
      live = false;
      set.delete(entry);
      // No empty sets left behind: a tenant who stopped listening costs nothing.
      if (set.size === 0 && this.#listeners.get(tenantKey) === set) this.#listeners.delete(tenantKey);
      this.#changed(tenantKey, set.size);
    };
  }

  #changed(tenantKey: string, count: number): void {
    for (const watcher of [...this.#watchers]) {
      try {
        watcher(tenantKey, count);
      } catch (error) {
        this.#onerror(error instanceof Error ? error : new Error(String(error)));
      }
    }
  }
}

const globalForBus = globalThis as typeof globalThis & { dojoTenantEventBus?: TenantEventBus };

/** This process's bus, shared by the MCP endpoint (listen streams) and whatever publishes changes (the replica). */
export function getTenantEventBus(): TenantEventBus {
  globalForBus.dojoTenantEventBus ??= new InMemoryTenantEventBus();
  return globalForBus.dojoTenantEventBus;
}
