/**
 * Scenarios: how the mock Todoist behaves, switchable at runtime.
 *
 * `faithful` follows the API contract; the fault scenarios sit on top of it and
 * break one thing each, so a lesson (or a presenter) can show what the client
 * does under that fault. `naive` is the original mock from the story — the bug
 * this whole app teaches — kept faithful to that bug.
 *
 * Every knob is bounded: a scenario arrives over HTTP (the lesson panel, the
 * stand-in's control route), and an unbounded delay holds requests open — or,
 * above 2^31-1 ms, overflows Node's timer into a 1 ms delay.
 */
import { z } from 'zod';
import { SCENARIO_NAMES, type ScenarioName } from './scenario-names';

export { SCENARIO_DESCRIPTIONS, SCENARIO_NAMES, type ScenarioName } from './scenario-names';

/** A whole number within bounds; one message says the rule, whatever was wrong (1.5, "100", 10^10). */
function wholeNumber(unit: string, min: number, max: number, orElse = '') {
  const rule = `must be a whole number of ${unit} from ${min} to ${max}${orElse}`;
  return z.number({ error: rule }).int({ error: rule }).min(min, { error: rule }).max(max, { error: rule });
}

function numberWithin(min: number, max: number, unit?: string) {
  const rule = `must be a number${unit ? ` of ${unit}` : ''} from ${min} to ${max}`;
  return z.number({ error: rule }).min(min, { error: rule }).max(max, { error: rule });
}

function oneOf<const Values extends readonly [string, ...string[]]>(values: Values) {
  return z.enum(values, { error: `must be one of: ${values.join(', ')}` });
}

/** Knobs of the fault scenarios; every one has a default a lesson can override. */
export const ScenarioSettingsSchema = z.object({
  name: oneOf(SCENARIO_NAMES),
  rateLimit: z
    .object({
      requests: wholeNumber('requests', 0, 1_000).default(5),
      windowMs: wholeNumber('milliseconds', 1, 3_600_000).default(10_000),
      retryAfterSeconds: numberWithin(0, 3_600, 'seconds').default(2),
    })
    .prefault({}),
  flaky: z.object({ failureRate: numberWithin(0, 1).default(0.3) }).prefault({}),
  // A minute at most: the client gives up after 15 s anyway; `timeout` is the scenario that never answers.
  slow: z.object({ delayMs: wholeNumber('milliseconds', 0, 60_000).default(1_500) }).prefault({}),
  malformed: z
    .object({ variant: oneOf(['invalid-json', 'missing-field', 'unknown-fields']).default('invalid-json') })
    .prefault({}),
  pageFails: z
    .object({
      /** 1-based page number that fails. */
      page: wholeNumber('pages', 1, 1_000).default(2),
      /** How many times it fails before it recovers; `null` = always. */
      times: wholeNumber('times', 1, 1_000, ', or null (always)').nullable().default(null),
    })
    .prefault({}),
});

export type ScenarioSettings = z.infer<typeof ScenarioSettingsSchema>;
export type ScenarioInput = z.input<typeof ScenarioSettingsSchema>;

/**
 * Reads a scenario from untrusted input (a request body): the settings, or one
 * line naming the first wrong option and its bounds, e.g.
 * "Invalid scenario: slow.delayMs must be a whole number of milliseconds from 0 to 60000".
 */
export function parseScenario(input: unknown): { settings: ScenarioSettings } | { error: string } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { error: 'Invalid scenario: must be an object such as {"name":"slow"}' };
  }
  const parsed = ScenarioSettingsSchema.safeParse(input);
  if (parsed.success) return { settings: parsed.data };
  const [first, ...more] = parsed.error.issues;
  const others = more.length ? ` (and ${more.length} more problem${more.length > 1 ? 's' : ''})` : '';
  // Stryker disable next-line OptionalChaining: equivalent — a failed parse always has a first issue
  return { error: `Invalid scenario: ${first?.path.join('.')} ${first?.message}${others}` };
}

export function scenarioSettings(input: ScenarioName | ScenarioInput): ScenarioSettings {
  const parsed = parseScenario(typeof input === 'string' ? { name: input } : input);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.settings;
}
