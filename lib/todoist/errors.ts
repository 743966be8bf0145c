/**
 * Typed errors of the Todoist client.
 *
 * Each failure mode gets its own class so callers (retry policy, fallback, the
 * lessons' timeline) can decide what to do without parsing message strings.
 * Messages say what failed, why, and what to do — and never contain the token.
 */
import { describeTodoistIdRule } from './ids';
import type { TodoistErrorBody } from './schemas';

export type TodoistErrorKind = 'api' | 'network' | 'timeout' | 'invalid-response' | 'invalid-id';

export abstract class TodoistError extends Error {
  abstract readonly kind: TodoistErrorKind;
  /** Whether trying the same request again may succeed. */
  abstract readonly retryable: boolean;
  constructor(
    message: string,
    readonly method: string,
    readonly path: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);

/** The API answered with an error status (4xx/5xx). */
export class TodoistApiError extends TodoistError {
  readonly kind = 'api';
  readonly retryable: boolean;
  constructor(
    method: string,
    path: string,
    readonly status: number,
    /** Parsed error body, when the API sent one in the documented shape. */
    readonly body: TodoistErrorBody | undefined,
    /** Backoff advice in seconds: the larger of `error_extra.retry_after` and `Retry-After`. */
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(describeApiError(method, path, status, body), method, path);
    this.retryable = RETRYABLE_STATUSES.has(status);
  }
  get tag(): string | undefined {
    return this.body?.error_tag;
  }
  get code(): number | undefined {
    return this.body?.error_code;
  }
}

/** The request never got an HTTP answer (DNS, refused connection, reset). */
export class TodoistNetworkError extends TodoistError {
  readonly kind = 'network';
  readonly retryable = true;
  constructor(method: string, path: string, cause: unknown) {
    super(
      `${method} ${path} failed: the Todoist API could not be reached (${errorText(cause)}). ` +
        'Check the network and TODOIST_API_BASE_URL.',
      method,
      path,
      { cause },
    );
  }
}

/** No answer within the client's timeout; the request was aborted. */
export class TodoistTimeoutError extends TodoistError {
  readonly kind = 'timeout';
  readonly retryable = true;
  constructor(
    method: string,
    path: string,
    readonly timeoutMs: number,
  ) {
    super(
      `${method} ${path} timed out after ${timeoutMs} ms: the Todoist API did not answer. ` +
        'It may be slow or down; try again later.',
      method,
      path,
    );
  }
}

/** The API answered 2xx but the body is not JSON or not the documented shape. */
export class TodoistInvalidResponseError extends TodoistError {
  readonly kind = 'invalid-response';
  readonly retryable = false;
  constructor(
    method: string,
    path: string,
    readonly reason: string,
    /** Zod issue paths such as `results.3.priority`, when the shape was wrong. */
    readonly issuePaths: string[] = [],
  ) {
    super(
      `${method} ${path} returned an invalid response: ${reason}. ` +
        'The data was not used. If this persists, the API may have changed; report it.',
      method,
      path,
    );
  }
}

/**
 * The client refused to build a request path from an id that is not a Todoist
 * id: nothing was sent. The message gives the id's length, never the id itself
 * (it may be huge, or made to look like part of a message).
 */
export class TodoistInvalidIdError extends TodoistError {
  readonly kind = 'invalid-id';
  readonly retryable = false;
  constructor(
    method: string,
    /** The endpoint's template, e.g. `tasks/{id}/close`. */
    path: string,
    id: string,
  ) {
    super(`${method} ${path} was not sent: the id is not ${describeTodoistIdRule()} (got ${id.length} characters).`, method, path);
  }
}

function describeApiError(
  method: string,
  path: string,
  status: number,
  body: TodoistErrorBody | undefined,
): string {
  const argument = body?.error_extra.argument;
  // Todoist names the refused argument in error_extra, not always in its message.
  const which = typeof argument === 'string' ? `, argument "${argument}"` : '';
  const detail = body ? `${body.error} (${body.error_tag}${which})` : `HTTP ${status}`;
  return `${method} ${path} failed with ${status}: ${detail}. ${adviceFor(status, body?.error_tag, method)}`;
}

function adviceFor(status: number, tag: string | undefined, method: string): string {
  if (status === 401) return 'The token is missing, wrong or revoked: set a valid TODOIST_API_TOKEN.';
  // Todoist keeps deleting apart: data:read_write does not cover a DELETE.
  if (tag === 'AUTH_INSUFFICIENT_TOKEN_SCOPE')
    return `The token lacks the scope this call needs: create a token with ${method === 'DELETE' ? 'data:delete' : 'data:read_write'}.`;
  if (status === 403) return 'The token is not allowed to do this.';
  if (status === 404) return 'The object does not exist or is not visible to this user.';
  if (status === 429) return 'Rate limited: wait before retrying.';
  if (status >= 500) return 'Todoist had a server error: retry later.';
  if (status === 413) return 'The request body was too large for Todoist: a text argument is too long.';
  if (status === 414 || status === 431) return 'The request URL was too long for Todoist: an id or a filter query is too long.';
  return 'The request was rejected: check its arguments.';
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
