'use client';
/**
 * The playground: pick the session's settings, drive the MCP client, and
 * watch the JSON-RPC messages it exchanges, side by side.
 */
import { useState } from 'react';
import { DATASET_SIZES, type DatasetSize } from '@/lib/mock/dataset';
import { SCENARIO_NAMES } from '@/lib/mock/scenarios';
import type { DojoClientSettings } from '@/lib/mcp/client/connect';
import { ProtocolTrace as ProtocolTraceStore } from '@/lib/mcp/client/trace';
import { McpConsole } from './mcp-console';
import { ProtocolTrace } from './protocol-trace';
import { SettingSelect } from './setting-select';
import { useMcpSession } from './use-mcp-session';

const DEFAULT_SETTINGS: DojoClientSettings = { backend: 'mock', scenario: 'faithful', size: 'small', strategy: 'production' };

const SIZE_OPTIONS = (Object.keys(DATASET_SIZES) as DatasetSize[]).map((size) => ({
  value: size,
  label: `${size} (${DATASET_SIZES[size]} tasks)`,
}));

export function McpPlayground() {
  const [trace] = useState(() => new ProtocolTraceStore());
  const [settings, setSettings] = useState<DojoClientSettings>(DEFAULT_SETTINGS);
  const session = useMcpSession({ endpoint: '/api/mcp', trace });
  // Settings are fixed for a session's life (they travel in the URL of initialize).
  const locked = session.status !== 'disconnected' && session.status !== 'error';
  const update = <Key extends keyof DojoClientSettings>(key: Key, value: DojoClientSettings[Key]) =>
    setSettings((previous) => ({ ...previous, [key]: value }));

  return (
    <div className="grid gap-8 xl:grid-cols-2">
      <div className="min-w-0 space-y-6">
        <fieldset className="rounded-lg border border-border p-4" disabled={locked}>
          <legend className="px-1 text-lg font-semibold">Session settings</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <SettingSelect
              label="Backend"
              value={settings.backend}
              options={[
                { value: 'mock', label: 'mock (simulated Todoist)' },
                { value: 'real', label: 'real (Todoist API)' },
              ]}
              onChange={(value) => update('backend', value)}
            />
            <SettingSelect
              label="Scenario"
              value={settings.scenario}
              options={SCENARIO_NAMES.map((name) => ({ value: name, label: name }))}
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
              options={[
                { value: 'production', label: 'production (the fix)' },
                { value: 'naive', label: 'naive (the original bug)' },
              ]}
              onChange={(value) => update('strategy', value)}
            />
          </div>
          {locked && <p className="mt-3 text-sm text-muted">Disconnect to change settings: each session keeps the ones it started with.</p>}
        </fieldset>
        <McpConsole session={session} settings={settings} />
      </div>
      {/* Sticky, so the trace stays in view while you scroll through a long result. */}
      <div className="min-w-0 xl:sticky xl:top-4 xl:self-start">
        <ProtocolTrace trace={trace} />
      </div>
    </div>
  );
}
