'use client';
/**
 * The calls behind lesson 5's comparisons: compact output (the production
 * default) and `output=raw`, everything else equal. Each comparison runs on
 * connections of its own (closed after), with the request timeout; the
 * settings travel with every request, so nothing is kept between runs.
 */
import type { CallToolResult } from '@modelcontextprotocol/client';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { PanelSettings } from '@/lib/lessons/schema';
import { cancelledError } from '@/lib/mcp/client/cancel';
import { runOnConnection } from '@/lib/mcp/client/run-on-demand';
import { endpointSettings } from '@/lib/lessons/live-settings';

const CLIENT_INFO = { name: 'mcp-dojo-size-compare', version: '0.2.0' };

/** Where the tasks come from: the mock at two sizes, or the real API this server is configured for. */
export type SizeSource = 'small' | 'large' | 'real';

export function settingsFor(source: SizeSource): PanelSettings {
  return source === 'real'
    ? { backend: 'real', strategy: 'production', scenario: 'faithful', size: 'small', token: 'configured' }
    : { backend: 'mock', strategy: 'production', scenario: 'faithful', size: source, token: 'configured' };
}

export interface FilteringRun {
  source: SizeSource;
  /** list_tasks {priority: "p1"}: every task fetched, filtered in the tool. */
  inTool: CallToolResult;
  /** filter_tasks {query: "p1"}: Todoist filters. */
  byApi: CallToolResult;
}

export interface OutputsRun {
  source: SizeSource;
  raw: CallToolResult;
  compact: CallToolResult;
}

type Call = { name: string; arguments: Record<string, unknown> };

export function useSizeSessions() {
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(cancelledError('the size comparison')), []);

  /** Runs `calls` one after the other on one connection, in the widget's workspace. */
  const callAll = (settings: PanelSettings, calls: Call[], signal: AbortSignal): Promise<CallToolResult[]> =>
    runOnConnection(
      {
        endpoint: '/api/mcp',
        settings: endpointSettings(settings, 'size-compare'),
        clientInfo: CLIENT_INFO,
        signal,
        cancelled: () => cancelledError('the size comparison'),
      },
      async ({ client, request }) => {
        const results: CallToolResult[] = [];
        for (const call of calls) results.push(await client.callTool(call, request));
        return results;
      },
    );
  const start = () => {
    const abort = new AbortController();
    controller.current = abort;
    return abort.signal;
  };

  const filtering = useMutation({
    mutationFn: async (source: SizeSource): Promise<FilteringRun> => {
      // One after the other: the same data, asked two ways.
      const [inTool, byApi] = await callAll(
        settingsFor(source),
        [
          { name: 'list_tasks', arguments: { priority: 'p1' } },
          { name: 'filter_tasks', arguments: { query: 'p1' } },
        ],
        start(),
      );
      return { source, inTool: inTool!, byApi: byApi! };
    },
  });

  const outputs = useMutation({
    mutationFn: async (source: SizeSource): Promise<OutputsRun> => {
      const settings = settingsFor(source);
      const signal = start();
      const overview = { name: 'get_overview', arguments: {} };
      const [[raw], [compact]] = await Promise.all([
        callAll({ ...settings, output: 'raw' }, [overview], signal),
        callAll(settings, [overview], signal),
      ]);
      return { source, raw: raw!, compact: compact! };
    },
  });

  return { filtering, outputs, cancel: () => controller.current?.abort(cancelledError('the size comparison')) };
}
