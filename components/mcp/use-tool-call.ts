'use client';
/**
 * Calls one MCP tool and collects the progress notifications the server
 * sends while it works (one per page of Todoist data).
 */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult, Progress } from '@modelcontextprotocol/sdk/types.js';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';

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
      // Passing onprogress makes the SDK add a progressToken, which is what asks the server for progress.
      const result = await client.callTool({ name, arguments: args }, undefined, {
        onprogress: (update) => setProgress((previous) => [...previous, update]),
        signal: controller.signal,
      });
      return result as CallToolResult;
    },
  });

  return {
    call: mutation.mutate,
    /** Aborting sends notifications/cancelled to the server. */
    cancel: () => abortController.current?.abort('Cancelled in the playground.'),
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
