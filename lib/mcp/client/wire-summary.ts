/**
 * What one connection's wire shows, in the few figures that tell 2025-11-25
 * from 2026-07-28: was there an initialize handshake, did the server hand out
 * a session id, did the requests carry the `_meta` envelope — and what it cost
 * in HTTP requests and bytes.
 */
import type { HttpExchange } from './http-log';
import type { TraceEntry } from './trace';

export interface WireSummary {
  /** An `initialize` request went out (2025-11-25), or a `server/discover` probe (2026-07-28), or neither. */
  handshake: 'initialize' | 'server/discover' | 'none';
  /** The Mcp-Session-Id a response carried, if any (the Dojo server sends none in either era). */
  sessionId: string | undefined;
  /** The protocol version the requests declared (the mcp-protocol-version header, last seen). */
  protocolVersionHeader: string | undefined;
  /** JSON-RPC requests sent, and how many of them carried the `io.modelcontextprotocol/*` envelope. */
  requests: number;
  requestsWithEnvelope: number;
  /** HTTP requests by method, e.g. { POST: 4, GET: 1 }. */
  httpByMethod: Record<string, number>;
  httpRequests: number;
  /** HTTP answers that failed or were refused (status ≥ 400, or none), e.g. the GET a stateless server answers 405. */
  httpRefused: number;
  streamedResponses: number;
  bytesSent: number;
  bytesReceived: number;
}

export function summarizeWire(trace: readonly TraceEntry[], http: readonly HttpExchange[]): WireSummary {
  const sent = trace.filter((entry) => entry.direction === 'out' && entry.kind === 'request');
  const methods = new Set(sent.map((entry) => entry.method));
  const httpByMethod: Record<string, number> = {};
  for (const exchange of http) httpByMethod[exchange.method] = (httpByMethod[exchange.method] ?? 0) + 1;
  return {
    handshake: methods.has('initialize') ? 'initialize' : methods.has('server/discover') ? 'server/discover' : 'none',
    sessionId: http.map((exchange) => exchange.responseHeaders['mcp-session-id']).find(Boolean),
    protocolVersionHeader: http.map((exchange) => exchange.requestHeaders['mcp-protocol-version']).findLast(Boolean),
    requests: sent.length,
    requestsWithEnvelope: sent.filter((entry) => (entry.envelope?.length ?? 0) > 0).length,
    httpByMethod,
    httpRequests: http.length,
    httpRefused: http.filter((exchange) => exchange.status === 0 || exchange.status >= 400).length,
    streamedResponses: http.filter((exchange) => exchange.streamed).length,
    bytesSent: http.reduce((sum, exchange) => sum + exchange.requestBytes, 0),
    bytesReceived: http.reduce((sum, exchange) => sum + exchange.responseBytes, 0),
  };
}
