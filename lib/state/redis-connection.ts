/**
 * One connection to Redis for the state store, with the failure behaviour a
 * web app needs: never hang, always say what to do.
 *
 * - It connects lazily, on the first command, so `getStateStore()` stays
 *   synchronous for its callers. `instrumentation.ts` calls `ready()` at
 *   start, so a wrong or unreachable `REDIS_URL` fails `next start` at once.
 * - The first connection gets one bounded try (`connectTimeoutMs`), not
 *   node-redis's default of retrying forever, which would hang every call.
 * - Once connected, a lost connection is retried in the background (with
 *   backoff, forever), while calls fail fast: the offline queue is off, so
 *   a command sent while Redis is gone is refused at once instead of
 *   waiting for a recovery that may never come, and every command has a
 *   deadline for a Redis that accepts bytes but does not answer. (Our own:
 *   node-redis's `timeout` option only covers waiting to be *sent*.)
 * - Every failure is a `StateStoreUnavailableError` naming the URL (password
 *   hidden), the variable it came from, the cause and the way out.
 */
import {
  ClientClosedError,
  ClientOfflineError,
  createClient,
  SocketClosedUnexpectedlyError,
  type RedisClientType,
} from 'redis';

export interface RedisConnectionOptions {
  url: string;
  /** The setting the URL came from, named in every error. */
  source?: string;
  connectTimeoutMs?: number;
  commandTimeoutMs?: number;
  /** Where "lost Redis" / "Redis is back" go (console.warn by default). */
  log?: (message: string) => void;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 3_000;
export const DEFAULT_COMMAND_TIMEOUT_MS = 2_000;
/** Between reconnection attempts after a loss: 50 ms doubling up to this. */
const MAX_RECONNECT_DELAY_MS = 2_000;

export type RedisClient = RedisClientType;

/** The state store cannot reach its backend; the message says why and what to do. */
export class StateStoreUnavailableError extends Error {
  override name = 'StateStoreUnavailableError';
}

export class RedisConnection {
  readonly where: string;
  readonly #source: string;
  readonly #connectTimeoutMs: number;
  readonly #commandTimeoutMs: number;
  readonly #log: (message: string) => void;
  #client: RedisClient | undefined;
  #connecting: Promise<RedisClient> | undefined;
  #lost = false;

  constructor(private readonly options: RedisConnectionOptions) {
    this.#source = options.source ?? 'REDIS_URL';
    this.where = describeUrl(options.url, this.#source);
    this.#connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    this.#commandTimeoutMs = options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
    this.#log = options.log ?? ((message) => console.warn(message));
  }

  /** The connected client, connecting on first use. Rejects (bounded) if Redis cannot be reached. */
  ready(): Promise<RedisClient> {
    if (this.#client) return Promise.resolve(this.#client);
    this.#connecting ??= this.#connect().finally(() => (this.#connecting = undefined));
    return this.#connecting;
  }

  /** Runs one command within the deadline; any failure becomes an error that explains itself. */
  async run<T>(command: string, send: (client: RedisClient) => Promise<T>): Promise<T> {
    const client = await this.ready();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new NoAnswerError()), this.#commandTimeoutMs);
    });
    try {
      // A late answer after the deadline is read and dropped by node-redis, keeping replies in order.
      return await Promise.race([send(client), deadline]);
    } catch (error) {
      throw this.#explain(command, error);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    const client = this.#client;
    this.#client = undefined;
    if (client?.isOpen) await client.close().catch(() => client.destroy());
  }

  async #connect(): Promise<RedisClient> {
    let connectedOnce = false;
    const client = createClient({
      url: this.options.url,
      // Fail fast while disconnected instead of queueing calls until Redis returns.
      disableOfflineQueue: true,
      socket: {
        connectTimeout: this.#connectTimeoutMs,
        // Before the first connection: give up (the caller gets the cause). After: retry forever, with backoff.
        reconnectStrategy: (retries) => (connectedOnce ? Math.min(50 * 2 ** retries, MAX_RECONNECT_DELAY_MS) : false),
      },
    });
    // node-redis emits 'error' on every failed attempt; unhandled, that would crash the process.
    client.on('error', (error: unknown) => {
      if (!connectedOnce || this.#lost) return;
      this.#lost = true;
      this.#log(`State store: lost Redis at ${this.where}: ${causeOf(error)}. Reconnecting in the background; calls fail until it is back.`);
    });
    client.on('ready', () => {
      if (this.#lost) this.#log(`State store: Redis at ${this.where} is back.`);
      this.#lost = false;
    });

    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      // Covers what connectTimeout does not: a server that accepts the socket but never answers the handshake.
      timer = setTimeout(() => reject(new Error(`no answer within ${this.#connectTimeoutMs} ms`)), this.#connectTimeoutMs);
    });
    try {
      await Promise.race([client.connect(), deadline]);
      connectedOnce = true;
      this.#client = client;
      return client;
    } catch (error) {
      client.destroy();
      throw new StateStoreUnavailableError(
        `State store: cannot connect to Redis at ${this.where}: ${causeOf(error)}. ` +
          `Start Redis there, correct ${this.#source}, or unset ${this.#source} to keep state in this process's memory (one instance only).`,
        { cause: error },
      );
    } finally {
      clearTimeout(timer);
    }
  }

  #explain(command: string, error: unknown): Error {
    if (error instanceof ClientOfflineError || error instanceof ClientClosedError || error instanceof SocketClosedUnexpectedlyError) {
      return new StateStoreUnavailableError(
        `State store: lost Redis at ${this.where} (${command} not sent: ${causeOf(error)}). ` +
          `The app keeps reconnecting in the background; this call works again once Redis is back.`,
        { cause: error },
      );
    }
    if (error instanceof NoAnswerError) {
      return new StateStoreUnavailableError(
        `State store: Redis at ${this.where} did not answer ${command} within ${this.#commandTimeoutMs} ms. Is it overloaded or paused?`,
        { cause: error },
      );
    }
    // An answer from Redis itself (e.g. NOAUTH, OOM): not an outage, pass on its words with the context.
    return new Error(`State store: Redis at ${this.where} refused ${command}: ${causeOf(error)}`, { cause: error });
  }
}

class NoAnswerError extends Error {}

/** `redis://localhost:6379 (REDIS_URL)`, with any password replaced: errors end up in logs. */
export function describeUrl(url: string, source: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new StateStoreUnavailableError(`State store: ${source} is not a URL (expected e.g. redis://localhost:6379).`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new StateStoreUnavailableError(`State store: ${source} must start with redis:// or rediss:// (got ${parsed.protocol}//).`);
  }
  if (parsed.password) parsed.password = '***';
  return `${parsed.toString()} (${source})`;
}

function causeOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // "localhost" tries IPv6 and IPv4: Node reports both refusals in an AggregateError with an empty message.
  if (error instanceof AggregateError && error.errors.length > 0) return [...new Set(error.errors.map(causeOf))].join('; ');
  return error.message || (error as NodeJS.ErrnoException).code || error.name;
}
