/**
 * Runs one tool call against the stdio face of the server — the process
 * Claude Desktop would launch — and returns its protocol trace, so a lesson
 * can put it beside the same call over HTTP.
 *
 * It starts a process, so it only ever starts this one: `node
 * bin/mcp-dojo.mjs` with fixed flags (no shell, nothing from a request), and
 * it kills it when the caller's signal aborts (the learner left, or the
 * deadline passed) instead of letting it run to the end.
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

export interface StdioTraceOptions {
  /** Where bin/mcp-dojo.mjs lives. Default: process.cwd(). */
  projectDir?: string;
  /** Aborting it kills the process and rejects the call. */
  signal?: AbortSignal;
}

/** The flags of the one process this module starts: the mock backend, small data. */
export const STDIO_TRACE_SERVER_FLAGS: readonly string[] = ['--backend', 'mock', '--size', 'small'];

export async function traceStdioCall(
  tool: string,
  args: Record<string, unknown>,
  { projectDir = process.cwd(), signal }: StdioTraceOptions = {},
): Promise<StdioTrace> {
  signal?.throwIfAborted();
  const started = performance.now();
  const bin = path.join(projectDir, 'bin', 'mcp-dojo.mjs');
  const transport = new StdioClientTransport({ command: process.execPath, args: [bin, ...STDIO_TRACE_SERVER_FLAGS], stderr: 'ignore' });
  // SIGTERM at once: client.close() would first wait up to 2 s for the process to exit by itself.
  const kill = () => {
    try {
      if (transport.pid !== null) process.kill(transport.pid, 'SIGTERM');
    } catch {
      // ESRCH: it had already exited.
    }
  };
  signal?.addEventListener('abort', kill, { once: true });
  const trace = new ProtocolTrace();
  // `auto`: the current protocol (2026-07-28) when the server speaks it, as ours does.
  const client = new Client({ name: 'dojo-stdio-trace', version: '0.1.0' }, { versionNegotiation: { mode: 'auto' } });
  try {
    await client.connect(traceTransport(transport, trace), { signal });
    const result = (await client.callTool({ name: tool, arguments: args }, { signal })) as CallToolResult;
    return {
      command: `node ${path.relative(projectDir, bin)} ${STDIO_TRACE_SERVER_FLAGS.join(' ')}`,
      entries: [...trace.snapshot()],
      result,
      ms: performance.now() - started,
    };
  } finally {
    signal?.removeEventListener('abort', kill);
    await client.close();
  }
}
