'use client';
/**
 * One cell of the pagination grid: list_tasks in a session of its own (closed
 * after), with the server's per-page progress messages collected as they arrive.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { inOneSession } from '@/lib/lessons/widgets/one-session';
import { observeCall, type CallOutcome, type Observation } from '@/lib/lessons/observations';
import type { PanelSettings } from '@/lib/lessons/schema';

const CLIENT_INFO = { name: 'mcp-dojo-pagination-grid', version: '0.1.0' };

export function useCellRun() {
  const [messages, setMessages] = useState<string[]>([]);
  const mutation = useMutation({
    mutationFn: async (settings: PanelSettings): Promise<Observation> => {
      setMessages([]);
      try {
        const result = await inOneSession({ endpoint: '/api/mcp', settings, clientInfo: CLIENT_INFO }, (client) =>
          client.callTool({ name: 'list_tasks', arguments: {} }, undefined, {
            // Passing onprogress is what asks the server for one notification per page.
            onprogress: (update) => setMessages((previous) => [...previous, update.message ?? '']),
          }),
        );
        return observeCall(settings, 'list_tasks', result as CallOutcome);
      } catch (error) {
        // A protocol error (or no server) is a result to show in the cell, like a tool error.
        return observeCall(settings, 'list_tasks', error instanceof Error ? error : new Error(String(error)));
      }
    },
  });
  return {
    run: mutation.mutateAsync,
    reset: () => {
      mutation.reset();
      setMessages([]);
    },
    observation: mutation.data,
    pending: mutation.isPending,
    messages,
  };
}

export type CellRun = ReturnType<typeof useCellRun>;
