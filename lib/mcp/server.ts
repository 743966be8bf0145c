/**
 * The MCP server factory: one fresh McpServer per session.
 *
 * The same factory backs the HTTP endpoint (app/api/mcp), the stdio binary
 * (bin/) and the tests; only the transport differs. Production strategies
 * are the default; naive ones exist for the lessons.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { registerDojoPrompts } from './prompts';
import { registerDojoResources } from './resources';
import { DEFAULT_RESILIENCE, createSessionResilience, type ResilienceSettings } from './resilience';
import type { DojoSession } from './session';
import { createMockSource, createRealSource, type BackendKind, type MockSourceOptions, type RealSourceOptions } from './source';
import { PRODUCTION_STRATEGIES, STRATEGY_PRESETS, type StrategyPreset, type Strategies } from './strategies';
import { DOJO_TOOLS } from './tools';

export const DOJO_SERVER_INFO = { name: 'mcp-dojo', title: 'MCP Dojo — Todoist', version: '0.1.0' } as const;

export interface DojoServerOptions {
  backend?: BackendKind;
  /** A preset name or single strategies to override; production by default. */
  strategies?: StrategyPreset | Partial<Strategies>;
  mock?: MockSourceOptions;
  /** Required for the real backend: where its token and base URL come from. */
  real?: RealSourceOptions;
  /** Timeouts, retries and breaker of the `resilient` fallback. */
  resilience?: Partial<ResilienceSettings>;
  now?: () => Date;
}

const INSTRUCTIONS =
  'Tools read and change the user\'s Todoist. Every result starts with a "Source:" line. If it says MOCK DATA ' +
  'or CACHED, say so to the user and never present those tasks as their real, current tasks. When a tool ' +
  'fails, report the error; do not guess tasks.';

export function createDojoMcpServer(options: DojoServerOptions = {}): McpServer {
  const server = new McpServer(DOJO_SERVER_INFO, {
    capabilities: { logging: {}, resources: {}, tools: {}, prompts: {} },
    instructions: INSTRUCTIONS,
  });
  const session = createSession(server, options);
  for (const tool of DOJO_TOOLS) tool.register(server, session);
  registerDojoResources(server, session);
  registerDojoPrompts(server);
  return server;
}

function createSession(server: McpServer, options: DojoServerOptions): DojoSession {
  const now = options.now ?? (() => new Date());
  const backend = options.backend ?? 'mock';
  if (backend === 'real' && !options.real) throw new Error('createDojoMcpServer: the real backend needs `real.loadConfig`');
  return {
    source: backend === 'real' && options.real ? createRealSource(options.real) : createMockSource({ now, ...options.mock }),
    // The story's canned todos: a fixed, tiny, faithful-looking mock.
    canned: createMockSource({ size: 'tiny', seed: 1, scenario: 'faithful', now }),
    strategies: resolveStrategies(options.strategies),
    resilience: createSessionResilience({ ...DEFAULT_RESILIENCE, ...options.resilience }),
    now,
    log: (level, message) => {
      void server.sendLoggingMessage({ level, logger: 'dojo', data: message }).catch(() => undefined);
    },
  };
}

export function resolveStrategies(input: DojoServerOptions['strategies']): Strategies {
  if (input === undefined) return PRODUCTION_STRATEGIES;
  if (typeof input === 'string') return STRATEGY_PRESETS[input];
  return { ...PRODUCTION_STRATEGIES, ...input };
}

