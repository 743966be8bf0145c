/**
 * One process's listeners, per tenant: what every TenantEventBus keeps
 * locally, whatever carries events between processes (nothing, or Redis).
 * A tenant's event reaches that tenant's set only; a listener that throws
 * does not stop the others; a tenant whose last listener left costs nothing.
 *
 * ListenerBus is the part of a TenantEventBus that does not depend on how
 * events travel: the listeners, the SDK's per-tenant view, and health. Each
 * bus says how it publishes.
 */
import type { ServerEvent, ServerEventBus } from '@modelcontextprotocol/server';
import type { BusHealth, TenantEventBus } from './bus';

export type TenantListener = (event: ServerEvent) => void;
export type ListenerWatcher = (tenantKey: string, count: number) => void;

export class TenantListeners {
  readonly #listeners = new Map<string, Set<TenantListener>>();
  readonly #watchers = new Set<ListenerWatcher>();

  /** `onerror`: a listener or watcher that threw. */
  constructor(private readonly onerror: (error: Error) => void) {}

  /** Adds a listener; returns its idempotent removal. */
  add(tenantKey: string, listener: TenantListener): () => void {
    // A function of its own per subscription: the same listener subscribed twice is two subscriptions.
    const entry: TenantListener = (event) => listener(event);
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

  deliver(tenantKey: string, event: ServerEvent): void {
    // A copy: a listener that unsubscribes while we deliver does not skip its neighbour.
    for (const listener of [...(this.#listeners.get(tenantKey) ?? [])]) {
      try {
        listener(event);
      } catch (error) {
        this.onerror(asError(error));
      }
    }
  }

  /** Listeners of one tenant; of all tenants without a key. */
  count(tenantKey?: string): number {
    if (tenantKey !== undefined) return this.#listeners.get(tenantKey)?.size ?? 0;
    let total = 0;
    for (const set of this.#listeners.values()) total += set.size;
    return total;
  }

  /** Tenants with at least one listener. */
  tenants(): string[] {
    return [...this.#listeners.keys()];
  }

  watch(watcher: ListenerWatcher): () => void {
    this.#watchers.add(watcher);
    return () => void this.#watchers.delete(watcher);
  }

  #changed(tenantKey: string, count: number): void {
    for (const watcher of [...this.#watchers]) {
      try {
        watcher(tenantKey, count);
      } catch (error) {
        this.onerror(asError(error));
      }
    }
  }
}

export interface ListenerBusOptions {
  /** A listener that threw (the others still get the event). */
  onerror?: (error: Error) => void;
  now?: () => Date;
}

export abstract class ListenerBus implements TenantEventBus {
  protected readonly listeners: TenantListeners;
  readonly #now: () => Date;
  #outage: { reason: string; since: Date } | undefined;

  constructor(options: ListenerBusOptions = {}) {
    this.listeners = new TenantListeners(options.onerror ?? (() => undefined));
    this.#now = options.now ?? (() => new Date());
  }

  abstract publish(tenantKey: string, event: ServerEvent): Promise<boolean>;

  forTenant(tenantKey: string): ServerEventBus {
    return {
      publish: (event) => void this.publish(tenantKey, event),
      subscribe: (listener) => this.listeners.add(tenantKey, listener),
    };
  }

  listenerCount(tenantKey?: string): number {
    return this.listeners.count(tenantKey);
  }

  watchListeners(watcher: ListenerWatcher): () => void {
    return this.listeners.watch(watcher);
  }

  health(): BusHealth {
    return this.#outage ? { available: false, ...this.#outage } : { available: true };
  }

  /** Events cannot travel: says why, from when. The first reason stays until the bus is back. */
  protected markDown(reason: string): void {
    this.#outage ??= { reason, since: this.#now() };
  }

  protected markUp(): void {
    this.#outage = undefined;
  }

  protected get isDown(): boolean {
    return this.#outage !== undefined;
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
