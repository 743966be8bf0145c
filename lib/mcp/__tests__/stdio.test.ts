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
    expect(tools).toHaveLength(7);
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
