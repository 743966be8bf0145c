/**
 * Connects the real SDK v2 Client to a Dojo server in process (InMemoryTransport,
 * one server for the connection, as over stdio). HTTP and both protocol eras: see http.test.ts.
 */
import { Client, InMemoryTransport, type CallToolResult } from '@modelcontextprotocol/client';
import { createDojoMcpServer, type DojoServerOptions } from '../server';
import { PROVENANCE_META_KEY, type Provenance } from '../provenance';

export async function connect(options: DojoServerOptions = {}) {
  const server = createDojoMcpServer(options);
  const client = new Client({ name: 'dojo-test', version: '1.0.0' });
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  await Promise.all([server.connect(serverTransport), client.connect(clientTransport)]);
  const call = async (name: string, args: Record<string, unknown> = {}) =>
    (await client.callTool({ name, arguments: args })) as ToolResult;
  return { client, server, call, close: () => client.close() };
}

/** Our tools' structured content is always an object (the SDK types it as any JSON value). */
export type ToolResult = CallToolResult & { structuredContent?: Record<string, unknown> };

export function textOf(result: CallToolResult): string {
  return result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
}

export function provenanceOf(result: CallToolResult): Provenance {
  return result._meta?.[PROVENANCE_META_KEY] as Provenance;
}

export const NOW = new Date('2026-10-01T09:00:00Z');

/** One raw JSON-RPC POST to an MCP endpoint URL, as a 2025-era client sends it (a string body goes as it is). */
export function postMcp(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/json, text/event-stream',
      'MCP-Protocol-Version': '2025-11-25',
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
