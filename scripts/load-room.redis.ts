/**
 * What the cluster asked of Redis: `INFO commandstats` read before and after
 * a phase, so the script can say how many commands (and which) a phase cost.
 * One connection for the whole run, so its own handshake is counted once, before anything is measured.
 */
import { createClient } from 'redis';

/** Calls per command name (`get`, `hset`, `publish`, `evalsha`, …). */
export type CommandCounts = Map<string, number>;

export interface CommandStats {
  read(): Promise<CommandCounts>;
  close(): Promise<void>;
}

export async function watchCommandStats(url: string): Promise<CommandStats> {
  const client = createClient({ url, socket: { connectTimeout: 5_000, reconnectStrategy: false } });
  client.on('error', () => undefined); // the awaited calls report the failure
  await client.connect();
  return {
    read: async () => parseCommandStats(await client.info('commandstats')),
    close: () => client.close(),
  };
}

export function parseCommandStats(info: string): CommandCounts {
  const counts: CommandCounts = new Map();
  for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) counts.set(match[1]!, Number(match[2]));
  return counts;
}

/** `after − before` per command, most called first; the script's own INFO calls are left out. */
export function commandsBetween(before: CommandCounts, after: CommandCounts): { total: number; byCommand: Array<[string, number]> } {
  const byCommand: Array<[string, number]> = [];
  for (const [name, calls] of after) {
    const spent = calls - (before.get(name) ?? 0);
    if (spent > 0 && name !== 'info') byCommand.push([name, spent]);
  }
  byCommand.sort((a, b) => b[1] - a[1]);
  return { total: byCommand.reduce((sum, [, calls]) => sum + calls, 0), byCommand };
}
