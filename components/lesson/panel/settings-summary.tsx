/** A run's settings in one line, e.g. "real · naive · token missing · 2026-07-28": what a side of the comparison ran with. */
import type { PanelSettings } from '@/lib/lessons/schema';
import type { ProtocolChoice } from '@/lib/mcp/client/constants';

export function describeSettingsShort(settings: PanelSettings): string[] {
  return settings.backend === 'real'
    ? ['real', settings.strategy, `token ${settings.token}`]
    : ['mock', settings.strategy, `scenario ${settings.scenario}`, `${settings.size} data`];
}

export function SettingsSummary({ settings }: { settings: PanelSettings & { protocol?: ProtocolChoice } }) {
  return (
    <p data-testid="settings-summary" className="font-mono text-sm text-muted">
      <span className="sr-only">Settings: </span>
      {[...describeSettingsShort(settings), ...(settings.protocol ? [settings.protocol] : [])].join(' · ')}
    </p>
  );
}
