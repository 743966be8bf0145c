'use client';
/**
 * The demo's settings as toggles, limited to what the demo offers. A setting
 * that does not apply (scenario on the real API, token on the mock) stays
 * visible but disabled, with the reason next to it.
 */
import { DATASET_SIZES } from '@/lib/mock/dataset-sizes';
import { SCENARIO_DESCRIPTIONS } from '@/lib/mock/scenario-names';
import type { Demo, PanelSettings } from '@/lib/lessons/schema';
import { PillGroup } from '@/components/ui/pill-group';

interface SettingsTogglesProps {
  offers: Demo['offers'];
  settings: PanelSettings;
  onChange: (settings: PanelSettings) => void;
  disabled?: boolean;
}

const STRATEGY_HINTS: Record<PanelSettings['strategy'], string> = {
  production: 'The fix: every task (every page, or one full sync), honest errors, a "Source:" first line.',
  naive: 'The original bug: first page only, canned mock todos on any error, raw JSON, no source.',
};

const TOKEN_HINTS: Record<PanelSettings['token'], string> = {
  configured: "This machine's token (environment, config file or Settings page).",
  missing: 'Simulated: the server behaves as if no token were configured.',
  wrong: 'Simulated: a token the API rejects with 401, like a revoked one.',
};

export function SettingsToggles({ offers, settings, onChange, disabled = false }: SettingsTogglesProps) {
  const real = settings.backend === 'real';
  const set = <Key extends keyof PanelSettings>(key: Key) => (value: PanelSettings[Key]) => onChange({ ...settings, [key]: value });
  return (
    <div className="grid gap-x-6 gap-y-4 @2xl:grid-cols-2">
      <PillGroup
        legend="Backend"
        options={offers.backends}
        value={settings.backend}
        onChange={set('backend')}
        disabled={disabled}
        hint={real ? 'The Todoist API, with the token and base URL this server is configured with.' : 'A simulated Todoist, inside this app.'}
      />
      <PillGroup legend="Strategy" options={offers.strategies} value={settings.strategy} onChange={set('strategy')} disabled={disabled} hint={STRATEGY_HINTS[settings.strategy]} />
      <PillGroup
        legend="Scenario"
        options={offers.scenarios}
        value={settings.scenario}
        onChange={set('scenario')}
        disabled={disabled || real}
        hint={real ? 'Mock backend only: the real API has no scenarios.' : SCENARIO_DESCRIPTIONS[settings.scenario]}
      />
      <PillGroup
        legend="Size"
        options={offers.sizes}
        value={settings.size}
        onChange={set('size')}
        disabled={disabled || real}
        hint={real ? 'Mock backend only: the real account has the tasks it has.' : `${DATASET_SIZES[settings.size]} tasks in the mock.`}
      />
      <PillGroup
        legend="Token"
        options={offers.tokens}
        value={settings.token}
        onChange={set('token')}
        disabled={disabled || !real}
        hint={real ? TOKEN_HINTS[settings.token] : 'Real backend only: the mock needs no token.'}
      />
    </div>
  );
}
