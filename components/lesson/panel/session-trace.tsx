'use client';
/**
 * What went over the wire for what is on screen: one connection for a single
 * run, a choice of two for side by side. The summary says what differs between
 * the protocol generations (handshake, session id, envelope, HTTP requests and
 * bytes); the JSON-RPC trace and the HTTP requests are below it.
 */
import { useState } from 'react';
import { HttpExchanges } from '@/components/mcp/http-exchanges';
import { ProtocolTrace } from '@/components/mcp/protocol-trace';
import { WireSummary } from '@/components/mcp/wire-summary';
import type { HttpExchangeLog } from '@/lib/mcp/client/http-log';
import type { ProtocolTrace as ProtocolTraceStore } from '@/lib/mcp/client/trace';

export interface TracedSession {
  label: string;
  trace: ProtocolTraceStore;
  /** The connection's HTTP exchanges, when it records them. */
  http?: HttpExchangeLog;
}

export function SessionTrace({ sessions }: { sessions: TracedSession[] }) {
  const [chosen, setChosen] = useState(0);
  const shown = sessions[Math.min(chosen, sessions.length - 1)];
  if (!shown) return null;
  const index = sessions.indexOf(shown);
  return (
    <div className="min-w-0 space-y-2">
      {sessions.length > 1 && (
        <div role="group" aria-label="Whose trace" className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-muted">Trace of:</span>
          {sessions.map((session, position) => (
            <button
              key={session.label}
              type="button"
              aria-pressed={session === shown}
              onClick={() => setChosen(position)}
              className="rounded-md border border-border px-3 py-1 font-mono hover:border-accent aria-pressed:border-accent aria-pressed:bg-accent aria-pressed:text-accent-foreground"
            >
              {session.label}
            </button>
          ))}
        </div>
      )}
      {/* Keyed by store: each connection's views keep their own scroll position. */}
      {shown.http && <WireSummary key={`summary-${index}`} trace={shown.trace} http={shown.http} />}
      <ProtocolTrace key={index} trace={shown.trace} />
      {shown.http && <HttpExchanges key={`http-${index}`} log={shown.http} />}
    </div>
  );
}
