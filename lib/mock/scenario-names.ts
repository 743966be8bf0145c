/**
 * The mock's scenario names and what each one does, as plain data: the lesson
 * panel shows them without downloading the scenario schemas (zod) that the
 * server validates with. scenarios.ts re-exports them.
 */

export const SCENARIO_NAMES = [
  'naive',
  'faithful',
  'rate-limited',
  'flaky',
  'slow',
  'timeout',
  'down',
  'malformed',
  'page-fails',
  'unauthorized',
  'forbidden-scope',
] as const;

export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export const SCENARIO_DESCRIPTIONS: Record<ScenarioName, string> = {
  naive: 'The original mock: a fixed list of 12 todos in one response; ignores the token and every parameter.',
  faithful: 'Contract-true Todoist API v1: cursor pagination, limits, JSON error bodies, auth.',
  'rate-limited': 'Answers 429 with retry_after (body and Retry-After header) once too many requests arrive in a window.',
  flaky: 'A share of requests fail with 500, 502 or 503.',
  slow: 'Every response is delayed.',
  timeout: 'Never answers; only the client giving up (abort) ends the request.',
  down: 'The network fails: no HTTP answer at all.',
  malformed: 'Successful status, broken body: invalid JSON, a missing required field, or unknown extra fields.',
  'page-fails': 'One page of every listing fails with 500.',
  unauthorized: 'Every request gets 401, as with a revoked token.',
  'forbidden-scope': 'Every request gets 403 AUTH_INSUFFICIENT_TOKEN_SCOPE, as with a token lacking data:read_write.',
};
