/**
 * A demo's settings as the panel keeps them: the endpoint settings a lesson
 * declares, plus which protocol generation the client speaks. Kept in one
 * state object so a lesson can later deep-link either.
 */
import type { PanelSettings } from '@/lib/lessons/schema';
import { LESSON_SETTING_KEYS, type LessonSettingKey } from '@/lib/mcp/setting-choices';
import { DEFAULT_PROTOCOL, isProtocolChoice, type DojoClientSettings, type ProtocolChoice } from '@/lib/mcp/client/constants';

export type LiveSettings = PanelSettings & { protocol: ProtocolChoice };

/** The demo's defaults, with its protocol if it names one (else 2026-07-28). */
export function initialLiveSettings(defaults: PanelSettings): LiveSettings {
  const named = 'protocol' in defaults ? defaults.protocol : undefined;
  return { ...defaults, protocol: isProtocolChoice(named) ? named : DEFAULT_PROTOCOL };
}

/**
 * What goes in the endpoint URL: the settings, the demo's own workspace, and
 * for the real backend `upstream=auto` — the configured token's Todoist, or
 * with no token the app's stand-in, so a demo works offline.
 */
export function endpointSettings(settings: PanelSettings, workspace: string): DojoClientSettings {
  // Every setting a demo can declare, by the one list of them: a new one reaches the URL without an edit here.
  const declared = Object.fromEntries(LESSON_SETTING_KEYS.filter((key) => settings[key] !== undefined).map((key) => [key, settings[key]]));
  return {
    ...(declared as Pick<PanelSettings, LessonSettingKey>),
    workspace,
    ...(settings.backend === 'real' && { upstream: 'auto' as const }),
  };
}
