/**
 * The stdio face of the same server factory: what Claude Desktop launches.
 * Only the transport differs from the HTTP endpoint; tools, provenance and
 * strategies are the very same code. The SDK's `serveStdio` answers both
 * eras: 2026-07-28 clients and 2025-era ones (the `initialize` handshake).
 *
 * One local user, one process: the learner is "local", and the workspace
 * lives in this process's memory for as long as it runs.
 */
import { parseArgs } from 'node:util';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import type { Tenant } from '@/lib/identity/learner';
import { MemoryStateStore } from '@/lib/state';
import { SessionSettingsSchema } from './http/session-settings';
import { builtinStandin } from './http/builtin-standin';
import { naiveStrategyRefusal, realConfigFor } from './http/real-upstream';
import { openWorkspace } from './http/workspace';
import { loadRealConfig } from './real-config';
import { createDojoMcpServer } from './server';

const USAGE =
  'usage: mcp-dojo --backend mock|real [--upstream todoist|standin|auto] [--scenario NAME] [--size tiny|small|large] ' +
  '[--strategy production|naive] [--seed N]';

const LOCAL_LEARNER: Tenant = { key: 'local', kind: 'learner' };

export async function runStdioServer(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      backend: { type: 'string' },
      upstream: { type: 'string' },
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
  const naiveRefused = naiveStrategyRefusal(settings);
  if (naiveRefused) {
    console.error(`mcp-dojo: ${naiveRefused}\n${USAGE}`);
    process.exit(2);
  }
  // Kept as long as the process runs: one person, one client, on this machine.
  const store = new MemoryStateStore({ idleMs: Number.MAX_SAFE_INTEGER, maxEntries: 100, sweepEveryMs: 0 });
  serveStdio(async () => {
    const workspace = await openWorkspace(store, LOCAL_LEARNER, settings);
    return createDojoMcpServer({
      backend: settings.backend,
      strategies: settings.strategy,
      mock: { backend: workspace.mock },
      // `todoist` by default: no token is an honest error, never sample data — unless the stand-in is asked for by name.
      real: { loadConfig: realConfigFor(settings, LOCAL_LEARNER, { loadConfig: () => loadRealConfig(), standin: () => builtinStandin(store) }) },
      resilienceRecord: workspace.resilience,
      workspace: workspace.label,
      persist: workspace.persist,
    });
  });
  console.error(
    `mcp-dojo: serving over stdio — backend ${settings.backend}` +
      (settings.backend === 'real' ? ` (upstream ${settings.upstream})` : '') +
      (settings.backend === 'mock' ? `, scenario "${settings.scenario ?? 'faithful'}", size ${settings.size}` : '') +
      `, ${settings.strategy} strategies`,
  );
}
