/**
 * Runs some MCP calls in a session of their own, then ends it. The lesson
 * widgets make one-off reads, so unlike the live panel they keep no session
 * open: each run starts clean and leaves nothing behind on the server.
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { connectDojoClient, type ConnectDojoClientOptions, type DojoConnection } from '@/lib/mcp/client/connect';

export async function inOneSession<Result>(
  options: ConnectDojoClientOptions,
  work: (client: Client) => Promise<Result>,
  connect: (options: ConnectDojoClientOptions) => Promise<DojoConnection> = connectDojoClient,
): Promise<Result> {
  const connection = await connect(options);
  try {
    return await work(connection.client);
  } finally {
    // DELETE ends the session on the server; a failure here must not hide the result (or the real error).
    await connection.close().catch(() => undefined);
  }
}
