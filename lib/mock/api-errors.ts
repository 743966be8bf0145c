/**
 * Todoist's error responses, as the mock sends them: always a JSON body
 * `{error, error_code, error_extra, error_tag, http_code}` — the same shape the
 * real API sends, so the client's error handling is exercised for real.
 */
import { jsonResponse } from './json-response';

interface ErrorSpec {
  status: number;
  tag: string;
  code: number;
  message: string;
}

export const API_ERRORS = {
  invalidArgument: { status: 400, tag: 'INVALID_ARGUMENT_VALUE', code: 20, message: 'Invalid argument value' },
  argumentMissing: { status: 400, tag: 'ARGUMENT_MISSING', code: 19, message: 'Required argument is missing' },
  invalidSearchQuery: { status: 400, tag: 'INVALID_SEARCH_QUERY', code: 482, message: 'Invalid search query' },
  unauthorized: { status: 401, tag: 'UNAUTHORIZED', code: 401, message: 'Unauthorized' },
  insufficientScope: {
    status: 403,
    tag: 'AUTH_INSUFFICIENT_TOKEN_SCOPE',
    code: 403,
    message: 'Insufficient token scope',
  },
  notFound: { status: 404, tag: 'NOT_FOUND', code: 478, message: 'Not found' },
  tooManyRequests: { status: 429, tag: 'TOO_MANY_REQUESTS', code: 429, message: 'Too many requests' },
  internal: { status: 500, tag: 'INTERNAL_SERVER_ERROR', code: 500, message: 'Internal server error' },
  badGateway: { status: 502, tag: 'BAD_GATEWAY', code: 502, message: 'Bad gateway' },
  unavailable: { status: 503, tag: 'SERVICE_UNAVAILABLE', code: 503, message: 'Service unavailable' },
  notImplemented: { status: 501, tag: 'NOT_IMPLEMENTED', code: 501, message: 'Not implemented by the mock' },
  requestTooLarge: { status: 413, tag: 'REQUEST_TOO_LARGE', code: 413, message: 'Request entity too large' },
  /** A Sync command's task does not exist (or is not this account's): Todoist's code 22. */
  itemNotFound: { status: 404, tag: 'ITEM_NOT_FOUND', code: 22, message: 'Item not found' },
} satisfies Record<string, ErrorSpec>;

/** Todoist's error body: a response's, and a failed Sync command's `sync_status` entry. */
export interface TodoistErrorBody {
  error: string;
  error_code: number;
  error_extra: Record<string, unknown>;
  error_tag: string;
  http_code: number;
}

/** A Sync command's outcome, per uuid: "ok" or the error that command alone met. */
export type SyncCommandStatus = 'ok' | TodoistErrorBody;

let eventCounter = 0;

export function apiErrorBody(spec: ErrorSpec, options: { message?: string; extra?: Record<string, unknown> } = {}): TodoistErrorBody {
  eventCounter += 1;
  return {
    error: options.message ?? spec.message,
    error_code: spec.code,
    error_extra: { event_id: `mock-${eventCounter.toString(16).padStart(8, '0')}`, ...options.extra },
    error_tag: spec.tag,
    http_code: spec.status,
  };
}

export function apiErrorResponse(
  spec: ErrorSpec,
  options: { message?: string; extra?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Response {
  return jsonResponse(apiErrorBody(spec, options), { status: spec.status, headers: options.headers });
}

/** 400 INVALID_ARGUMENT_VALUE naming the argument, as Todoist does. */
export function invalidArgument(argument: string, message?: string): Response {
  return apiErrorResponse(API_ERRORS.invalidArgument, {
    message: message ?? `Invalid argument value: ${argument}`,
    extra: { argument },
  });
}

export function notFound(what: string): Response {
  return apiErrorResponse(API_ERRORS.notFound, { message: `${what} not found` });
}
