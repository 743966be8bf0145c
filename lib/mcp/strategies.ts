/**
 * Strategies: the seam the lessons flip between the code that caused the
 * original failure (`naive`) and the code that fixes it (`production`).
 * Production is the default everywhere; naive exists only to be shown failing.
 */
import { z } from 'zod';
import { OUTPUTS, READS, type STRATEGIES } from './setting-choices';

export const StrategiesSchema = z.object({
  /** `first-page`: one request, `next_cursor` ignored — the most common bug in the field. */
  pagination: z.enum(['first-page', 'all-pages']),
  /**
   * `mock-on-error`: the story's bug — on any failure, canned todos, silently.
   * `honest`: no retries; a clear error that says what failed and what to do.
   * `resilient`: retries with backoff, a circuit breaker, and the last good answer labelled stale — else honest.
   */
  fallback: z.enum(['mock-on-error', 'honest', 'resilient']),
  /** `raw`: the API's JSON dumped as text; `compact`: one line per task. */
  output: z.enum(OUTPUTS),
  /**
   * How an unfiltered read of every active task is made, when the pagination strategy reads everything.
   * `pages`: the cursor loop over GET /tasks, ceil(n/200) requests. `sync`: one full sync (`sync_token=*`,
   * items only), one request whatever n is. A filtered read always pages: Sync cannot filter, so a full
   * sync for one project would fetch the whole account.
   */
  fullRead: z.enum(READS),
});

export type Strategies = z.infer<typeof StrategiesSchema>;

/**
 * Production reads an unfiltered list by one full sync: 1 request whatever the size, where the cursor loop
 * makes ceil(n/200) — 25 for 5,000 tasks — for about the same bytes. Its price is Sync's own quota: 100 full
 * syncs per user per 15 minutes (one every 9 s), against ~1,000 REST requests. That is 100 full reads of a
 * 5,000-task account where paging allows 40; at 200 tasks or fewer both take one request and paging's quota is
 * the larger, so a small account gains nothing. Keeping a list current is incremental sync's job
 * (lib/realtime/replica.ts), not repeated full reads. Lesson 3 pins `read=pages`: the loop is what it teaches.
 */
export const PRODUCTION_STRATEGIES: Strategies = { pagination: 'all-pages', fallback: 'resilient', output: 'compact', fullRead: 'sync' };
/** The naive code never knew Sync; it reads one page anyway. */
export const NAIVE_STRATEGIES: Strategies = { pagination: 'first-page', fallback: 'mock-on-error', output: 'raw', fullRead: 'pages' };

/** One preset per strategy the endpoint accepts, and no other. */
export const STRATEGY_PRESETS = { production: PRODUCTION_STRATEGIES, naive: NAIVE_STRATEGIES } as const satisfies Record<(typeof STRATEGIES)[number], Strategies>;
export type StrategyPreset = keyof typeof STRATEGY_PRESETS;

/** What a request may say about its strategies: a preset, and the settings that override one field of it. */
export interface StrategyChoice {
  strategy: StrategyPreset;
  output?: Strategies['output'];
  read?: Strategies['fullRead'];
}

/** The preset with the request's overrides: `output` (lesson 5 compares raw and compact) and `read` (lesson 3 pins pages). */
export function strategiesFor({ strategy, output, read }: StrategyChoice): Strategies {
  return { ...STRATEGY_PRESETS[strategy], ...(output && { output }), ...(read && { fullRead: read }) };
}
