'use client';
/**
 * The wire, made visible: every JSON-RPC message of the session in order,
 * live as it happens. ↑ = client → server, ↓ = server → client.
 */
import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import type { ProtocolTrace as ProtocolTraceStore, TraceEntry } from '@/lib/mcp/client/trace';
import { formatBytes } from './format-bytes';

const NO_ENTRIES: readonly TraceEntry[] = [];
const serverSnapshot = () => NO_ENTRIES; // nothing is traced while rendering on the server

export function ProtocolTrace({ trace }: { trace: ProtocolTraceStore }) {
  const entries = useSyncExternalStore(trace.subscribe, trace.snapshot, serverSnapshot);
  const [copyStatus, setCopyStatus] = useState('');
  const headingId = useId(); // unique, so two traces can share a page
  const list = useRef<HTMLOListElement>(null);
  // Follow new messages like a terminal does, unless you scrolled up to read an older one.
  const following = useRef(true);
  useEffect(() => {
    if (list.current && following.current) list.current.scrollTop = list.current.scrollHeight;
  }, [entries]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(JSON.stringify(entries, null, 2));
      setCopyStatus(`Copied ${entries.length} messages.`);
    } catch {
      setCopyStatus('Copy failed: the browser did not allow clipboard access.');
    }
  };

  return (
    <section aria-labelledby={headingId} data-testid="protocol-trace" className="rounded-lg border border-border">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-border px-4 py-3">
        <h2 id={headingId} className="text-lg font-semibold">
          Protocol trace <span className="text-base font-normal text-muted">({entries.length})</span>
        </h2>
        <div className="flex gap-2">
          <button type="button" onClick={copy} disabled={entries.length === 0} className={BUTTON_CLASSES}>
            Copy
          </button>
          <button type="button" onClick={() => trace.clear()} disabled={entries.length === 0} className={BUTTON_CLASSES}>
            Clear
          </button>
        </div>
      </div>
      <p role="status" className="sr-only">
        {copyStatus}
      </p>
      {entries.length === 0 ? (
        <p className="px-4 py-6 text-muted">No messages yet. Connect or run to see them: a 2025-11-25 client starts with initialize, a 2026-07-28 one with a server/discover probe.</p>
      ) : (
        <ol
          ref={list}
          aria-label="JSON-RPC messages"
          onScroll={(event) => {
            const { scrollHeight, scrollTop, clientHeight } = event.currentTarget;
            following.current = scrollHeight - scrollTop - clientHeight < 40;
          }}
          className="max-h-[calc(100vh-8rem)] divide-y divide-border overflow-auto"
        >
          {entries.map((entry) => (
            <TraceRow key={entry.seq} entry={entry} />
          ))}
        </ol>
      )}
    </section>
  );
}

const BUTTON_CLASSES = 'rounded-md border border-border px-3 py-1 text-sm hover:bg-border disabled:opacity-50';

// Mid-tones that read on both the light and the dark theme (the theme swaps colours by media query).
const KIND_STYLES: Record<TraceEntry['kind'], string> = {
  request: 'text-sky-700 dark:text-sky-300',
  response: 'text-emerald-700 dark:text-emerald-300',
  notification: 'text-violet-700 dark:text-violet-300',
  error: 'font-bold text-red-600',
};

function TraceRow({ entry }: { entry: TraceEntry }) {
  const outgoing = entry.direction === 'out';
  return (
    <li
      data-testid="trace-entry"
      data-direction={entry.direction}
      data-kind={entry.kind}
      data-method={entry.method ?? entry.answers}
      data-envelope={entry.envelope ? 'yes' : undefined}
    >
      <details>
        <summary className="flex cursor-pointer items-baseline gap-3 px-4 py-2 font-mono text-sm hover:bg-border/50">
          <span aria-hidden className={`w-4 shrink-0 text-base font-bold ${outgoing ? 'text-sky-700 dark:text-sky-300' : 'text-emerald-700 dark:text-emerald-300'}`}>
            {outgoing ? '↑' : '↓'}
          </span>
          <span className="sr-only">{outgoing ? 'sent' : 'received'}</span>
          <span className={`w-24 shrink-0 ${KIND_STYLES[entry.kind]}`}>{entry.kind}</span>
          <span className="min-w-0 flex-1 truncate">
            {entry.method ?? (entry.answers ? <span className="text-muted">→ {entry.answers}</span> : '')}
            {entry.id !== undefined && <span className="text-muted"> #{String(entry.id)}</span>}
          </span>
          {entry.envelope && (
            <span
              data-testid="trace-envelope"
              title={`_meta envelope: ${entry.envelope.join(', ')}`}
              className="shrink-0 rounded border border-border px-1.5 text-xs text-muted"
            >
              _meta envelope
            </span>
          )}
          <span className="shrink-0 text-muted">{formatBytes(entry.size)}</span>
          <span className="w-16 shrink-0 text-right text-muted">{entry.latencyMs !== undefined ? `${Math.round(entry.latencyMs)} ms` : ''}</span>
        </summary>
        <pre className="max-h-80 overflow-auto bg-border/30 px-4 py-2 font-mono text-sm leading-relaxed">
          {JSON.stringify(entry.message, null, 2)}
        </pre>
      </details>
    </li>
  );
}
