/**
 * The fault layer: MSW handlers that run before the faithful API and break one
 * thing, according to the backend's current scenario. A resolver that returns
 * nothing lets the request fall through to the next handler — so `slow` just
 * waits and falls through, while `down` answers with a network error.
 */
import { getResponse, http, HttpResponse, type RequestHandler } from 'msw';
import { jsonResponse } from './json-response';
import { API_ERRORS, apiErrorResponse } from './api-errors';
import { requestedPage, type ApiState } from './handlers';
import type { ScenarioSettings } from './scenarios';
import type { FaultCounters } from './workspace-state';

/** What the fault layer needs from a mock backend. */
export interface FaultState extends ApiState {
  readonly scenario: ScenarioSettings;
  /** Milliseconds, injectable so the rate-limit window is testable. */
  now(): number;
  /** Seeded randomness, so `flaky` fails the same requests on every run. */
  random(): number;
  /** Mutable counters of the fault scenarios; reset when the scenario changes. */
  readonly faultCounters: FaultCounters;
}

const LIST_PATHS = new Set(['tasks', 'tasks/filter', 'projects', 'sections', 'labels', 'comments']);

/** Built once and shared, like the API handlers: `stateFor` names the backend a request is for. */
export function createFaultHandlers(stateFor: (request: Request) => FaultState, apiHandlers: RequestHandler[]): RequestHandler[] {
  return [
    http.all('*/api/v1/*', async ({ request }) => {
      const state = stateFor(request);
      const { scenario } = state;
      switch (scenario.name) {
        case 'naive':
        case 'faithful':
          return undefined;
        case 'unauthorized':
          return apiErrorResponse(API_ERRORS.unauthorized, { message: 'Invalid token' });
        case 'forbidden-scope':
          return apiErrorResponse(API_ERRORS.insufficientScope, { extra: { needed_scope: 'data:read_write' } });
        case 'down':
          return HttpResponse.error();
        case 'timeout':
          await waitUnlessAborted(Number.POSITIVE_INFINITY, request.signal);
          return HttpResponse.error(); // only reached once the client gave up
        case 'slow':
          await waitUnlessAborted(scenario.slow.delayMs, request.signal);
          return undefined;
        case 'rate-limited':
          return rateLimit(state);
        case 'flaky':
          return state.random() < scenario.flaky.failureRate ? randomServerError(state) : undefined;
        case 'page-fails':
          return failPage(state, request);
        case 'malformed':
          return malform(scenario.malformed.variant, await getResponse(apiHandlers, request));
      }
    }),
  ];
}

/** Resolves after `ms`, or as soon as the request is aborted (MSW's own delay ignores aborts). */
export function waitUnlessAborted(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = Number.isFinite(ms) ? setTimeout(done, ms) : undefined;
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

function rateLimit(state: FaultState): Response | undefined {
  const { requests, windowMs, retryAfterSeconds } = state.scenario.rateLimit;
  const counters = state.faultCounters;
  const now = state.now();
  if (now - counters.windowStart >= windowMs) {
    counters.windowStart = now;
    counters.windowRequests = 0;
  }
  counters.windowRequests += 1;
  if (counters.windowRequests <= requests) return undefined;
  // Todoist sends the advice in the body; the header is sent too, to exercise "read both, take the larger".
  const secondsLeft = Math.max(retryAfterSeconds, Math.ceil((counters.windowStart + windowMs - now) / 1000));
  return apiErrorResponse(API_ERRORS.tooManyRequests, {
    extra: { retry_after: retryAfterSeconds },
    headers: { 'Retry-After': String(secondsLeft) },
  });
}

function randomServerError(state: FaultState): Response {
  const errors = [API_ERRORS.internal, API_ERRORS.badGateway, API_ERRORS.unavailable];
  return apiErrorResponse(errors[Math.floor(state.random() * errors.length)] ?? API_ERRORS.internal);
}

function failPage(state: FaultState, request: Request): Response | undefined {
  const path = new URL(request.url).pathname.replace(/^.*\/api\/v1\//, '');
  if (request.method !== 'GET' || !LIST_PATHS.has(path)) return undefined;
  const { page, times } = state.scenario.pageFails;
  if (requestedPage(request, state, path) !== page) return undefined;
  if (times !== null && state.faultCounters.pageFailures >= times) return undefined;
  state.faultCounters.pageFailures += 1;
  return apiErrorResponse(API_ERRORS.internal, { message: `Internal server error (page ${page})` });
}

type MalformedVariant = ScenarioSettings['malformed']['variant'];

/** Keeps the status, breaks the body. Errors and empty bodies pass unchanged. */
async function malform(variant: MalformedVariant, response: Response | undefined): Promise<Response | undefined> {
  if (!response || !response.ok || response.status === 204) return response;
  const body: unknown = await response.json();
  if (variant === 'invalid-json') {
    const text = JSON.stringify(body);
    return new HttpResponse(`${text.slice(0, Math.floor(text.length / 2))}<html>502 Bad Gateway`, {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    });
  }
  const objects = objectsOf(body);
  objects.forEach((object, index) => {
    if (typeof object !== 'object' || object === null) return;
    const record = object as Record<string, unknown>;
    if (variant === 'missing-field' && index === Math.min(2, objects.length - 1)) {
      // Drift in one object of the page: the kind of change that breaks a client quietly.
      delete record[requiredFieldOf(record)];
    }
    if (variant === 'unknown-fields') {
      record.x_experiment_bucket = 'b';
      record.v2_meta = { rollout: 0.5 };
    }
  });
  return jsonResponse(body as Record<string, unknown>, { status: response.status });
}

/** The objects a body carries: a page's results, a Sync answer's items, or the body itself. */
function objectsOf(body: unknown): unknown[] {
  const record = typeof body === 'object' && body !== null ? (body as { results?: unknown; items?: unknown }) : {};
  if (Array.isArray(record.results)) return record.results;
  if (Array.isArray(record.items) && record.items.length > 0) return record.items;
  return [body];
}

function requiredFieldOf(record: Record<string, unknown>): string {
  if ('priority' in record) return 'priority';
  if ('name' in record) return 'name';
  return 'id';
}
