'use client';
/**
 * The fault widget's server side: a workspace per strategy, whose breaker and
 * last-good cache persist across runs on the server. A fault is switched on
 * the workspace's mock upstream (POST /api/mcp/scenario?workspace=…), never
 * in the run's URL — a `scenario=` there would override the switch for that
 * request. Each run is a connection of its own, with the request timeout and
 * a Cancel; the workspace, not the connection, is what remembers.
 */
import type { CallToolResult } from '@modelcontextprotocol/client';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { Fault } from '@/lib/lessons/widgets/fault-scenarios';
import type { PanelSettings } from '@/lib/lessons/schema';
import type { DojoClientSettings } from '@/lib/mcp/client/constants';
import { cancelledError } from '@/lib/mcp/client/cancel';
import { HttpExchangeLog } from '@/lib/mcp/client/http-log';
import { runOnConnection } from '@/lib/mcp/client/run-on-demand';
import { ProtocolTrace } from '@/lib/mcp/client/trace';
import { switchWorkspaceScenario, workspaceName } from '@/lib/mcp/client/workspace';

export type FaultStrategy = PanelSettings['strategy'];

export interface FaultRunOutput {
  result: CallToolResult;
  /** The fault in force during the run. */
  fault: Fault;
}

const CLIENT_INFO = { name: 'mcp-dojo-fault-timeline', version: '0.2.0' };

/** No `scenario`: the workspace's switched scenario applies. */
function settingsFor(strategy: FaultStrategy, workspace: string): DojoClientSettings {
  return { backend: 'mock', strategy, size: 'small', workspace };
}

export function useFaultSession(strategy: FaultStrategy) {
  const [workspace] = useState(() => workspaceName('faults', strategy));
  const [trace] = useState(() => new ProtocolTrace());
  const [http] = useState(() => new HttpExchangeLog());
  // Which fault this page has put on the workspace: skipped when it is already there, unless forced.
  const applied = useRef<string | undefined>(undefined);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(cancelledError('the fault widget')), []);

  /** Puts `fault` on this workspace's mock upstream; `force` re-arms it (page-fails counts its failures). */
  const applyFault = async (fault: Fault, force = false): Promise<void> => {
    if (!force && applied.current === fault.id) return;
    // The same dataset the runs read (size small): a workspace keeps one mock state per size.
    await switchWorkspaceScenario(workspace, fault.scenario, { data: { size: 'small' } });
    applied.current = fault.id;
  };

  const mutation = useMutation({
    mutationFn: async (fault: Fault): Promise<FaultRunOutput> => {
      const abort = new AbortController();
      controller.current = abort;
      trace.clear();
      http.clear();
      await applyFault(fault);
      const result = await runOnConnection(
        {
          endpoint: '/api/mcp',
          settings: settingsFor(strategy, workspace),
          trace,
          http,
          clientInfo: CLIENT_INFO,
          signal: abort.signal,
          cancelled: () => cancelledError('the fault widget'),
        },
        ({ client, request }) => client.callTool({ name: 'get_overview', arguments: {} }, request),
      );
      return { result, fault };
    },
  });

  return {
    strategy,
    workspace,
    applyFault,
    run: mutation.mutateAsync,
    cancel: () => controller.current?.abort(cancelledError('the fault widget')),
    /** Stops a run in flight and forgets the shown result (the naive comparison, when switched off). */
    close: () => {
      controller.current?.abort(cancelledError('the fault widget'));
      applied.current = undefined;
      mutation.reset();
    },
    trace,
    http,
    output: mutation.data,
    error: mutation.error,
    pending: mutation.isPending,
  };
}

export type FaultSession = ReturnType<typeof useFaultSession>;
