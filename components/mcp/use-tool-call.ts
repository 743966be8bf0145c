'use client';
/**
 * Calls one MCP tool and collects the progress notifications the server
 * sends while it works (one per page of Todoist data). Every call has the
 * request timeout and a Cancel; a failure says what failed.
 */
import type { CallToolResult, Client, Progress } from '@modelcontextprotocol/client';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { REQUEST_TIMEOUT_MS } from '@/lib/mcp/client/connect';
import { cancelledError, toCallFailure } from '@/lib/mcp/client/failure';

export interface ToolCallInput {
  name: string;
  args: Record<string, unknown>;
}

export function useToolCall(client: Client | null) {
  const [progress, setProgress] = useState<Progress[]>([]);
  const abortController = useRef<AbortController | null>(null);

  const mutation = useMutation({
    mutationFn: async ({ name, args }: ToolCallInput): Promise<CallToolResult> => {
      if (!client) throw new Error('Not connected: connect to the MCP server first.');
      const controller = new AbortController();
      abortController.current = controller;
      setProgress([]);
      try {
        // Passing onprogress makes the SDK add a progressToken, which is what asks the server for progress.
        return await client.callTool(
          { name, arguments: args },
          { onprogress: (update) => setProgress((previous) => [...previous, update]), signal: controller.signal, timeout: REQUEST_TIMEOUT_MS },
        );
      } catch (error) {
        throw controller.signal.aborted ? cancelledError('the playground') : toCallFailure(error);
      }
    },
  });

  return {
    call: mutation.mutate,
    /** On 2026-07-28 aborting closes the request's POST; on 2025-11-25 the client also sends notifications/cancelled. */
    cancel: () => abortController.current?.abort(cancelledError('the playground')),
    reset: () => {
      mutation.reset();
      setProgress([]);
    },
    progress,
    result: mutation.data,
    error: mutation.error,
    isPending: mutation.isPending,
  };
}
