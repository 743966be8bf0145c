'use client';
/**
 * The sessions behind lesson 5's comparisons: one with compact output (the
 * production default) and one with `output=raw`, everything else equal.
 * Settings are fixed per session, so another data source means new sessions.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { PanelSettings } from '@/lib/lessons/schema';
import { SessionSlot } from '../../panel/session-slot';

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

async function callIn(slot: SessionSlot, settings: PanelSettings, name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  const { client } = await slot.ensure(settings);
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

export function useSizeSessions() {
  const [compactSlot] = useState(() => new SessionSlot());
  const [rawSlot] = useState(() => new SessionSlot());
  useEffect(
    () => () => {
      compactSlot.close();
      rawSlot.close();
    },
    [compactSlot, rawSlot],
  );

  const filtering = useMutation({
    mutationFn: async (source: SizeSource): Promise<FilteringRun> => {
      const settings = settingsFor(source);
      // One after the other, in one session: the same data, asked two ways.
      const inTool = await callIn(compactSlot, settings, 'list_tasks', { priority: 'p1' });
      const byApi = await callIn(compactSlot, settings, 'filter_tasks', { query: 'p1' });
      return { source, inTool, byApi };
    },
  });

  const outputs = useMutation({
    mutationFn: async (source: SizeSource): Promise<OutputsRun> => {
      const settings = settingsFor(source);
      const [raw, compact] = await Promise.all([
        callIn(rawSlot, { ...settings, output: 'raw' }, 'get_overview', {}),
        callIn(compactSlot, settings, 'get_overview', {}),
      ]);
      return { source, raw, compact };
    },
  });

  return { filtering, outputs };
}
