/**
 * Per-request settings, taken from the endpoint URL's query:
 * `/api/mcp?backend=mock&scenario=flaky&size=large&strategy=naive&workspace=demo-1`.
 * There is no session: every request carries its settings, and what must
 * last between requests lives in the caller's workspace (see ./workspace).
 */
import { z } from 'zod';
import { BACKENDS, OUTPUTS, READS, SCENARIO_NAMES, SIZES, STRATEGIES, TENANCIES, TOKENS, UPSTREAMS } from '../setting-choices';

/** Each setting's values come from ../setting-choices (shared with the lesson schema and the panel); here only defaults and docs. */
export const SessionSettingsSchema = z.object({
  backend: z.enum(BACKENDS).default('mock'),
  /**
   * Mock backend: when given, becomes the workspace's scenario. Left out, the
   * workspace keeps the scenario it has (a lesson's fault switch may have set it).
   */
  scenario: z.enum(SCENARIO_NAMES).optional(),
  size: z.enum(SIZES).default('small'),
  strategy: z.enum(STRATEGIES).default('production'),
  // Each seed is another generated dataset (large: ~200 ms to make): a small range keeps that bounded.
  seed: z.coerce.number().int().min(0).max(99).default(1),
  /**
   * Real backend only: use the configured token, or simulate a `missing` or `wrong` one —
   * so a lesson can show what each strategy does then, whatever this machine has configured.
   */
  token: z.enum(TOKENS).default('configured'),
  /** Overrides the preset's output strategy, so a lesson can compare raw and compact with all else equal. */
  output: z.enum(OUTPUTS).optional(),
  /** Overrides the preset's full read (`pages` or one full `sync`), so lesson 3 keeps showing the cursor loop. */
  read: z.enum(READS).optional(),
  /** Which of the caller's workspaces (mock data and its writes, scenario, breaker, cache) to use. */
  workspace: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, 'use 1–40 lowercase letters, digits or dashes')
    .default('default'),
  /**
   * Real backend only. `todoist`: the configured token's API (no token: an honest error).
   * `standin`: this app's Todoist stand-in — sample data over real HTTP, asked for by name.
   * `auto`: the configured token's API if there is a token, else the stand-in (what the app's own pages use).
   */
  upstream: z.enum(UPSTREAMS).default('todoist'),
  /**
   * `naive`: lesson 7's naive multi-user server (one Todoist client and one cache for everyone),
   * for signed-in users of the stand-in's sample accounts only. `production`: everything per tenant.
   */
  tenancy: z.enum(TENANCIES).default('production'),
});

export type SessionSettings = z.infer<typeof SessionSettingsSchema>;

/** Query keys that are not settings (identity travels separately). */
const NOT_SETTINGS = new Set(['learner']);

export function parseSessionSettings(url: URL): { settings: SessionSettings } | { error: string } {
  const known = new Set(Object.keys(SessionSettingsSchema.shape));
  const unknown = [...url.searchParams.keys()].find((key) => !known.has(key) && !NOT_SETTINGS.has(key));
  if (unknown) return { error: `Unknown setting "${unknown}" in the endpoint URL. Known: ${[...known].join(', ')}.` };
  const query = Object.fromEntries([...url.searchParams].filter(([key]) => known.has(key)));
  const parsed = SessionSettingsSchema.safeParse(query);
  if (parsed.success) return { settings: parsed.data };
  const issue = parsed.error.issues[0];
  return { error: `Invalid setting "${issue?.path.join('.')}" in the endpoint URL: ${issue?.message}` };
}
