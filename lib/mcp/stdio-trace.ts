/**
 * Runs one tool call against the stdio face of the server — the process
 * Claude Desktop would launch — and returns its protocol trace, so a lesson
 * can put it beside the same call over HTTP.
 */
import path from 'node:path';
import { Client, type CallToolResult } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
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
  // `auto`: the current protocol (2026-07-28) when the server speaks it, as ours does.
  const client = new Client({ name: 'dojo-stdio-trace', version: '0.1.0' }, { versionNegotiation: { mode: 'auto' } });
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
