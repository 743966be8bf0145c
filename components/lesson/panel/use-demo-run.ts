'use client';
/**
 * Runs a demo's tool call on a connection of its own: connect, call, close.
 * The server keeps no session, so nothing stays open between runs; what the
 * runs share (mock writes, breaker, cache) lives in the demo's workspace on
 * the server. Every run has a timeout and a Cancel; the trace and the HTTP
 * log show the run's whole exchange, handshake included.
 */
import type { CallToolResult, Progress } from '@modelcontextprotocol/client';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { cancelledError } from '@/lib/mcp/client/cancel';
import { HttpExchangeLog } from '@/lib/mcp/client/http-log';
import { runOnConnection } from '@/lib/mcp/client/run-on-demand';
import { ProtocolTrace } from '@/lib/mcp/client/trace';
import { endpointSettings, type LiveSettings } from '@/lib/lessons/live-settings';

export { isCancelled } from '@/lib/mcp/client/cancel';

const CLIENT_INFO = { name: 'mcp-dojo-lesson', version: '0.2.0' };

export interface RunInput {
  settings: LiveSettings;
  tool: string;
  args: Record<string, unknown>;
}

export interface RunOutput {
  result: CallToolResult;
  /** What the connection negotiated: 2026-07-28 or 2025-11-25. */
  protocolVersion: string | undefined;
}

/** `workspace`: the server-side state this run shares with the demo's other runs, and with nothing else. */
export function useDemoRun(workspace: string) {
  const [trace] = useState(() => new ProtocolTrace());
  const [http] = useState(() => new HttpExchangeLog());
  const [progress, setProgress] = useState<Progress[]>([]);
  const controller = useRef<AbortController | null>(null);
  // Leaving the demo aborts a run still in flight: nothing is left waiting on the server.
  useEffect(() => () => controller.current?.abort(cancelledError('the lesson panel')), []);

  const mutation = useMutation({
    mutationFn: async ({ settings, tool, args }: RunInput): Promise<RunOutput> => {
      const abort = new AbortController();
      controller.current = abort;
      setProgress([]);
      trace.clear();
      http.clear();
      return runOnConnection(
        {
          endpoint: '/api/mcp',
          settings: endpointSettings(settings, workspace),
          protocol: settings.protocol,
          trace,
          http,
          clientInfo: CLIENT_INFO,
          signal: abort.signal,
          cancelled: () => cancelledError('the lesson panel'),
        },
        async ({ client, connection, request }) => {
          // Passing onprogress makes the SDK send a progressToken: that is what asks the server for progress.
          const result = await client.callTool(
            { name: tool, arguments: args },
            { ...request, onprogress: (update) => setProgress((previous) => [...previous, update]) },
          );
          return { result, protocolVersion: connection.protocolVersion };
        },
      );
    },
  });

  return {
    /** Resolves with the result; rejects with a failure that says what failed, or on cancel (see isCancelled). */
    run: mutation.mutateAsync,
    cancel: () => controller.current?.abort(cancelledError('the lesson panel')),
    trace,
    http,
    progress,
    output: mutation.data,
    error: mutation.error,
    pending: mutation.isPending,
    /** The settings of the last run (the one shown). */
    settings: mutation.variables?.settings,
  };
}

export type DemoRun = ReturnType<typeof useDemoRun>;
