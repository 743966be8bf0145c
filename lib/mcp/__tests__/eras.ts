/**
 * MCP clients of both protocol eras, for tests over real HTTP:
 * - `2026-07-28`: the SDK v2 client negotiating the current protocol (`auto`);
 * - `2025-11-25 (v2 client)`: the same client in its default legacy mode;
 * - `2025-11-25 (SDK 1.32)`: the v1 client that 2025-era hosts such as Claude Desktop are built on.
 */
import { Client, StreamableHTTPClientTransport, type CallToolResult } from '@modelcontextprotocol/client';
import { Client as ClientV1 } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport as TransportV1 } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

export interface EraClient {
  protocolVersion: string | undefined;
  listToolNames(): Promise<string[]>;
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  readResource(uri: string): Promise<string>;
  getPrompt(name: string): Promise<string>;
  close(): Promise<void>;
}

export const ERAS = ['2026-07-28', '2025-11-25 (v2 client)', '2025-11-25 (SDK 1.32)'] as const;
export type Era = (typeof ERAS)[number];

/** `headers`: sent with every request, e.g. `{ Authorization: 'Bearer …' }` for a signed-in caller. */
export async function connectEra(era: Era, url: URL, headers: Record<string, string> = {}): Promise<EraClient> {
  const requestInit = { headers };
  if (era === '2025-11-25 (SDK 1.32)') {
    const client = new ClientV1({ name: 'dojo-test-v1', version: '1.0.0' });
    const transport = new TransportV1(url, { requestInit });
    await client.connect(transport);
    return wrap(client as unknown as AnyClient, transport.protocolVersion);
  }
  const mode = era === '2026-07-28' ? 'auto' : 'legacy';
  const client = new Client({ name: 'dojo-test', version: '1.0.0' }, { versionNegotiation: { mode } });
  await client.connect(new StreamableHTTPClientTransport(url, { requestInit }));
  return wrap(client as unknown as AnyClient, client.getNegotiatedProtocolVersion());
}

/** The few calls both SDK generations share, typed loosely enough for either. */
interface AnyClient {
  listTools(): Promise<{ tools: { name: string }[] }>;
  callTool(params: { name: string; arguments: Record<string, unknown> }): Promise<unknown>;
  readResource(params: { uri: string }): Promise<{ contents: { text?: unknown }[] }>;
  getPrompt(params: { name: string }): Promise<{ messages: { content: { type: string; text?: unknown } }[] }>;
  close(): Promise<void>;
}

function wrap(client: AnyClient, protocolVersion: string | undefined): EraClient {
  return {
    protocolVersion,
    listToolNames: async () => (await client.listTools()).tools.map((tool) => tool.name).sort(),
    call: async (name, args = {}) => (await client.callTool({ name, arguments: args })) as CallToolResult,
    readResource: async (uri) => String((await client.readResource({ uri })).contents[0]?.text ?? ''),
    getPrompt: async (name) => String((await client.getPrompt({ name })).messages[0]?.content.text ?? ''),
    close: () => client.close(),
  };
}
