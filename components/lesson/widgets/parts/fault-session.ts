'use client';
/**
 * One MCP session of the fault widget, kept open between runs: its breaker
 * and its last-good cache live on the server, in this session. A fault is
 * switched on the session's mock upstream (POST /api/mcp/scenario), never
 * by starting a new session — that would start with a closed breaker and an
 * empty cache, and hide what the lesson is about.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { switchMockScenario, type Fault } from '@/lib/lessons/widgets/fault-scenarios';
import type { PanelSettings } from '@/lib/lessons/schema';
import { SessionSlot } from '../../panel/session-slot';

export type FaultStrategy = PanelSettings['strategy'];

export interface FaultRunOutput {
  result: CallToolResult;
  /** The fault in force during the run. */
  fault: Fault;
}

/** The scenario in the URL stays "faithful": faults are switched on the live session instead. */
function settingsFor(strategy: FaultStrategy): PanelSettings {
  return { backend: 'mock', strategy, scenario: 'faithful', size: 'small', token: 'configured' };
}

function cancelledError(): Error {
  return new DOMException('Cancelled in the fault widget.', 'AbortError');
}

export function useFaultSession(strategy: FaultStrategy) {
  const [slot] = useState(() => new SessionSlot());
  // Which fault the server has for which session: a reconnect (the server idled the session out) needs it again.
  const applied = useRef<{ sessionId: string; faultId: string } | undefined>(undefined);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => slot.close(), [slot]);

  /** Puts `fault` on this session's mock upstream; `force` re-arms it (page-fails counts its failures). */
  const applyFault = async (fault: Fault, force = false): Promise<void> => {
    const { sessionId } = await slot.ensure(settingsFor(strategy));
    if (!sessionId) throw new Error('The server gave this session no id, so its scenario cannot be switched.');
    if (!force && applied.current?.sessionId === sessionId && applied.current.faultId === fault.id) return;
    await switchMockScenario(sessionId, fault.scenario);
    applied.current = { sessionId, faultId: fault.id };
  };

  const mutation = useMutation({
    mutationFn: async (fault: Fault): Promise<FaultRunOutput> => {
      const abort = new AbortController();
      controller.current = abort;
      try {
        await applyFault(fault);
        const { client } = await slot.ensure(settingsFor(strategy));
        const result = await client.callTool({ name: 'get_overview', arguments: {} }, undefined, { signal: abort.signal });
        return { result: result as CallToolResult, fault };
      } catch (error) {
        throw abort.signal.aborted ? cancelledError() : error;
      }
    },
  });

  return {
    strategy,
    applyFault,
    run: mutation.mutateAsync,
    cancel: () => controller.current?.abort(cancelledError()),
    /** Ends the session on the server (the naive comparison, when switched off). */
    close: () => {
      slot.close();
      applied.current = undefined;
      mutation.reset();
    },
    trace: slot.trace,
    output: mutation.data,
    error: mutation.error,
    pending: mutation.isPending,
  };
}

export type FaultSession = ReturnType<typeof useFaultSession>;
