/**
 * The stdio face of the same server factory: what Claude Desktop launches.
 * Only the transport differs from the HTTP endpoint; tools, provenance and
 * strategies are the very same code.
 */
import { parseArgs } from 'node:util';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { SessionSettingsSchema } from './http/session-settings';
import { loadRealConfig } from './real-config';
import { createDojoMcpServer } from './server';

const USAGE = 'usage: mcp-dojo --backend mock|real [--scenario NAME] [--size tiny|small|large] [--strategy production|naive] [--seed N]';

export async function runStdioServer(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      backend: { type: 'string' },
      scenario: { type: 'string' },
      size: { type: 'string' },
      strategy: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.error(USAGE);
    return;
  }
  const parsed = SessionSettingsSchema.safeParse({ ...values, help: undefined });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    console.error(`mcp-dojo: invalid --${issue?.path.join('.')}: ${issue?.message}\n${USAGE}`);
    process.exit(2);
  }
  const settings = parsed.data;
  const server = createDojoMcpServer({
    backend: settings.backend,
    strategies: settings.strategy,
    mock: { scenario: settings.scenario, size: settings.size, seed: settings.seed },
    real: { loadConfig: () => loadRealConfig() },
  });
  await server.connect(new StdioServerTransport());
  console.error(
    `mcp-dojo: serving over stdio — backend ${settings.backend}` +
      (settings.backend === 'mock' ? `, scenario "${settings.scenario}", size ${settings.size}` : '') +
      `, ${settings.strategy} strategies`,
  );
}
