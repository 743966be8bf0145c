/**
 * Reads through Todoist's Sync endpoint: `POST /api/v1/sync`, form-encoded.
 *
 * `sync_token=*` answers with everything in one response (a few hundred KB for
 * 5,000 tasks, where paging takes 25 requests); the token it returns asks,
 * next time, for only what changed since — a completed task is one item with
 * `checked: true`, a deleted one `is_deleted: true`. Keeping the token is the
 * caller's job (lib/realtime/replica.ts).
 *
 * Like the REST client (and with its helpers, so the two cannot drift), it
 * goes through the Transport seam, schema-checks every success, and turns
 * every failure into the typed errors of ./errors (401, 403, 429 with its
 * retry_after, 5xx, a body that is not JSON or not the shape). The token
 * travels only in the Authorization header.
 */
import { apiErrorFrom, parseSuccessBody, type RequestExecutor } from './client';
import { TodoistApiError, TodoistNetworkError, TodoistTimeoutError } from './errors';
import { SyncResponseSchema, type SyncCommand, type SyncResourceType, type SyncResponse } from './sync-schemas';
import { DEFAULT_TODOIST_BASE_URL, type Transport } from './transport';

export interface SyncConnection {
  transport: Transport;
  token: string;
  /** Defaults to https://api.todoist.com/api/v1. */
  baseUrl?: string;
  /** Per request; the API itself gives up after 15 s. */
  timeoutMs?: number;
  /** Wraps the request (retry, breaker); by default it runs once. */
  execute?: RequestExecutor;
}

export interface SyncReadRequest {
  /** `*` (FULL_SYNC_TOKEN) for everything, else the token of the last answer. */
  syncToken: string;
  resourceTypes: readonly SyncResourceType[];
  /** Writes to apply first (at most 100); their outcomes are in `sync_status`. */
  commands?: readonly SyncCommand[];
  signal?: AbortSignal;
}

export interface SyncReadResult {
  response: SyncResponse;
  /** The response body's size as received: what a refresh costs on the wire. */
  bytes: number;
}

const METHOD = 'POST';
const PATH = 'sync';
export const MAX_SYNC_COMMANDS = 100;

export async function syncRead(connection: SyncConnection, request: SyncReadRequest): Promise<SyncReadResult> {
  if ((request.commands?.length ?? 0) > MAX_SYNC_COMMANDS) {
    throw new RangeError(`syncRead: at most ${MAX_SYNC_COMMANDS} commands per request (got ${request.commands?.length}); send them in batches.`);
  }
  const execute = connection.execute ?? ((_label, attempt) => attempt());
  return execute(`${METHOD} ${PATH}`, (signal) => attemptSync(connection, request, signal));
}

/** True when Todoist refused the sync token itself (expired, foreign, made up): start over with a full sync. */
export function isInvalidSyncTokenError(error: unknown): error is TodoistApiError {
  if (!(error instanceof TodoistApiError) || error.status !== 400) return false;
  const argument = error.body?.error_extra.argument;
  return argument === 'sync_token' || /SYNC_TOKEN/.test(error.tag ?? '');
}

async function attemptSync(connection: SyncConnection, request: SyncReadRequest, executorSignal?: AbortSignal): Promise<SyncReadResult> {
  const timeoutMs = connection.timeoutMs ?? 15_000;
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const callerSignals = [request.signal, executorSignal].filter((signal): signal is AbortSignal => signal !== undefined);
  const signal = AbortSignal.any([timeout.signal, ...callerSignals]);
  try {
    const response = await send(connection, request, signal);
    // Reading the body is part of the request: a stalled body times out too.
    const text = await response.text();
    const bytes = new TextEncoder().encode(text).byteLength;
    if (!response.ok) throw apiErrorFrom(METHOD, PATH, response, text);
    return { response: parseSuccessBody(METHOD, PATH, text, SyncResponseSchema), bytes };
  } catch (error) {
    if (timeout.signal.aborted && !callerSignals.some((each) => each.aborted)) throw new TodoistTimeoutError(METHOD, PATH, timeoutMs);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

async function send(connection: SyncConnection, request: SyncReadRequest, signal: AbortSignal): Promise<Response> {
  const form = new URLSearchParams({ sync_token: request.syncToken, resource_types: JSON.stringify(request.resourceTypes) });
  if (request.commands?.length) form.set('commands', JSON.stringify(request.commands));
  const baseUrl = (connection.baseUrl ?? DEFAULT_TODOIST_BASE_URL).replace(/\/+$/, '');
  const httpRequest = new Request(`${baseUrl}/${PATH}`, {
    method: METHOD,
    headers: { Authorization: `Bearer ${connection.token}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form,
    signal,
  });
  try {
    return await connection.transport(httpRequest);
  } catch (error) {
    if (signal.aborted) throw error; // a timeout or the caller's abort: attemptSync says which
    throw new TodoistNetworkError(METHOD, PATH, error);
  }
}
