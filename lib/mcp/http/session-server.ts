/** Builds the McpServer for one HTTP session from its URL settings. */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { loadRealConfig } from '../real-config';
import { createDojoMcpServer } from '../server';
import type { SessionSettings } from './session-settings';

export function createServerForSettings(settings: SessionSettings): McpServer {
  return createDojoMcpServer({
    backend: settings.backend,
    strategies: settings.strategy,
    mock: { scenario: settings.scenario, size: settings.size, seed: settings.seed },
    real: { loadConfig: () => loadRealConfig() },
  });
}
