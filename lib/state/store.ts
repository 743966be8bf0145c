/**
 * Where everything a caller's requests share lives between requests.
 *
 * With MCP 2026-07-28 there is no protocol session to hang state on, and a
 * module-level Map would tie a learner to one process. So state goes through
 * this small async interface, keyed by *who* is calling and *which
 * workspace*. The in-memory implementation is the embedded default; the Redis
 * one (redis-store.ts) implements the same calls for many app instances.
 *
 * Values are plain data (JSON-serializable), so any implementation can store
 * them. The in-memory store hands back the very object it holds: callers
 * change it in place and `set` it again when done, which is what a Redis
 * store needs and costs nothing here.
 */
export interface StateStore {
  get<T>(key: string): Promise<T | undefined>;
  /** `ttlMs`: the entry expires that long after this write, used or not (codes, tokens); without it, after idling. */
  set<T>(key: string, value: T, options?: SetOptions): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Gets and deletes in one atomic step (Redis `GETDEL`): of two callers
   * taking the same key at once, on one instance or two, exactly one gets
   * the value. What must be used once (an authorization code, a pending
   * authorization) is taken, never read and then deleted.
   */
  take<T>(key: string): Promise<T | undefined>;
  /**
   * Writes only if the key holds nothing (Redis `SET … NX`), in one atomic
   * step: of two callers at once, on one instance or two, exactly one gets
   * `true` and its value is the one kept; the other gets `false` and changes
   * nothing (not even the expiry). What must be claimed once (a webhook
   * delivery) is claimed with this, never read and then set. `options` as
   * for `set`.
   */
  setIfAbsent<T>(key: string, value: T, options?: SetOptions): Promise<boolean>;
  /**
   * Deletes the key only while it holds `value` (compared as JSON), in one
   * atomic step: what releases a lock, so a holder whose lock expired and
   * was taken by another caller never deletes the new holder's.
   */
  deleteIf<T>(key: string, value: T): Promise<boolean>;
  /**
   * A small map under one key (a Redis hash). Writes one field in one atomic
   * step, so many callers writing *different* fields at once (learners taking
   * seats in a room, on any instance) never lose each other's writes, as a
   * get-change-set of one shared object would. The same field written twice
   * is one entry (a learner who joins twice has one seat). The whole map
   * expires `ttlMs` after its last `mapSet`.
   */
  mapSet<T>(key: string, field: string, value: T, options: { ttlMs: number }): Promise<void>;
  /** Every field of the map (an empty object when there is none). */
  mapGetAll<T>(key: string): Promise<Record<string, T>>;
  /** One field of the map. */
  mapGet<T>(key: string, field: string): Promise<T | undefined>;
  /** Removes one field; the map's other fields and its expiry stay. */
  mapDelete(key: string, field: string): Promise<void>;
}

export interface SetOptions {
  ttlMs?: number;
}

/** A key under one tenant and workspace: `tenant/workspace/kind`. Parts never contain `/`. */
export function stateKey(tenant: string, workspace: string, kind: string): string {
  for (const part of [tenant, workspace, kind]) {
    if (!part || part.includes('/')) throw new Error(`stateKey: invalid key part "${part}"`);
  }
  return `${tenant}/${workspace}/${kind}`;
}
