/**
 * The real backend's configuration, discovered at call time
 * (environment → config file → platform settings), so a token saved on the
 * settings page or a TODOIST_API_BASE_URL for the stand-in applies at once.
 */
import { resolveConfig, whereToSetToken, type ConfigOptions } from '@/lib/config';
import type { RealConfig } from './source';

export async function loadRealConfig(options?: ConfigOptions): Promise<RealConfig> {
  const resolved = await resolveConfig(options);
  return {
    token: resolved.todoistApiToken,
    baseUrl: resolved.todoistApiBaseUrl,
    whereToSetToken: whereToSetToken(resolved),
  };
}
