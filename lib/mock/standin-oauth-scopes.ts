/**
 * Todoist's OAuth scopes, as the stand-in grants and enforces them.
 *
 * A token carries the scopes the person agreed to on the consent page, and
 * every API request is checked against them: a `data:read` token that tries
 * to write gets 403 `AUTH_INSUFFICIENT_TOKEN_SCOPE`, as from Todoist. That is
 * the upstream half of least privilege; our own MCP scopes are the other.
 */

/** Every scope Todoist knows, with the words the consent page shows for it. */
export const TODOIST_SCOPES = {
  'task:add': 'Add new tasks (and nothing else)',
  'data:read': 'Read your tasks, projects, sections, labels and comments',
  'data:read_write': 'Read and change your tasks, projects, sections, labels and comments',
  'data:delete': 'Delete your tasks, labels and filters',
  'project:delete': 'Delete your projects',
  'backups:read': 'Read your backups',
} as const;

export type TodoistScope = keyof typeof TODOIST_SCOPES;

export function isTodoistScope(value: string): value is TodoistScope {
  return Object.hasOwn(TODOIST_SCOPES, value);
}

/**
 * The scopes of an authorize request. Todoist separates them with commas;
 * spaces (OAuth's usual separator) are accepted too. `undefined` when there are
 * none or one is unknown: the consent page must never under- or over-state
 * what the app asks for.
 */
export function parseTodoistScopes(value: string | null): TodoistScope[] | undefined {
  const names = (value ?? '').split(/[\s,]+/).filter(Boolean);
  if (names.length === 0 || !names.every(isTodoistScope)) return undefined;
  return [...new Set(names)];
}

/** Which scopes let a request through: any one of them is enough. `path` is the API path, e.g. `/api/v1/tasks`. */
export function scopesAllowing(method: string, path: string): TodoistScope[] {
  if (method === 'GET' || method === 'HEAD') return ['data:read', 'data:read_write'];
  if (method === 'DELETE') return path.includes('/projects/') ? ['project:delete'] : ['data:delete'];
  if (method === 'POST' && /\/tasks\/?$/.test(path)) return ['task:add', 'data:read_write'];
  // Sync reads with data:read and writes with commands: each command checks its own scope (scopesForSyncCommand).
  if (method === 'POST' && /\/sync\/?$/.test(path)) return ['data:read', 'data:read_write', 'task:add'];
  return ['data:read_write'];
}

/** The scopes that let one Sync command through, as the REST call it stands for (`item_delete` is a DELETE). */
export function scopesForSyncCommand(type: string): TodoistScope[] {
  if (type === 'item_add') return ['task:add', 'data:read_write'];
  if (type === 'item_delete') return ['data:delete'];
  return ['data:read_write'];
}

/** Sync's resources are reads: a token that may only add tasks gets none. */
export const SYNC_READ_SCOPES: readonly TodoistScope[] = ['data:read', 'data:read_write'];

export function grantsAllow(granted: readonly TodoistScope[], method: string, path: string): boolean {
  return scopesAllowing(method, path).some((scope) => granted.includes(scope));
}
