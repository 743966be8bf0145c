/**
 * What every attack demo runs with, and the loopback servers its naive
 * servers live on: each is started for one run and closed after it, so no
 * deliberately vulnerable server stays listening.
 */
import type { AuthorizationServer } from '@/lib/auth/authorization-server';
import type { Tenant } from '@/lib/identity/learner';
import { serveFetch, type FetchHandler } from '@/lib/http/serve-fetch';
import type { BuiltinStandin } from '@/lib/mcp/http/builtin-standin';

export interface AttackContext {
  /** This app's authorization server: its vault, its verifier, its demo tokens. */
  as: AuthorizationServer;
  standin: BuiltinStandin;
  secret: Buffer;
  /** The key the authorization server signs access tokens with (the naive audience check trusts it). */
  signingKey: Uint8Array;
  /** Who runs the demo: the learner, from their cookie. */
  learner: Tenant;
  /** The app's own origin: /api/mcp and the Calendar MCP are called there, over HTTP. */
  appOrigin: string;
  signal: AbortSignal;
}

/** The client id the demos' tokens name, so a grant list shows where they came from. */
export const DEMO_CLIENT_ID = 'lesson-9-attack-demo';

/** Runs `run` with `handler` served on a loopback port (its MCP URL), then closes the server. */
export async function withLoopbackServer<T>(handler: FetchHandler, run: (mcpUrl: string) => Promise<T>): Promise<T> {
  const running = await serveFetch(handler, { host: '127.0.0.1', port: 0 });
  try {
    return await run(`${running.origin}/mcp`);
  } finally {
    await running.close();
  }
}
