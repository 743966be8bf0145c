/**
 * Connects the SDK v2 Client to the Dojo MCP endpoint over Streamable HTTP,
 * in either protocol generation:
 *
 * - 2026-07-28 (the default): `versionNegotiation: auto` probes with
 *   `server/discover`; there is no initialize and no session, and every request
 *   carries its own `_meta` envelope. Each call is one POST.
 * - 2025-11-25: the plain legacy handshake (initialize, notifications/initialized).
 *   The Dojo server serves it statelessly too: no Mcp-Session-Id, GET answers 405.
 *
 * The settings travel in the endpoint URL's query on every request. The
 * server keeps no session, so closing sends nothing: it aborts whatever is
 * still in flight on this connection.
 */
import { Client, StreamableHTTPClientTransport, type Implementation, type OAuthClientProvider } from '@modelcontextprotocol/client';
import { HttpExchangeLog, loggingFetch, type FetchFunction } from './http-log';
import { traceTransport, type ProtocolTrace } from './trace';
import { DEFAULT_PROTOCOL, REQUEST_TIMEOUT_MS, type DojoClientSettings, type ProtocolChoice } from './constants';

export * from './constants';

export interface ConnectDojoClientOptions {
  /** Absolute, or relative to the page in a browser (e.g. "/api/mcp"). */
  endpoint: string;
  settings: DojoClientSettings;
  /** '2026-07-28' (default: negotiated with server/discover) or '2025-11-25' (the initialize handshake). */
  protocol?: ProtocolChoice;
  /** When given, every JSON-RPC message of the connection is recorded in it. */
  trace?: ProtocolTrace;
  /** When given, every HTTP exchange of the connection is recorded in it. */
  http?: HttpExchangeLog;
  clientInfo?: Implementation;
  /** Called once the connection is closed, by us, by the server or by the network. */
  onClose?: () => void;
  /** Cancels the connect itself (and, once connected, nothing: use close()). */
  signal?: AbortSignal;
  /** The fetch under the transport (tests; a browser uses its own). */
  fetch?: FetchFunction;
  /** A signed-in client: sends its access token, refreshes it, and asks for more scope on a 403 (lesson 7). */
  authProvider?: OAuthClientProvider;
  /**
   * On a 403 insufficient_scope: `reauthorize` (the SDK's default) runs the step-up with the union of scopes;
   * `throw` hands the challenge to the caller instead (lesson 9 shows the refusal before it asks for more).
   */
  onInsufficientScope?: 'reauthorize' | 'throw';
}

export interface DojoConnection {
  client: Client;
  /** What was negotiated: '2026-07-28' or '2025-11-25' (undefined only if the server said nothing). */
  protocolVersion: string | undefined;
  serverInfo: Implementation | undefined;
  /** Aborts any request still in flight and closes the client. Sends nothing: there is no session to end. Safe to call twice. */
  close(): Promise<void>;
}

const DEFAULT_CLIENT_INFO: Implementation = { name: 'mcp-dojo-playground', version: '0.2.0' };

export async function connectDojoClient(options: ConnectDojoClientOptions): Promise<DojoConnection> {
  const protocol = options.protocol ?? DEFAULT_PROTOCOL;
  const baseFetch = options.fetch;
  const transport = new StreamableHTTPClientTransport(endpointUrl(options.endpoint, options.settings), {
    ...((options.http || baseFetch) && { fetch: options.http ? loggingFetch(options.http, baseFetch) : baseFetch }),
    ...(options.authProvider && { authProvider: options.authProvider }),
    ...(options.onInsufficientScope && { onInsufficientScope: options.onInsufficientScope }),
  });
  const client = new Client(options.clientInfo ?? DEFAULT_CLIENT_INFO, {
    versionNegotiation: { mode: protocol === '2026-07-28' ? 'auto' : 'legacy' },
  });
  client.onclose = options.onClose;

  try {
    // The tracing wrapper goes on before connect: the Client installs its handlers on whatever it is given.
    await client.connect(options.trace ? traceTransport(transport, options.trace) : transport, {
      timeout: REQUEST_TIMEOUT_MS,
      ...(options.signal && { signal: options.signal }),
    });
  } catch (error) {
    await client.close().catch(() => undefined);
    throw error;
  }

  let closing: Promise<void> | undefined;
  return {
    client,
    protocolVersion: client.getNegotiatedProtocolVersion(),
    serverInfo: client.getServerVersion(),
    close: () => (closing ??= client.close()),
  };
}

/** The endpoint with the settings in its query. */
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
