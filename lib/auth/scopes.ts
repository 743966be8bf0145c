/**
 * Our scopes (what an MCP client may do here) and the Todoist scopes we ask
 * for on the user's behalf. The two vocabularies differ on purpose: the MCP
 * client never sees, and cannot ask for, Todoist's own permissions.
 */
export const SCOPES_SUPPORTED = ['tasks:read', 'tasks:write'] as const;
export type Scope = (typeof SCOPES_SUPPORTED)[number];

/** Without a `scope` parameter a client gets everything it may ask for. */
export const DEFAULT_SCOPES: Scope[] = ['tasks:read', 'tasks:write'];

/** Space-separated scopes (RFC 6749 §3.3), or `undefined` when one is not ours. */
export function parseScopes(value: string | null | undefined): Scope[] | undefined {
  if (value === null || value === undefined || value.trim() === '') return [...DEFAULT_SCOPES];
  const asked = [...new Set(value.trim().split(/\s+/))];
  if (!asked.every((scope): scope is Scope => (SCOPES_SUPPORTED as readonly string[]).includes(scope))) return undefined;
  return asked;
}

/** What Todoist is asked for when the client may write: changes, and deletions, which Todoist grants apart. */
export const TODOIST_WRITE_SCOPES = 'data:read_write,data:delete';

/** The least Todoist access that serves these scopes (Todoist separates its scopes with commas). */
export function upstreamScopeFor(scopes: readonly string[]): 'data:read' | typeof TODOIST_WRITE_SCOPES {
  return scopes.includes('tasks:write') ? TODOIST_WRITE_SCOPES : 'data:read';
}
