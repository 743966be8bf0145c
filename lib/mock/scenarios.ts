/**
 * Scenarios: how the mock Todoist behaves, switchable at runtime.
 *
 * `faithful` follows the API contract; the fault scenarios sit on top of it and
 * break one thing each, so a lesson (or a presenter) can show what the client
 * does under that fault. `naive` is the original mock from the story — the bug
 * this whole app teaches — kept faithful to that bug.
 */
import { z } from 'zod';
import { SCENARIO_NAMES, type ScenarioName } from './scenario-names';

export { SCENARIO_DESCRIPTIONS, SCENARIO_NAMES, type ScenarioName } from './scenario-names';

/** Knobs of the fault scenarios; every one has a default a lesson can override. */
export const ScenarioSettingsSchema = z.object({
  name: z.enum(SCENARIO_NAMES),
  rateLimit: z
    .object({
      requests: z.number().int().min(0).default(5),
      windowMs: z.number().int().positive().default(10_000),
      retryAfterSeconds: z.number().min(0).default(2),
    })
    .prefault({}),
  flaky: z.object({ failureRate: z.number().min(0).max(1).default(0.3) }).prefault({}),
  slow: z.object({ delayMs: z.number().int().min(0).default(1_500) }).prefault({}),
  malformed: z
    .object({ variant: z.enum(['invalid-json', 'missing-field', 'unknown-fields']).default('invalid-json') })
    .prefault({}),
  pageFails: z
    .object({
      /** 1-based page number that fails. */
      page: z.number().int().min(1).default(2),
      /** How many times it fails before it recovers; `null` = always. */
      times: z.number().int().min(1).nullable().default(null),
    })
    .prefault({}),
});

export type ScenarioSettings = z.infer<typeof ScenarioSettingsSchema>;
export type ScenarioInput = z.input<typeof ScenarioSettingsSchema>;

export function scenarioSettings(input: ScenarioName | ScenarioInput): ScenarioSettings {
  return ScenarioSettingsSchema.parse(typeof input === 'string' ? { name: input } : input);
}
