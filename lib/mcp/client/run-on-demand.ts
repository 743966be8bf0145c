/**
 * runOnConnection (./run), with the MCP SDK downloaded on the first run
 * instead of with the page. The SDK is the heaviest script of a lesson, and a
 * learner who only reads never needs it. The first Run waits for the download
 * (it is cached from then on), so it still works on the very first click.
 */
import type { RunContext, RunOptions } from './run';

export type { RunContext, RunOptions, RunRequestOptions } from './run';

export async function runOnConnection<Result>(options: RunOptions, work: (context: RunContext) => Promise<Result>): Promise<Result> {
  const { runOnConnection: run } = await import('./run');
  return run(options, work);
}
