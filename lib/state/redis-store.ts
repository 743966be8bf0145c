/**
 * The StateStore on Redis: what lets several app instances behind a load
 * balancer share every learner's state.
 *
 * Keys: the store's key behind a prefix (`dojo:` by default), so one Redis
 * can host several apps (or test runs) without their keys meeting.
 *
 * Values: JSON, behind a one-letter tag saying how the key expires:
 *   `t{…}`  written with a TTL: gone at that time however often it is read
 *           (codes, tokens; `SET … PX ttlMs`);
 *   `i{…}`  idle expiry, like the memory store: `SET … PX idleMs`, and every
 *           read pushes the expiry back by `idleMs`.
 * The read and the push-back must be one step and must leave a TTL key
 * alone, so `get` is a three-line Lua script (Redis runs a script
 * atomically): GET, then PEXPIRE only if the value is tagged `i`.
 *
 * Every key expires, so Redis's own `maxmemory` with `volatile-lru` plays the
 * part of the memory store's LRU bound. `get` returns a fresh copy each time:
 * callers change it and `set` it again, as the StateStore contract says.
 */
import { RedisConnection, type RedisConnectionOptions } from './redis-connection';
import type { SetOptions, StateStore } from './store';

export interface RedisStoreOptions extends RedisConnectionOptions {
  /** How long a key written without a TTL lives after its last read or write. */
  idleMs: number;
  /** Put in front of every key; default `dojo:`. */
  prefix?: string;
}

export const DEFAULT_PREFIX = 'dojo:';

const FIXED_TTL_TAG = 't';
const IDLE_TAG = 'i';

/** GET, and refresh the idle expiry of an idle-tagged value. KEYS[1]: key; ARGV[1]: idle ms. */
const GET_AND_TOUCH = `
local value = redis.call('GET', KEYS[1])
if value and string.sub(value, 1, 1) == '${IDLE_TAG}' then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return value`;

/** DEL only while the value (tag aside) is ARGV[1]. KEYS[1]: key; ARGV[1]: JSON. Returns 1 when deleted. */
const DELETE_IF_EQUAL = `
local value = redis.call('GET', KEYS[1])
if value and string.sub(value, 2) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** One field of a hash, and the whole hash's expiry. KEYS[1]: key; ARGV: field, JSON, ttl ms. */
const SET_FIELD_AND_EXPIRE = `
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])`;

export class RedisStateStore implements StateStore {
  readonly #connection: RedisConnection;
  readonly #prefix: string;
  readonly #idleMs: number;

  constructor(options: RedisStoreOptions) {
    this.#connection = new RedisConnection(options);
    this.#prefix = options.prefix ?? DEFAULT_PREFIX;
    this.#idleMs = wholeMs(options.idleMs);
  }

  /** `redis://host:port/ (REDIS_URL)`, password hidden: for logs and messages. */
  get where(): string {
    return this.#connection.where;
  }

  /** Connects now (normally the first command does): for a start-up check that fails early and clearly. */
  async connect(): Promise<void> {
    await this.#connection.ready();
  }

  async get<T>(key: string): Promise<T | undefined> {
    const stored = await this.#connection.run('GET', (client) =>
      client.eval(GET_AND_TOUCH, { keys: [this.#prefix + key], arguments: [String(this.#idleMs)] }),
    );
    return decode<T>(stored);
  }

  async set<T>(key: string, value: T, options: SetOptions = {}): Promise<void> {
    const { stored, expiresInMs } = this.#encode('set', key, value, options);
    await this.#connection.run('SET', (client) => client.set(this.#prefix + key, stored, { expiration: { type: 'PX', value: expiresInMs } }));
  }

  /** `SET … NX PX`: Redis checks and writes in one step, so of any number of callers on any instances, one writes. */
  async setIfAbsent<T>(key: string, value: T, options: SetOptions = {}): Promise<boolean> {
    const { stored, expiresInMs } = this.#encode('setIfAbsent', key, value, options);
    const reply = await this.#connection.run('SET NX', (client) =>
      client.set(this.#prefix + key, stored, { condition: 'NX', expiration: { type: 'PX', value: expiresInMs } }),
    );
    return reply !== null; // null: the key was there, nothing written
  }

  async delete(key: string): Promise<void> {
    await this.#connection.run('DEL', (client) => client.del(this.#prefix + key));
  }

  /** GETDEL: Redis runs it as one step, so of any number of callers on any instances, one gets the value. */
  async take<T>(key: string): Promise<T | undefined> {
    return decode<T>(await this.#connection.run('GETDEL', (client) => client.getDel(this.#prefix + key)));
  }

  /** GET, compare and DEL in one script: no other client's write can land between the check and the delete. */
  async deleteIf<T>(key: string, value: T): Promise<boolean> {
    const json = JSON.stringify(value);
    const deleted = await this.#connection.run('DEL IF', (client) => client.eval(DELETE_IF_EQUAL, { keys: [this.#prefix + key], arguments: [json] }));
    return deleted === 1;
  }

  /** HSET and PEXPIRE in one script, so no reader ever sees the field without the map's expiry pushed back. */
  async mapSet<T>(key: string, field: string, value: T, options: { ttlMs: number }): Promise<void> {
    const json = JSON.stringify(value);
    if (json === undefined) throw new TypeError(`RedisStateStore.mapSet("${key}", "${field}"): the value is not JSON (${typeof value})`);
    await this.#connection.run('HSET', (client) =>
      client.eval(SET_FIELD_AND_EXPIRE, { keys: [this.#prefix + key], arguments: [field, json, String(wholeMs(options.ttlMs))] }),
    );
  }

  async mapGetAll<T>(key: string): Promise<Record<string, T>> {
    const fields = await this.#connection.run('HGETALL', (client) => client.hGetAll(this.#prefix + key));
    return Object.fromEntries(Object.entries(fields).map(([field, json]) => [field, JSON.parse(json) as T]));
  }

  async mapGet<T>(key: string, field: string): Promise<T | undefined> {
    const json = await this.#connection.run('HGET', (client) => client.hGet(this.#prefix + key, field));
    return typeof json === 'string' ? (JSON.parse(json) as T) : undefined;
  }

  async mapDelete(key: string, field: string): Promise<void> {
    await this.#connection.run('HDEL', (client) => client.hDel(this.#prefix + key, field));
  }

  close(): Promise<void> {
    return this.#connection.close();
  }

  /** The tagged JSON to store and its expiry: the TTL given, or the idle time. */
  #encode(method: string, key: string, value: unknown, options: SetOptions): { stored: string; expiresInMs: number } {
    const json = JSON.stringify(value);
    if (json === undefined) throw new TypeError(`RedisStateStore.${method}("${key}"): the value is not JSON (${typeof value})`);
    const [tag, expiresInMs] = options.ttlMs === undefined ? [IDLE_TAG, this.#idleMs] : [FIXED_TTL_TAG, wholeMs(options.ttlMs)];
    return { stored: tag + json, expiresInMs };
  }
}

function decode<T>(stored: unknown): T | undefined {
  if (typeof stored !== 'string') return undefined; // null: no such key
  return JSON.parse(stored.slice(1)) as T;
}

/** PX takes a whole, positive number of milliseconds. */
function wholeMs(ms: number): number {
  return Math.max(1, Math.ceil(ms));
}
