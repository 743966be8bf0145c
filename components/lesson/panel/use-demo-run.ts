'use client';
/**
 * Runs a demo's tool call in a SessionSlot: reuse or open the session, call
 * the tool, and collect the progress notifications (one per page read) while
 * it runs. Cancel sends notifications/cancelled to the server.
 */
import type { CallToolResult, Progress } from '@modelcontextprotocol/sdk/types.js';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { PanelSettings } from '@/lib/lessons/schema';
import { SessionSlot } from './session-slot';

export interface RunInput {
  settings: PanelSettings;
  tool: string;
  args: Record<string, unknown>;
}

export interface RunOutput {
  result: CallToolResult;
  sessionId: string | undefined;
}

/** The reason a cancelled run rejects with: shown as "cancelled", never as a failure. */
export function isCancelled(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

function cancelledError(): Error {
  return new DOMException('Cancelled in the lesson panel.', 'AbortError');
}

export function useDemoRun() {
  // One slot per component: its session lives as long as the component does.
  const [slot] = useState(() => new SessionSlot());
  const [progress, setProgress] = useState<Progress[]>([]);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => slot.close(), [slot]);

  const mutation = useMutation({
    mutationFn: async ({ settings, tool, args }: RunInput): Promise<RunOutput> => {
      const abort = new AbortController();
      controller.current = abort;
      setProgress([]);
      try {
        const connection = await slot.ensure(settings);
        abort.signal.throwIfAborted();
        // Passing onprogress makes the SDK send a progressToken: that is what asks the server for progress.
        const result = await connection.client.callTool({ name: tool, arguments: args }, undefined, {
          onprogress: (update) => setProgress((previous) => [...previous, update]),
          signal: abort.signal,
        });
        return { result: result as CallToolResult, sessionId: connection.sessionId };
      } catch (error) {
        // The SDK wraps the abort in an McpError; name it plainly so the panel can tell "cancelled" from "failed".
        throw abort.signal.aborted ? cancelledError() : error;
      }
    },
  });

  return {
    /** Resolves with the result; rejects on protocol errors and on cancel (see isCancelled). */
    run: mutation.mutateAsync,
    cancel: () => controller.current?.abort(cancelledError()),
    trace: slot.trace,
    progress,
    output: mutation.data,
    error: mutation.error,
    pending: mutation.isPending,
    /** The settings of the last run (the one shown). */
    settings: mutation.variables?.settings,
  };
}

export type DemoRun = ReturnType<typeof useDemoRun>;
