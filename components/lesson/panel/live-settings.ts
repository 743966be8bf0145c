/**
 * A demo's settings as the panel keeps them: the endpoint settings a lesson
 * declares, plus which protocol generation the client speaks. Kept in one
 * state object so a lesson can later deep-link either.
 */
import type { PanelSettings } from '@/lib/lessons/schema';
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
  const { backend, strategy, scenario, size, token, output } = settings;
  return {
    backend,
    strategy,
    scenario,
    size,
    token,
    ...(output && { output }),
    workspace,
    ...(backend === 'real' && { upstream: 'auto' as const }),
  };
}
