/**
 * The OAuth scopes of this MCP server. Reading tasks needs `tasks:read`;
 * anything that changes the user's Todoist also needs `tasks:write`, so a
 * client signed in for reading only gets `403 insufficient_scope` on a write,
 * names the scope it lacks, and can ask the user for more (step-up).
 */
import { requireScopes, type ScopeChallengeHandler, type ToolAnnotations } from '@modelcontextprotocol/server';

export const TASKS_READ = 'tasks:read';
export const TASKS_WRITE = 'tasks:write';
export const SUPPORTED_SCOPES = [TASKS_READ, TASKS_WRITE] as const;

/**
 * What a tool needs: read-only tools `tasks:read`, every other tool both —
 * delete_task too: deleting is a write, and it also asks the user first
 * (./confirmation). A scope says what a client may do, a confirmation that
 * the user wants it done now: neither replaces the other.
 */
export function scopesForTool(annotations: ToolAnnotations): [string, ...string[]] {
  return annotations.readOnlyHint === true ? [TASKS_READ] : [TASKS_READ, TASKS_WRITE];
}

/** The SDK answers 403 with a `WWW-Authenticate` scope challenge before the tool runs. */
export function toolScopeChallenge(annotations: ToolAnnotations): ScopeChallengeHandler {
  return requireScopes(...scopesForTool(annotations));
}
