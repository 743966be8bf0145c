/**
 * The clients the load script drives: the real SDK clients of both protocol generations, behind one small shape.
 *
 * - 2025-11-25: `@modelcontextprotocol/sdk` 1.32 — what Claude Desktop and most deployed hosts speak. Against the
 *   sessionful server it opens a session (initialize + a GET stream); against the per-request server it is served
 *   by the SDK's stateless legacy fallback.
 * - 2026-07-28: `@modelcontextprotocol/client` 2.x with `versionNegotiation: { mode: 'auto' }`: probes with
 *   `server/discover` and falls back to 2025-11-25 when the server does not speak 2026-07-28.
 */
import { Client as ClientV2, StreamableHTTPClientTransport as TransportV2 } from '@modelcontextprotocol/client';
import { Client as ClientV1 } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport as TransportV1 } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

export type Era = '2025-11-25' | '2026-07-28';

export interface LoadClient {
  /** The version the connection negotiated (e.g. a v2 client may fall back to 2025-11-25). */
  protocolVersion: string | undefined;
  /** Resolves with the tool's result; throws on a protocol or transport failure. */
  callTool(name: string, args?: Record<string, unknown>): Promise<{ isError: boolean; text: string }>;
  /** Drops the connection without ending a session: what a learner who closes the tab does. */
  abandon(): Promise<void>;
  /** Ends the connection politely (a 2025 client ends its session with DELETE). */
  close(): Promise<void>;
}

const CALL_TIMEOUT_MS = 60_000;
const clientInfo = { name: 'dojo-load', version: '1' };

export async function connectClient(era: Era, endpoint: URL): Promise<LoadClient> {
  return era === '2025-11-25' ? connectV1(endpoint) : connectV2(endpoint);
}

async function connectV1(endpoint: URL): Promise<LoadClient> {
  const client = new ClientV1(clientInfo);
  const transport = new TransportV1(endpoint);
  await client.connect(transport, { timeout: CALL_TIMEOUT_MS });
  return {
    protocolVersion: transport.protocolVersion,
    callTool: async (name, args = {}) => {
      const result = await client.callTool({ name, arguments: args }, undefined, { timeout: CALL_TIMEOUT_MS });
      return { isError: result.isError === true, text: firstText(result.content) };
    },
    abandon: () => client.close(), // no DELETE: the session, if any, stays on the server
    close: async () => {
      await transport.terminateSession().catch(() => undefined);
      await client.close();
    },
  };
}

async function connectV2(endpoint: URL): Promise<LoadClient> {
  const client = new ClientV2(clientInfo, { versionNegotiation: { mode: 'auto' } });
  await client.connect(new TransportV2(endpoint), { timeout: CALL_TIMEOUT_MS });
  return {
    protocolVersion: client.getNegotiatedProtocolVersion(),
    callTool: async (name, args = {}) => {
      const result = await client.callTool({ name, arguments: args }, { timeout: CALL_TIMEOUT_MS });
      return { isError: result.isError === true, text: firstText(result.content) };
    },
    abandon: () => client.close(),
    close: () => client.close(),
  };
}

function firstText(content: unknown): string {
  if (!Array.isArray(content)) return '';
  const part = content.find((item): item is { type: 'text'; text: string } => item?.type === 'text');
  return part?.text ?? '';
}

/** A fresh signed learner id from the app (`GET /api/learner`); the per-request server only. */
export async function newLearnerId(origin: string): Promise<string> {
  const response = await fetch(`${origin}/api/learner`, { signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`GET /api/learner answered ${response.status}`);
  const { learner } = (await response.json()) as { learner?: string };
  if (!learner) throw new Error('GET /api/learner returned no learner id');
  return learner;
}

export function mcpEndpoint(origin: string, query: Record<string, string | undefined>): URL {
  const url = new URL('/api/mcp', origin);
  for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, value);
  return url;
}

/** Runs `task(i)` for i in [0, count) with at most `width` running at once. */
export async function inPool(count: number, width: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(width, count) }, worker));
}

export function errorText(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? ` (cause: ${error.cause.message})` : '';
  return (message + cause).replace(/\s+/g, ' ').slice(0, 200);
}
