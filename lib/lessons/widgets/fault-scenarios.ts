/**
 * The faults the "Break the upstream" widget (lesson 4) can inject into its
 * mock Todoist, with knobs sized for a live demo: each one shows its effect
 * within seconds. A fault is switched on the widget's workspace through this
 * app's POST /api/mcp/scenario?workspace=… — the workspace keeps its breaker
 * and cache between runs.
 */
import type { ScenarioInput } from '@/lib/mock/scenarios';

export interface Fault {
  /** Unique; also what the button says. */
  id: string;
  scenario: ScenarioInput;
  /** One line: what it simulates, and what to watch for. */
  simulates: string;
}

export const FAULTS: readonly Fault[] = [
  {
    id: 'faithful',
    scenario: { name: 'faithful' },
    simulates: 'All is well again. An open breaker still refuses calls until its 20 s cooldown lets one probe through.',
  },
  {
    id: 'rate-limited',
    scenario: { name: 'rate-limited', rateLimit: { requests: 1, windowMs: 4_000, retryAfterSeconds: 2 } },
    simulates: 'One request per 4 s; the next gets 429 with retry_after. The wait is at least what the server asked.',
  },
  {
    id: 'flaky',
    scenario: { name: 'flaky', flaky: { failureRate: 0.6 } },
    simulates: '60 % of requests fail with 500, 502 or 503. Retries often get through; three failures in a row open the breaker.',
  },
  {
    id: 'slow',
    scenario: { name: 'slow', slow: { delayMs: 1_500 } },
    simulates: 'Every response takes 1.5 s: slower, but inside the 5 s request timeout, so nothing is retried.',
  },
  {
    id: 'timeout',
    scenario: { name: 'timeout' },
    simulates: 'The API never answers. Each attempt is cut off after 5 s; the 15 s deadline ends the call.',
  },
  {
    id: 'down',
    scenario: { name: 'down' },
    simulates: 'No HTTP answer at all (network error). After 3 outages the breaker opens: later calls send no request.',
  },
  {
    id: 'malformed: invalid-json',
    scenario: { name: 'malformed', malformed: { variant: 'invalid-json' } },
    simulates: '200 OK with a body cut in half. Not retried: it would break the same way again.',
  },
  {
    id: 'malformed: missing-field',
    scenario: { name: 'malformed', malformed: { variant: 'missing-field' } },
    simulates: '200 OK, but the third task has no priority. The schema check names the field.',
  },
  {
    id: 'page-fails',
    scenario: { name: 'page-fails', pageFails: { page: 1, times: 2 } },
    simulates: 'The first page fails with 500 twice, then works: two retries, and the answer is live. Click again to re-arm.',
  },
];

export const RECOVERED: Fault = FAULTS[0]!;
