'use client';
/**
 * The playground: pick the connection's settings and protocol generation,
 * drive the MCP client, and watch what it exchanges — the JSON-RPC messages
 * and the HTTP requests under them — side by side.
 */
import { useState } from 'react';
import { DATASET_SIZES } from '@/lib/mock/dataset-sizes';
import { SETTING_CHOICES, type SettingValue } from '@/lib/mcp/setting-choices';
import { DEFAULT_PROTOCOL, PROTOCOL_CHOICES, type DojoClientSettings, type ProtocolChoice } from '@/lib/mcp/client/connect';
import { HttpExchangeLog } from '@/lib/mcp/client/http-log';
import { ProtocolTrace as ProtocolTraceStore } from '@/lib/mcp/client/trace';
import { HttpExchanges } from './http-exchanges';
import { McpConsole } from './mcp-console';
import { ProtocolTrace } from './protocol-trace';
import { SettingSelect } from './setting-select';
import { useMcpConnection } from './use-mcp-connection';
import { WireSummary } from './wire-summary';

// `upstream: auto`: with no token configured, the real backend is this app's Todoist stand-in.
const DEFAULT_SETTINGS: DojoClientSettings = { backend: 'mock', scenario: 'faithful', size: 'small', strategy: 'production', workspace: 'playground', upstream: 'auto' };

const PROTOCOL_OPTIONS = PROTOCOL_CHOICES.map((value) => ({
  value,
  label: value === '2026-07-28' ? '2026-07-28 (current: no session, per-request envelope)' : '2025-11-25 (initialize handshake)',
}));

// The options are the endpoint's own lists (lib/mcp/setting-choices): a label per value, checked by the type.
const BACKEND_LABELS: Record<SettingValue<'backend'>, string> = {
  mock: 'mock (simulated Todoist)',
  real: 'real (Todoist API, or the stand-in without a token)',
};
const STRATEGY_LABELS: Record<SettingValue<'strategy'>, string> = {
  production: 'production (the fix)',
  naive: 'naive (the original bug)',
};
const BACKEND_OPTIONS = SETTING_CHOICES.backend.map((value) => ({ value, label: BACKEND_LABELS[value] }));
const STRATEGY_OPTIONS = SETTING_CHOICES.strategy.map((value) => ({ value, label: STRATEGY_LABELS[value] }));
const SCENARIO_OPTIONS = SETTING_CHOICES.scenario.map((value) => ({ value, label: value }));
const SIZE_OPTIONS = SETTING_CHOICES.size.map((value) => ({ value, label: `${value} (${DATASET_SIZES[value]} tasks)` }));

export function McpPlayground() {
  const [trace] = useState(() => new ProtocolTraceStore());
  const [http] = useState(() => new HttpExchangeLog());
  const [settings, setSettings] = useState<DojoClientSettings>(DEFAULT_SETTINGS);
  const [protocol, setProtocol] = useState<ProtocolChoice>(DEFAULT_PROTOCOL);
  const session = useMcpConnection({ endpoint: '/api/mcp', trace, http });
  // Settings and protocol belong to the connection: they are in every request's URL, and the version is negotiated at connect.
  const locked = session.status !== 'disconnected' && session.status !== 'error';
  const update = <Key extends keyof DojoClientSettings>(key: Key, value: DojoClientSettings[Key]) =>
    setSettings((previous) => ({ ...previous, [key]: value }));

  return (
    <div className="grid gap-8 xl:grid-cols-2">
      <div className="min-w-0 space-y-6">
        <fieldset className="rounded-lg border border-border p-4" disabled={locked}>
          <legend className="px-1 text-lg font-semibold">Connection settings</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <SettingSelect label="Protocol" value={protocol} options={PROTOCOL_OPTIONS} onChange={setProtocol} />
            <SettingSelect
              label="Backend"
              value={settings.backend}
              options={BACKEND_OPTIONS}
              onChange={(value) => update('backend', value)}
            />
            <SettingSelect
              label="Scenario"
              value={settings.scenario ?? 'faithful'}
              options={SCENARIO_OPTIONS}
              disabled={settings.backend === 'real'}
              hint={settings.backend === 'real' ? 'Mock backend only.' : undefined}
              onChange={(value) => update('scenario', value)}
            />
            <SettingSelect
              label="Size"
              value={settings.size}
              options={SIZE_OPTIONS}
              disabled={settings.backend === 'real'}
              onChange={(value) => update('size', value)}
            />
            <SettingSelect
              label="Strategy"
              value={settings.strategy}
              options={STRATEGY_OPTIONS}
              onChange={(value) => update('strategy', value)}
            />
          </div>
          {locked && <p className="mt-3 text-sm text-muted">Disconnect to change settings: a connection keeps the ones it started with.</p>}
        </fieldset>
        <McpConsole session={session} settings={settings} protocol={protocol} />
      </div>
      {/* Sticky, so the trace stays in view while you scroll through a long result. */}
      <div className="min-w-0 space-y-4 xl:sticky xl:top-4 xl:self-start">
        <WireSummary trace={trace} http={http} />
        <ProtocolTrace trace={trace} />
        <HttpExchanges log={http} />
      </div>
    </div>
  );
}
