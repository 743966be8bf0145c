/**
 * What one server instance knows: where its data comes from, which
 * strategies it runs, and the resilience state of its backend.
 *
 * With MCP 2026-07-28 an instance lives for one request (over stdio, for one
 * connection), so nothing here is kept between requests: the mock workspace
 * and the breaker/cache records come from the StateStore, keyed by who is
 * calling, and go back there after each call.
 */
import type { BackendResilience } from './resilience';
import type { Strategies } from './strategies';
import type { TodoistSource } from './source';

export interface DojoContext {
  source: TodoistSource;
  /** The canned todos the naive `mock-on-error` fallback substitutes (made only when it does). */
  canned(): TodoistSource;
  strategies: Strategies;
  /** Breaker and last-good cache of this backend (used by the `resilient` fallback). */
  resilience: BackendResilience;
  /** The workspace the data belongs to, for provenance (e.g. "default", or "throwaway" for anonymous callers). */
  workspace?: string;
  /** Whose call this is, for provenance: the tenant key and, for a signed-in user, their name. */
  tenant?: { key: string; account?: string };
  now(): Date;
  /** Called after every tool call: writes the workspace's state back to its store. */
  persist?(): Promise<void>;
}
