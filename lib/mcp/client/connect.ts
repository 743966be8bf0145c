/**
 * Connects the real SDK Client to the Dojo MCP endpoint over Streamable HTTP.
 *
 * The session's settings travel in the endpoint URL's query (see
 * lib/mcp/http/session-settings): they are fixed for the session's life, so
 * different settings mean a new session.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Implementation } from '@modelcontextprotocol/sdk/types.js';
import type { SessionSettings } from '@/lib/mcp/http/session-settings';
import { traceTransport, type ProtocolTrace } from './trace';

export type DojoClientSettings = Pick<SessionSettings, 'backend' | 'scenario' | 'size' | 'strategy'> &
  // Optional: left out, the server uses the configured token (the playground never sets it; lessons do).
  Partial<Pick<SessionSettings, 'token' | 'output'>>;

export interface ConnectDojoClientOptions {
  /** Absolute, or relative to the page in a browser (e.g. "/api/mcp"). */
  endpoint: string;
  settings: DojoClientSettings;
  /** When given, every JSON-RPC message of the session is recorded in it. */
  trace?: ProtocolTrace;
  clientInfo?: Implementation;
  /** Called once the connection is closed, by us, by the server or by the network. */
  onClose?: () => void;
}

export interface DojoConnection {
  client: Client;
  /** The raw HTTP transport (not the tracing wrapper): it owns terminateSession(). */
  transport: StreamableHTTPClientTransport;
  sessionId: string | undefined;
  serverInfo: Implementation | undefined;
  /** Ends the session on the server (HTTP DELETE), then closes the client. Safe to call twice. */
  close(): Promise<void>;
}

const DEFAULT_CLIENT_INFO: Implementation = { name: 'mcp-dojo-playground', version: '0.1.0' };

export async function connectDojoClient(options: ConnectDojoClientOptions): Promise<DojoConnection> {
  const transport = new StreamableHTTPClientTransport(endpointUrl(options.endpoint, options.settings));
  const client = new Client(options.clientInfo ?? DEFAULT_CLIENT_INFO);
  client.onclose = options.onClose;
  await client.connect(options.trace ? traceTransport(transport, options.trace) : transport);

  let closing: Promise<void> | undefined;
  return {
    client,
    transport,
    sessionId: transport.sessionId,
    serverInfo: client.getServerVersion(),
    close: () => (closing ??= terminateThenClose(client, transport)),
  };
}

/** The endpoint with the session settings in its query. */
export function endpointUrl(endpoint: string, settings: DojoClientSettings): URL {
  const url = new URL(endpoint, baseForRelativeUrls(endpoint));
  for (const [key, value] of Object.entries(settings)) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url;
}

function baseForRelativeUrls(endpoint: string): string | undefined {
  if (typeof window !== 'undefined') return window.location.origin;
  if (URL.canParse(endpoint)) return undefined;
  throw new Error(`connectDojoClient: "${endpoint}" is relative, and outside a browser there is no page to resolve it against.`);
}

async function terminateThenClose(client: Client, transport: StreamableHTTPClientTransport): Promise<void> {
  try {
    // Without the DELETE the server keeps the session until it idles out.
    await transport.terminateSession();
  } finally {
    await client.close();
  }
}
