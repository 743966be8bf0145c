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
