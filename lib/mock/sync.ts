/**
 * Todoist's Sync endpoint as the mock serves it: `POST /api/v1/sync`.
 *
 *   sync_token      "*" for everything (a full sync), else the token the last answer gave:
 *                   then only what changed since (an incremental sync)
 *   resource_types  a JSON array: ["items", "projects", "sections", "labels", "notes", "user"], ["all"]
 *   commands        optional, a JSON array of writes (sync-commands.ts), at most 100
 *
 * Todoist documents a form-encoded body; the official SDK sends the same
 * fields as JSON. Both are read, with the body capped first.
 *
 * A sync token is opaque to the client: here it carries the account's change
 * sequence and the day of the generated data it was read from, signed with
 * the workspace's secret the way cursors are (cursor.ts). An edited token, or
 * one issued to another account, is refused with 400 — the client then starts
 * over with "*". A genuine token the mock can no longer answer incrementally
 * (the workspace was reset, or its generated data moved on to a new day) gets
 * a full sync, `full_sync: true`, as Todoist answers a token too old to diff.
 */
import { readCapped } from '@/lib/http/read-body';
import { API_ERRORS, apiErrorResponse, invalidArgument } from './api-errors';
import { decodeSigned, encodeSigned } from './cursor';
import type { ApiState } from './handlers';
import { jsonResponse } from './json-response';
import { SYNC_READ_SCOPES } from './standin-oauth-scopes';
import { parseCommands, runCommands, type SyncCommand } from './sync-commands';
import { changedResources, fullResources, parseResourceTypes, type MockSyncResource } from './sync-resources';
import { syncLogOf } from './workspace-state';

export { MAX_SYNC_COMMANDS } from './sync-commands';

/** Todoist's limit on a request body. 100 commands of a few hundred bytes each fit many times over. */
export const MAX_SYNC_BODY_BYTES = 1024 * 1024;

const TOKEN_BINDING = 'sync';

interface SyncRequest {
  syncToken: string;
  resourceTypes: Set<MockSyncResource>;
  commands: SyncCommand[] | undefined;
}

export async function answerSync(request: Request, state: ApiState): Promise<Response> {
  const read = await readSyncRequest(request);
  if ('refusal' in read) return read.refusal;
  const { syncToken, resourceTypes, commands } = read.sync;
  const reads = resourceTypes.size > 0;
  if (reads && state.scopes && !SYNC_READ_SCOPES.some((scope) => state.scopes?.includes(scope))) {
    return apiErrorResponse(API_ERRORS.insufficientScope, {
      message: `Insufficient token scope: reading resources needs one of ${SYNC_READ_SCOPES.join(', ')}`,
    });
  }
  // The token is checked before any command runs: a refused request changes nothing.
  const since = reads ? changesSince(syncToken, state) : undefined;
  if (since === 'refused') {
    return invalidArgument('sync_token', 'Invalid sync token: it was not issued for this account. Send sync_token=* for a full sync.');
  }
  const outcome = commands ? runCommands(commands, state) : undefined;
  return jsonResponse({
    // Only a read moves the client's token on: a commands-only answer has none, so no change is skipped.
    ...(since !== undefined && {
      sync_token: syncTokenFor(state),
      full_sync: since === 'full',
      ...(since === 'full' ? fullResources(resourceTypes, state) : changedResources(since, resourceTypes, state)),
    }),
    ...outcome,
  });
}

/** `'full'`, the change sequence to send changes after, or `'refused'` for a token this account never issued. */
function changesSince(token: string, state: ApiState): 'full' | number | 'refused' {
  if (token === '*') return 'full';
  const payload = decodeSigned(token, TOKEN_BINDING, state.cursorSecret);
  const match = payload === undefined ? null : /^(\d+):(\d{4}-\d{2}-\d{2})$/.exec(payload);
  if (!match) return 'refused';
  const seq = Number(match[1]);
  const log = syncLogOf(state.state);
  if (seq < log.floor || seq > log.seq || match[2] !== state.store.baseDay) return 'full';
  return seq;
}

function syncTokenFor(state: ApiState): string {
  return encodeSigned(`${state.store.changeSeq}:${state.store.baseDay}`, TOKEN_BINDING, state.cursorSecret);
}

/** The request's fields, from a form or a JSON body; or the 400/413 to answer instead. */
async function readSyncRequest(request: Request): Promise<{ sync: SyncRequest } | { refusal: Response }> {
  const bytes = await readCapped(request, MAX_SYNC_BODY_BYTES);
  if (!bytes) {
    const limit = `${MAX_SYNC_BODY_BYTES.toLocaleString('en-US')} bytes`;
    return { refusal: apiErrorResponse(API_ERRORS.requestTooLarge, { message: `Request body too large: Sync accepts at most ${limit}.` }) };
  }
  const fields = bodyFields(new TextDecoder().decode(bytes), request.headers.get('content-type') ?? '');
  if (!fields) return { refusal: invalidArgument('body', 'The body must be form-encoded (or a JSON object)') };

  const syncToken = fields.sync_token ?? '*';
  if (typeof syncToken !== 'string') return { refusal: invalidArgument('sync_token', 'sync_token must be a string') };
  const typeNames = fields.resource_types === undefined ? [] : jsonArray(fields.resource_types);
  const resourceTypes = typeNames?.every((name) => typeof name === 'string') ? parseResourceTypes(typeNames as string[]) : undefined;
  if (!resourceTypes) {
    return { refusal: invalidArgument('resource_types', 'resource_types must be a JSON array of Todoist resource types, e.g. ["items","projects"] or ["all"]') };
  }
  let commands: SyncCommand[] | undefined;
  if (fields.commands !== undefined) {
    const parsed = parseCommands(jsonArray(fields.commands));
    if ('error' in parsed) return { refusal: invalidArgument('commands', parsed.error) };
    commands = parsed.commands;
  }
  if (resourceTypes.size === 0 && !commands) {
    return {
      refusal: apiErrorResponse(API_ERRORS.argumentMissing, {
        message: 'Nothing to do: send resource_types (e.g. ["all"]) and/or commands',
        extra: { argument: 'resource_types' },
      }),
    };
  }
  return { sync: { syncToken, resourceTypes, commands } };
}

/** Form fields are strings (JSON inside); a JSON body may carry the arrays as they are. */
function bodyFields(text: string, contentType: string): Record<string, unknown> | undefined {
  if (!/^application\/json\b/i.test(contentType.trim())) return Object.fromEntries(new URLSearchParams(text));
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** An array, given as one or as its JSON text; else `undefined`. */
function jsonArray(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
