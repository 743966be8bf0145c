/** The stdio binary, launched as Claude Desktop would, answered through the SDK client. */
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../../bin/mcp-dojo.mjs', import.meta.url));

async function launch(args: string[], env: Record<string, string> = {}) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, ...args],
    // From another folder, as Claude Desktop does: the binary must not depend on the cwd.
    cwd: '/',
    env: { PATH: process.env.PATH ?? '', HOME: '/nonexistent-home', ...env },
    stderr: 'pipe',
  });
  const client = new Client({ name: 'stdio-test', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

describe('stdio server (bin/mcp-dojo.mjs)', () => {
  it('answers tools/list and a tool call on the mock backend', async () => {
    const client = await launch(['--backend', 'mock', '--size', 'small']);
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toContain('list_tasks');
    expect(tools).toHaveLength(8);
    const result = (await client.callTool({ name: 'list_tasks', arguments: {} })) as CallToolResult;
    expect(result.structuredContent?.count).toBe(180);
    await client.close();
  }, 30_000);

  it('in real mode without a token, answers with a clear error, not mock data', async () => {
    const client = await launch(['--backend', 'real'], { XDG_CONFIG_HOME: '/nonexistent-xdg' });
    const result = (await client.callTool({ name: 'list_tasks', arguments: {} })) as CallToolResult;
    expect(result.isError).toBe(true);
    const text = result.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
    expect(text).toContain('No Todoist API token is configured');
    await client.close();
  }, 30_000);
});

describe('stdio server, 2026-07-28 and the stand-in', () => {
  it('speaks 2026-07-28 to a v2 client, and keeps the writes of its one local learner between calls', async () => {
    const { Client: ClientV2 } = await import('@modelcontextprotocol/client');
    const { StdioClientTransport: StdioV2 } = await import('@modelcontextprotocol/client/stdio');
    const client = new ClientV2({ name: 'stdio-test-v2', version: '1.0.0' }, { versionNegotiation: { mode: 'auto' } });
    await client.connect(
      new StdioV2({ command: process.execPath, args: [BIN, '--backend', 'mock'], cwd: '/', env: { PATH: process.env.PATH ?? '', HOME: '/nonexistent-home' }, stderr: 'pipe' }),
    );
    expect(client.getNegotiatedProtocolVersion()).toBe('2026-07-28');
    const count = async () => ((await client.callTool({ name: 'list_tasks', arguments: {} })).structuredContent as { count: number }).count;
    const before = await count();
    await client.callTool({ name: 'create_task', arguments: { content: 'Made over stdio' } });
    expect(await count()).toBe(before + 1);
    await client.close();
  }, 30_000);

  it('reaches the built-in stand-in when asked by name (--upstream standin), and says it is sample data', async () => {
    const client = await launch(['--backend', 'real', '--upstream', 'standin'], { XDG_CONFIG_HOME: '/nonexistent-xdg' });
    const result = (await client.callTool({ name: 'list_tasks', arguments: {} })) as CallToolResult;
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent?.count).toBe(180);
    const text = result.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
    expect(text).toMatch(/^Source: Todoist stand-in on this machine .* sample data, not your account/);
    await client.close();
  }, 30_000);
});
