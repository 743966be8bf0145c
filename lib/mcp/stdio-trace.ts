/**
 * Runs one tool call against the stdio face of the server — the process
 * Claude Desktop would launch — and returns its protocol trace, so a lesson
 * can put it beside the same call over HTTP.
 */
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ProtocolTrace, traceTransport, type TraceEntry } from './client/trace';

export interface StdioTrace {
  command: string;
  entries: TraceEntry[];
  result: CallToolResult;
  ms: number;
}

export async function traceStdioCall(
  tool: string,
  args: Record<string, unknown>,
  projectDir: string = process.cwd(),
): Promise<StdioTrace> {
  const started = performance.now();
  const bin = path.join(projectDir, 'bin', 'mcp-dojo.mjs');
  const cliArgs = [bin, '--backend', 'mock', '--size', 'small'];
  const trace = new ProtocolTrace();
  const client = new Client({ name: 'dojo-stdio-trace', version: '0.1.0' });
  await client.connect(
    traceTransport(new StdioClientTransport({ command: process.execPath, args: cliArgs, stderr: 'ignore' }), trace),
  );
  try {
    const result = (await client.callTool({ name: tool, arguments: args })) as CallToolResult;
    return {
      command: `node ${path.relative(projectDir, bin)} ${cliArgs.slice(1).join(' ')}`,
      entries: [...trace.snapshot()],
      result,
      ms: performance.now() - started,
    };
  } finally {
    await client.close();
  }
}
