/**
 * Every setting the MCP endpoint takes in its URL, and the values each one
 * accepts — written once. The endpoint's parser (http/session-settings.ts),
 * the lesson schema (lib/lessons/schema.ts), the client's settings type
 * (client/constants.ts) and the lesson panel (components/lesson/panel/
 * live-settings.ts) all derive from these lists, so a new setting or value
 * cannot be added to one of them and forgotten in the others.
 *
 * Plain `as const` arrays, no zod: lesson pages import this module, and they
 * must not download a validation library to show a toggle.
 */
import { SCENARIO_NAMES } from '@/lib/mock/scenario-names';

export { SCENARIO_NAMES };

/** The simulated Todoist inside this app, or the Todoist API. */
export const BACKENDS = ['mock', 'real'] as const;
/** The fix (`production`) or the code that caused the original failure (`naive`). */
export const STRATEGIES = ['production', 'naive'] as const;
/**
 * The mock's datasets (their task counts: lib/mock/dataset-sizes.ts). `hostile` is no size but a sample
 * account: the tiny dataset plus four tasks whose text gives orders (lesson 9, lib/mock/hostile-tasks.ts).
 */
export const SIZES = ['tiny', 'small', 'large', 'hostile'] as const;
/** Real backend: the configured token, or a simulated missing / wrong one. */
export const TOKENS = ['configured', 'missing', 'wrong'] as const;
/** Overrides the strategy's output: the API's JSON, or one line per task. */
export const OUTPUTS = ['raw', 'compact'] as const;
/**
 * Overrides how the strategy reads every active task when nothing filters the read: the cursor loop over
 * GET /tasks, or one full sync. Lesson 3 pins `pages` so its demos show the loop they teach.
 */
export const READS = ['pages', 'sync'] as const;
/** Real backend: Todoist's API, this app's stand-in, or whichever this machine can reach. */
export const UPSTREAMS = ['todoist', 'standin', 'auto'] as const;
/** Lesson 7: one Todoist client per tenant, or the naive server's one for everyone. */
export const TENANCIES = ['production', 'naive'] as const;

/** The endpoint's settings that take one of a fixed list of values. */
export const SETTING_CHOICES = {
  backend: BACKENDS,
  strategy: STRATEGIES,
  scenario: SCENARIO_NAMES,
  size: SIZES,
  token: TOKENS,
  output: OUTPUTS,
  read: READS,
  upstream: UPSTREAMS,
  tenancy: TENANCIES,
} as const;

export type ChoiceSetting = keyof typeof SETTING_CHOICES;
export type SettingValue<Key extends ChoiceSetting> = (typeof SETTING_CHOICES)[Key][number];

/** The endpoint's other settings: free values, checked by its parser (a number, a name). */
export const FREE_SETTINGS = ['seed', 'workspace'] as const;

/** Every query key the endpoint takes as a setting. */
export const ENDPOINT_SETTING_KEYS = [...(Object.keys(SETTING_CHOICES) as ChoiceSetting[]), ...FREE_SETTINGS] as const;

/**
 * The settings a lesson's demo declares and the learner can toggle. The rest
 * (upstream, tenancy, seed, workspace) the panel or a widget sets for it.
 */
export const LESSON_SETTING_KEYS = ['backend', 'strategy', 'scenario', 'size', 'token', 'output', 'read'] as const satisfies readonly ChoiceSetting[];
export type LessonSettingKey = (typeof LESSON_SETTING_KEYS)[number];

/** True when `value` is one of the values `setting` accepts. */
export function isSettingValue<Key extends ChoiceSetting>(setting: Key, value: unknown): value is SettingValue<Key> {
  return (SETTING_CHOICES[setting] as readonly unknown[]).includes(value);
}
