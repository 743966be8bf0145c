/**
 * Per-session settings, taken from the endpoint URL's query when a session
 * starts: `/api/mcp?backend=mock&scenario=flaky&size=large&strategy=naive`.
 * Fixed for the session's life — a different setting is a different session.
 */
import { z } from 'zod';
import { DATASET_SIZES, type DatasetSize } from '@/lib/mock/dataset';
import { SCENARIO_NAMES } from '@/lib/mock/scenarios';
import { STRATEGY_PRESETS } from '../strategies';

export const SessionSettingsSchema = z.object({
  backend: z.enum(['mock', 'real']).default('mock'),
  scenario: z.enum(SCENARIO_NAMES).default('faithful'),
  size: z.enum(Object.keys(DATASET_SIZES) as [DatasetSize, ...DatasetSize[]]).default('small'),
  strategy: z.enum(Object.keys(STRATEGY_PRESETS) as ['production', 'naive']).default('production'),
  seed: z.coerce.number().int().min(0).default(1),
  /**
   * Real backend only: use the configured token, or simulate a `missing` or `wrong` one —
   * so a lesson can show what each strategy does then, whatever this machine has configured.
   */
  token: z.enum(['configured', 'missing', 'wrong']).default('configured'),
  /** Overrides the preset's output strategy, so a lesson can compare raw and compact with all else equal. */
  output: z.enum(['raw', 'compact']).optional(),
});

export type SessionSettings = z.infer<typeof SessionSettingsSchema>;

export function parseSessionSettings(url: URL): { settings: SessionSettings } | { error: string } {
  const known = new Set(Object.keys(SessionSettingsSchema.shape));
  const query = Object.fromEntries([...url.searchParams].filter(([key]) => known.has(key)));
  const parsed = SessionSettingsSchema.safeParse(query);
  if (parsed.success) return { settings: parsed.data };
  const issue = parsed.error.issues[0];
  return { error: `Invalid session setting "${issue?.path.join('.')}" in the endpoint URL: ${issue?.message}` };
}
