'use client';
/**
 * The protocol trace of the session(s) behind what is on screen: one for a
 * single run, a choice of two for side by side. Reuses the playground's trace.
 */
import { useState } from 'react';
import { ProtocolTrace } from '@/components/mcp/protocol-trace';
import type { ProtocolTrace as ProtocolTraceStore } from '@/lib/mcp/client/trace';

export interface TracedSession {
  label: string;
  trace: ProtocolTraceStore;
}

export function SessionTrace({ sessions }: { sessions: TracedSession[] }) {
  const [chosen, setChosen] = useState(0);
  const shown = sessions[Math.min(chosen, sessions.length - 1)];
  if (!shown) return null;
  return (
    <div className="min-w-0 space-y-2">
      {sessions.length > 1 && (
        <div role="group" aria-label="Whose trace" className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-muted">Trace of the session:</span>
          {sessions.map((session, index) => (
            <button
              key={session.label}
              type="button"
              aria-pressed={session === shown}
              onClick={() => setChosen(index)}
              className="rounded-md border border-border px-3 py-1 font-mono hover:border-accent aria-pressed:border-accent aria-pressed:bg-accent aria-pressed:text-accent-foreground"
            >
              {session.label}
            </button>
          ))}
        </div>
      )}
      {/* Keyed by store: each session's trace keeps its own scroll position. */}
      <ProtocolTrace key={sessions.indexOf(shown)} trace={shown.trace} />
    </div>
  );
}
