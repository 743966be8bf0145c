/** Builds the McpServer for one HTTP session from its URL settings. */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { createMockBackend, type MockBackend } from '@/lib/mock/backend';
import { loadRealConfig } from '../real-config';
import type { RealConfig } from '../source';
import { createDojoMcpServer } from '../server';
import { STRATEGY_PRESETS } from '../strategies';
import type { SessionSettings } from './session-settings';

export interface SessionServer {
  server: McpServer;
  /** The session's own mock backend (mock sessions only): lessons switch its scenario at runtime. */
  mock?: MockBackend;
}

export function createServerForSettings(settings: SessionSettings): SessionServer {
  const mock =
    settings.backend === 'mock'
      ? createMockBackend({ scenario: settings.scenario, size: settings.size, seed: settings.seed })
      : undefined;
  const server = createDojoMcpServer({
    backend: settings.backend,
    strategies: { ...STRATEGY_PRESETS[settings.strategy], ...(settings.output && { output: settings.output }) },
    mock: { backend: mock },
    real: { loadConfig: () => loadRealConfig().then((config) => withSimulatedToken(config, settings.token)) },
  });
  return { server, mock };
}

/** A deliberately wrong token: the API answers 401 to it, as to a revoked one. */
export const WRONG_TOKEN = 'dojo-simulated-wrong-token';

function withSimulatedToken(config: RealConfig, token: SessionSettings['token']): RealConfig {
  if (token === 'missing') return { ...config, token: undefined };
  if (token === 'wrong') return { ...config, token: WRONG_TOKEN };
  return config;
}
