/**
 * Strategies: the seam the lessons flip between the code that caused the
 * original failure (`naive`) and the code that fixes it (`production`).
 * Production is the default everywhere; naive exists only to be shown failing.
 */
import { z } from 'zod';
import { OUTPUTS, type STRATEGIES } from './setting-choices';

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
});

export type Strategies = z.infer<typeof StrategiesSchema>;

export const PRODUCTION_STRATEGIES: Strategies = { pagination: 'all-pages', fallback: 'resilient', output: 'compact' };
export const NAIVE_STRATEGIES: Strategies = { pagination: 'first-page', fallback: 'mock-on-error', output: 'raw' };

/** One preset per strategy the endpoint accepts, and no other. */
export const STRATEGY_PRESETS = { production: PRODUCTION_STRATEGIES, naive: NAIVE_STRATEGIES } as const satisfies Record<(typeof STRATEGIES)[number], Strategies>;
export type StrategyPreset = keyof typeof STRATEGY_PRESETS;
