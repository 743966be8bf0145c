'use client';
/**
 * One cell of the pagination grid: list_tasks on a connection of its own
 * (closed after), in the cell's own workspace, with the server's per-page
 * progress messages collected as they arrive. A timeout or a Cancel ends the
 * run; any failure is shown in the cell, saying what failed.
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { observeCall, type Observation } from '@/lib/lessons/observations';
import type { PanelSettings } from '@/lib/lessons/schema';
import { cancelledError } from '@/lib/mcp/client/cancel';
import { runOnConnection } from '@/lib/mcp/client/run-on-demand';
import { workspaceName } from '@/lib/mcp/client/workspace';
import { endpointSettings } from '@/lib/lessons/live-settings';

const CLIENT_INFO = { name: 'mcp-dojo-pagination-grid', version: '0.2.0' };

export function useCellRun() {
  const [messages, setMessages] = useState<string[]>([]);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(cancelledError('the pagination grid')), []);

  const mutation = useMutation({
    mutationFn: async (settings: PanelSettings): Promise<Observation> => {
      const abort = new AbortController();
      controller.current = abort;
      setMessages([]);
      try {
        const result = await runOnConnection(
          {
            endpoint: '/api/mcp',
            // One workspace per cell: the four reads never share a breaker or a cache.
            settings: endpointSettings(settings, workspaceName('grid', settings.backend, settings.strategy)),
            clientInfo: CLIENT_INFO,
            signal: abort.signal,
            cancelled: () => cancelledError('the pagination grid'),
          },
          ({ client, request }) =>
            client.callTool(
              { name: 'list_tasks', arguments: {} },
              // Passing onprogress is what asks the server for one notification per page.
              { ...request, onprogress: (update) => setMessages((previous) => [...previous, update.message ?? '']) },
            ),
        );
        return observeCall(settings, 'list_tasks', result);
      } catch (error) {
        // A failure (or a cancel) is a result to show in the cell, like a tool error.
        return observeCall(settings, 'list_tasks', error instanceof Error ? error : new Error(String(error)));
      }
    },
  });
  return {
    run: mutation.mutateAsync,
    cancel: () => controller.current?.abort(cancelledError('the pagination grid')),
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
