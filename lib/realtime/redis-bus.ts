/**
 * The TenantEventBus over Redis pub/sub: what lets a change seen by one app
 * instance reach `subscriptions/listen` streams held by another.
 *
 * Each tenant has a channel of its own (`dojo:bus:<tenantKey>`), so Redis
 * itself keeps tenants apart: an instance hears a tenant's events only if it
 * subscribed to that tenant's channel, and it subscribes only while it holds
 * a listener of that tenant (UNSUBSCRIBE when the last one goes). Every event
 * goes through Redis, even to listeners on the publishing instance: one path,
 * one order.
 *
 * Two connections, because a connection that has subscribed carries only
 * pub/sub from then on: publishing uses the RedisConnection (fails fast,
 * never hangs, explains itself); listening uses a duplicate of it, which
 * reconnects on its own and re-subscribes what it held.
 *
 * Redis down: `publish` resolves false (the event is dropped, as the
 * interface says) and `health()` says why, until both connections are back.
 * Subscriptions asked for meanwhile are made when Redis returns.
 */
import type { ServerEvent } from '@modelcontextprotocol/server';
import { DEFAULT_CONNECT_TIMEOUT_MS, RedisConnection, type RedisClient, type RedisConnectionOptions } from '@/lib/state/redis-connection';
import { ListenerBus, type ListenerBusOptions } from './tenant-listeners';

export interface RedisBusOptions extends RedisConnectionOptions, ListenerBusOptions {
  /** Put in front of every channel; default `dojo:bus:`. */
  prefix?: string;
  /** After a subscription change failed (Redis down): how soon to try again. */
  retryMs?: number;
}

export const DEFAULT_BUS_PREFIX = 'dojo:bus:';
const DEFAULT_RETRY_MS = 1_000;

/** The event bus cannot reach Redis; the message says why and what to do. */
export class EventBusUnavailableError extends Error {
  override name = 'EventBusUnavailableError';
}

export class RedisTenantEventBus extends ListenerBus {
  readonly #connection: RedisConnection;
  readonly #prefix: string;
  readonly #connectTimeoutMs: number;
  readonly #retryMs: number;
  readonly #onerror: (error: Error) => void;
  #publisher: RedisClient | undefined;
  #subscriber: RedisClient | undefined;
  #subscriberConnecting: Promise<RedisClient> | undefined;
  /** Tenants whose channel Redis has confirmed subscribing to. */
  readonly #subscribed = new Set<string>();
  /** Subscription changes, one at a time, in order. Never rejects. */
  #changes: Promise<void> = Promise.resolve();
  #retry: ReturnType<typeof setTimeout> | undefined;
  #closed = false;

  constructor(options: RedisBusOptions) {
    // Unlike the memory bus, anyone with access to Redis can publish on a channel: say so when a message is not ours.
    const onerror = options.onerror ?? ((error: Error) => console.error(error.message));
    super({ ...options, onerror });
    this.#onerror = onerror;
    const log = options.log ?? ((message: string) => console.warn(message));
    this.#connection = new RedisConnection({ ...options, log: (message) => log(asBusMessage(message)) });
    this.#prefix = options.prefix ?? DEFAULT_BUS_PREFIX;
    this.#connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    this.#retryMs = options.retryMs ?? DEFAULT_RETRY_MS;
    // Any change in a tenant's listeners may mean subscribing to its channel or leaving it.
    this.listeners.watch((tenantKey) => this.#queueSync(tenantKey));
  }

  /** `redis://host:port/ (REDIS_URL)`, password hidden: for logs and messages. */
  get where(): string {
    return this.#connection.where;
  }

  /** Connects both connections now (normally first use does): a start-up check that fails early and clearly. */
  async connect(): Promise<void> {
    try {
      await this.#connectSubscriber();
    } catch (error) {
      const failure = asBusError(error);
      this.markDown(failure.message);
      throw failure;
    }
  }

  async publish(tenantKey: string, event: ServerEvent): Promise<boolean> {
    if (this.#closed) return false;
    try {
      await this.#connectPublisher();
      await this.#connection.run('PUBLISH', (client) => client.publish(this.#channel(tenantKey), JSON.stringify(event)));
      this.#markUpIfReady();
      return true;
    } catch (error) {
      this.markDown(asBusError(error).message);
      return false;
    }
  }

  /** Resolves once every subscription change asked for so far has been made in Redis, or has failed (tests, shutdown). */
  settled(): Promise<void> {
    return this.#changes;
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retry);
    const subscriber = this.#subscriber;
    this.#subscriber = undefined;
    if (subscriber?.isOpen) await subscriber.close().catch(() => subscriber.destroy());
    await this.#connection.close();
  }

  #channel(tenantKey: string): string {
    return this.#prefix + tenantKey;
  }

  /** Redis delivers one of our channels' messages: hand it to that tenant's listeners here. */
  readonly #receive = (message: string, channel: string): void => {
    const tenantKey = channel.slice(this.#prefix.length);
    let event: ServerEvent;
    try {
      event = JSON.parse(message) as ServerEvent;
    } catch {
      this.#onerror(new Error(`Event bus: a message on ${channel} is not JSON; dropped.`));
      return;
    }
    this.listeners.deliver(tenantKey, event);
  };

  #queueSync(tenantKey: string): void {
    this.#changes = this.#changes.then(() => this.#sync(tenantKey));
  }

  /** Subscribes to the tenant's channel if it has listeners here, leaves it if not. Never throws. */
  async #sync(tenantKey: string): Promise<void> {
    const wanted = this.listeners.count(tenantKey) > 0;
    if (this.#closed || wanted === this.#subscribed.has(tenantKey)) return;
    try {
      const subscriber = await this.#connectSubscriber();
      if (wanted) {
        await subscriber.subscribe(this.#channel(tenantKey), this.#receive);
        this.#subscribed.add(tenantKey);
      } else {
        await subscriber.unsubscribe(this.#channel(tenantKey));
        this.#subscribed.delete(tenantKey);
      }
    } catch (error) {
      this.markDown(asBusError(error).message);
      this.#retryLater();
    }
  }

  /** Brings every channel in line with the listeners (after a failure). */
  #syncAll(): void {
    for (const tenantKey of new Set([...this.listeners.tenants(), ...this.#subscribed])) this.#queueSync(tenantKey);
  }

  #retryLater(): void {
    if (this.#retry || this.#closed) return;
    this.#retry = setTimeout(() => {
      this.#retry = undefined;
      this.#syncAll();
    }, this.#retryMs);
    this.#retry.unref?.(); // never keeps a process (a test, a script) alive
  }

  async #connectPublisher(): Promise<RedisClient> {
    const client = await this.#connection.ready();
    if (client !== this.#publisher) {
      this.#publisher = client;
      this.#watchHealth(client);
      this.#markUpIfReady();
    }
    return client;
  }

  #connectSubscriber(): Promise<RedisClient> {
    if (this.#subscriber) return Promise.resolve(this.#subscriber);
    this.#subscriberConnecting ??= this.#openSubscriber().finally(() => (this.#subscriberConnecting = undefined));
    return this.#subscriberConnecting;
  }

  async #openSubscriber(): Promise<RedisClient> {
    // It reconnects on its own and re-subscribes what it held; a change that failed meanwhile is retried (#retryLater).
    const subscriber = (await this.#connectPublisher()).duplicate();
    this.#watchHealth(subscriber);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${this.#connectTimeoutMs} ms`)), this.#connectTimeoutMs);
    });
    try {
      await Promise.race([subscriber.connect(), deadline]);
    } catch (error) {
      subscriber.destroy();
      throw new EventBusUnavailableError(
        `Event bus: cannot open the listening connection to Redis at ${this.where}: ${reasonOf(error)}. It is tried again while streams wait.`,
        { cause: error },
      );
    } finally {
      clearTimeout(timer);
    }
    if (this.#closed) {
      subscriber.destroy(); // closed while it was connecting
      throw new EventBusUnavailableError('Event bus: closed.');
    }
    this.#subscriber = subscriber;
    this.#markUpIfReady();
    return subscriber;
  }

  #watchHealth(client: RedisClient): void {
    // Unhandled, node-redis's 'error' (one per failed reconnection) would crash the process.
    client.on('error', (error: unknown) => {
      this.markDown(`Event bus: lost Redis at ${this.where}: ${reasonOf(error)}. Reconnecting in the background; events are dropped until it is back.`);
    });
    client.on('ready', () => this.#markUpIfReady());
  }

  /** Available again once every connection this bus has opened is ready. */
  #markUpIfReady(): void {
    const clients = [this.#publisher, this.#subscriber].filter((client) => client !== undefined);
    if (clients.length > 0 && clients.every((client) => client.isReady)) this.markUp();
  }
}

/** RedisConnection words its errors for the state store; the bus shares it and says they are its own. */
function asBusMessage(message: string): string {
  return message.replace(/^State store: /, 'Event bus: ');
}

function asBusError(error: unknown): EventBusUnavailableError {
  if (error instanceof EventBusUnavailableError) return error;
  return new EventBusUnavailableError(asBusMessage(error instanceof Error ? error.message : String(error)), { cause: error });
}

function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.message || (error as NodeJS.ErrnoException).code || error.name;
}
