'use client';
/**
 * What the connection's wire shows, in one strip: the protocol generation,
 * the handshake (or none), the session id (or none), the per-request envelope,
 * and the HTTP requests and bytes it took.
 */
import { useSyncExternalStore } from 'react';
import type { HttpExchangeLog } from '@/lib/mcp/client/http-log';
import type { ProtocolTrace, TraceEntry } from '@/lib/mcp/client/trace';
import { summarizeWire } from '@/lib/mcp/client/wire-summary';
import { formatBytes } from './format-bytes';
import { useHttpExchanges } from './http-exchanges';

const NO_ENTRIES: readonly TraceEntry[] = [];
const serverSnapshot = () => NO_ENTRIES;

export function WireSummary({ trace, http }: { trace: ProtocolTrace; http: HttpExchangeLog }) {
  const entries = useSyncExternalStore(trace.subscribe, trace.snapshot, serverSnapshot);
  const exchanges = useHttpExchanges(http);
  if (entries.length === 0 && exchanges.length === 0) return null;
  const wire = summarizeWire(entries, exchanges);
  const facts: Array<[key: string, label: string, value: string]> = [
    ['protocol', 'Protocol', wire.protocolVersionHeader ?? '—'],
    ['handshake', 'Handshake', wire.handshake === 'initialize' ? 'initialize (once per connection)' : wire.handshake === 'server/discover' ? 'none — a server/discover probe' : 'none'],
    ['session', 'Mcp-Session-Id', wire.sessionId ?? 'none (the server keeps no session)'],
    ['envelope', '_meta envelope', `${wire.requestsWithEnvelope} of ${wire.requests} request${wire.requests === 1 ? '' : 's'}`],
    [
      'http',
      'HTTP requests',
      `${wire.httpRequests} (${Object.entries(wire.httpByMethod)
        .map(([method, count]) => `${method} ${count}`)
        .join(', ')})${wire.httpRefused ? `, ${wire.httpRefused} refused` : ''}`,
    ],
    ['bytes', 'Bytes', `↑ ${formatBytes(wire.bytesSent)} · ↓ ${formatBytes(wire.bytesReceived)}`],
  ];
  return (
    <dl data-testid="wire-summary" data-handshake={wire.handshake} className="grid gap-x-4 gap-y-1 rounded-lg border border-border px-4 py-3 text-sm sm:grid-cols-[auto_1fr]">
      {facts.map(([key, label, value]) => (
        <div key={key} data-fact={key} className="contents">
          <dt className="font-semibold">{label}</dt>
          <dd className="font-mono">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
